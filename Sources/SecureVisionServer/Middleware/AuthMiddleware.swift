// SPDX-License-Identifier: Apache-2.0

internal import HTTPTypes
internal import Hummingbird

/// Authenticates every request except the public status routes, before any handler runs.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// `GET /` and `GET /health` stay open, as in the earlier version (monitors poll them), and so
    /// does the API description, which holds no data.
    static let publicPaths: Set<String> = ["/", "/health", "/openapi.json"]

    let authenticator: Authenticator

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        // The dashboard's scripts and styles hold no data; every call the page then makes needs a token.
        if request.method == .get
            && (Self.publicPaths.contains(request.uri.path) || DashboardController.isAssetPath(request.uri.path))
        {
            return try await next(request, context)
        }
        // Browsers cannot set headers on a WebSocket: /stream may instead authenticate with its first
        // message, so only a header that is present is checked here.
        if request.uri.path == StreamController.path && request.headers[.authorization] == nil {
            return try await next(request, context)
        }
        context.principal = try await authenticator.authenticate(
            authorization: request.headers[.authorization],
            clientAddress: context.clientAddress
        )
        return try await next(request, context)
    }
}
