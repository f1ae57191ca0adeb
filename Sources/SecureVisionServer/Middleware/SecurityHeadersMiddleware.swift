// SPDX-License-Identifier: Apache-2.0

internal import HTTPTypes
internal import Hummingbird

/// Adds the headers a security product's responses should carry, and refuses oversized bodies early.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The largest body accepted, from `SECUREVISION__API__MAX_BODY_MB`.
    let maxBodyBytes: Int

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
            // Answered here, outside the error middleware, so the body is never read.
            response = JSONErrorMiddleware<Context>.response(
                status: .contentTooLarge,
                detail: "request body larger than \(maxBodyBytes) bytes"
            )
        } else {
            response = try await next(request, context)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        // Only the dashboard page gets a policy that lets it load images from memory and open its WebSocket.
        let isPage = response.headers[.contentType]?.hasPrefix("text/html") == true
        response.headers[.contentSecurityPolicy] =
            isPage ? ContentSecurityPolicy.dashboard(authority: request.head.authority) : ContentSecurityPolicy.api
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
