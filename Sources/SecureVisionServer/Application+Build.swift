// SPDX-License-Identifier: Apache-2.0

public import Hummingbird
public import Logging

/// Builds the router with every route and middleware; tests build the same one.
///
/// Middleware order, outermost first: security headers and body limit, CORS for listed origins,
/// errors become `{"detail"}`, then authentication; so a refused request still gets the security
/// and CORS headers (a browser must be able to read a 401).
/// - Parameters:
///   - settings: What the server reports, its limits and its environment token.
///   - dependencies: The ports it reads and writes through.
/// - Returns: A router ready to serve.
public func buildRouter(
    settings: ServerSettings,
    dependencies: ServerDependencies
) -> Router<AppRequestContext> {
    let authenticator = Authenticator(
        environmentToken: settings.environmentToken,
        tokens: dependencies.tokens,
        failuresPerMinute: settings.authFailuresPerMinute,
        requestsPerMinute: settings.requestsPerMinute,
        nowMs: dependencies.nowMs
    )
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware(maxBodyBytes: settings.maxBodyBytes))
    router.add(middleware: CORSMiddleware(allowedOrigins: Set(settings.corsOrigins)))
    router.add(middleware: JSONErrorMiddleware())
    router.add(middleware: AuthMiddleware(authenticator: authenticator))
    StatusController(settings: settings, dependencies: dependencies, authenticator: authenticator)
        .addRoutes(to: router)
    EventsController(dependencies: dependencies).addRoutes(to: router)
    MaintenanceController(settings: settings, dependencies: dependencies).addRoutes(to: router)
    PlateListsController(dependencies: dependencies).addRoutes(to: router)
    PeopleController(settings: settings, dependencies: dependencies).addRoutes(to: router)
    StatsController(dependencies: dependencies).addRoutes(to: router)
    CamerasController(settings: settings, dependencies: dependencies).addRoutes(to: router)
    StreamController(settings: settings, dependencies: dependencies, authenticator: authenticator)
        .addRoutes(to: router)
    DashboardController().addRoutes(to: router)
    return router
}

/// Builds the HTTP application, a `Service` to run in the process's `ServiceGroup`.
/// - Parameters:
///   - settings: Host, port, limits and what `GET /` reports.
///   - dependencies: The ports the routes use.
///   - logger: The logger for requests and server events.
///   - onServerRunning: Called with the bound address once the socket listens (port 0 picks a free port).
/// - Returns: The application.
/// - Throws: ``ServerStartupError`` when the TLS certificate or key cannot be loaded.
public func buildApplication(
    settings: ServerSettings,
    dependencies: ServerDependencies,
    logger: Logger,
    onServerRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) throws -> some ApplicationProtocol {
    let router = buildRouter(settings: settings, dependencies: dependencies)
    return Application(
        router: router,
        server: try TLSServerBuilder.make(router: router, tls: settings.tls),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "SecureVision"),
        onServerRunning: { channel in
            let address = channel.localAddress
            await onServerRunning(address?.ipAddress ?? settings.host, address?.port ?? settings.port)
        },
        logger: logger
    )
}
