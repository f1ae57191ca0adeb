// SPDX-License-Identifier: Apache-2.0

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
        router.ws(RouterPath(Self.path)) { inbound, outbound, context in
            try await session.run(
                inbound: inbound,
                outbound: outbound,
                principal: context.requestContext.principal,
                clientAddress: context.requestContext.clientAddress,
                logger: context.logger
            )
        }
    }
}
