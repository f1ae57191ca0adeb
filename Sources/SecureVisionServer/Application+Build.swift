// SPDX-License-Identifier: Apache-2.0

public import Hummingbird
public import Logging

/// Builds the router with every route and middleware; tests build the same one.
/// - Parameters:
///   - settings: What the server reports and how it binds.
///   - dependencies: The ports it reads through.
/// - Returns: A router ready to serve.
public func buildRouter(
    settings: ServerSettings,
    dependencies: ServerDependencies
) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: JSONErrorMiddleware())
    StatusController(settings: settings, dependencies: dependencies).addRoutes(to: router)
    return router
}

/// Builds the HTTP application, a `Service` to run in the process's `ServiceGroup`.
/// - Parameters:
///   - settings: Host, port and what `GET /` reports.
///   - dependencies: The ports the routes read through.
///   - logger: The logger for requests and server events.
///   - onServerRunning: Called with the bound address once the socket listens (port 0 picks a free port).
/// - Returns: The application.
public func buildApplication(
    settings: ServerSettings,
    dependencies: ServerDependencies,
    logger: Logger,
    onServerRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(settings: settings, dependencies: dependencies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "SecureVision"),
        onServerRunning: { channel in
            let address = channel.localAddress
            await onServerRunning(address?.ipAddress ?? settings.host, address?.port ?? settings.port)
        },
        logger: logger
    )
}
