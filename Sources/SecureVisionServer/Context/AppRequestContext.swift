// SPDX-License-Identifier: Apache-2.0

public import Hummingbird
public import HummingbirdWebSocket
public import NIOCore
internal import SecureVisionCore

/// The request context of every route: the client's address and, once authenticated, who it is.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Where the `/stream` route leaves its handler for the upgrade.
    public let webSocket: WebSocketHandlerReference<AppRequestContext>
    /// Set by ``AuthMiddleware`` before any protected route runs.
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        webSocket = .init()
        principal = nil
    }

    /// Decoded bodies are capped well below the raw body limit; uploads read their body themselves.
    public var maxUploadSize: Int { 1_048_576 }

    /// The client address without the port, the key of failed-auth rate limiting.
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }

    /// Throws 403 unless the request's principal has `scope`.
    func require(_ scope: TokenScope) throws {
        guard let principal, principal.allows(scope) else {
            throw HTTPError(.forbidden, message: "this token lacks the \(scope.rawValue) scope")
        }
    }
}
