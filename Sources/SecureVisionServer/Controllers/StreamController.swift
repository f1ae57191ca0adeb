// SPDX-License-Identifier: Apache-2.0

internal import HTTPTypes
internal import Hummingbird
internal import HummingbirdWebSocket

/// `WS /stream`: live events as the same JSON the REST API returns.
struct StreamController {
    static let path = "/stream"

    let settings: ServerSettings
    let dependencies: ServerDependencies
    let authenticator: Authenticator

    func addRoutes(to router: Router<AppRequestContext>) {
        let session = StreamSession(
            enabled: settings.wsEnabled,
            authenticator: authenticator,
            broadcaster: dependencies.broadcaster,
            authTimeout: settings.streamAuthTimeout,
            queueSize: settings.streamQueueSize
        )
        router.ws(RouterPath(Self.path), shouldUpgrade: Self.shouldUpgrade) { inbound, outbound, context in
            try await session.run(
                inbound: inbound,
                outbound: outbound,
                principal: context.requestContext.principal,
                clientAddress: context.requestContext.clientAddress,
                logger: context.logger
            )
        }
    }

    /// Lets only a WebSocket handshake reach the session.
    ///
    /// A plain `GET /stream` also runs this route (the upgrade channel hands it to the router like any
    /// request), and would otherwise get an empty 200.
    /// - Throws: `HTTPError` 426 with `Upgrade: websocket` when the request asks for no WebSocket.
    @Sendable static func shouldUpgrade(_ request: Request, _: AppRequestContext) throws -> RouterShouldUpgrade {
        guard asksForWebSocket(request.headers) else {
            throw HTTPError(
                .upgradeRequired,
                headers: [.upgrade: "websocket"],
                message: "\(path) is a WebSocket; connect with a WebSocket client"
            )
        }
        return .upgrade([:])
    }

    /// Whether one of the `Upgrade` header's protocols is `websocket` (case-insensitive, RFC 6455).
    static func asksForWebSocket(_ headers: HTTPFields) -> Bool {
        headers[values: .upgrade]
            .flatMap { $0.split(separator: ",") }
            .contains { $0.filter { !$0.isWhitespace }.lowercased() == "websocket" }
    }
}
