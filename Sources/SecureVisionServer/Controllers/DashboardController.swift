// SPDX-License-Identifier: Apache-2.0

internal import HTTPTypes
internal import Hummingbird

/// The browser dashboard: its page at `GET /` for clients that prefer HTML, and its scripts,
/// styles and icon at `GET /ui/{asset}`.
///
/// The files hold no data and are served without a token; every call the page makes afterwards
/// goes through the public API with the bearer token the user signs in with.
struct DashboardController {
    /// Where the assets live; ``AuthMiddleware`` lets `GET` requests under it through.
    static let assetPrefix = "/ui/"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/ui/{asset}") { request, context in
            guard let name = context.parameters.get("asset"), let asset = DashboardAsset.assets[name] else {
                throw HTTPError(.notFound, message: "no such dashboard file")
            }
            return Self.response(asset, request: request)
        }
    }

    /// Whether `path` is one that only dashboard files are served under.
    static func isAssetPath(_ path: String) -> Bool {
        path.hasPrefix(assetPrefix)
    }

    /// The dashboard page; ``SecurityHeadersMiddleware`` gives it the page's CSP.
    static func page(request: Request) -> Response {
        var response = response(DashboardAsset.page, request: request)
        response.headers[.vary] = "Accept"
        return response
    }

    /// The asset with an `ETag`, or `304 Not Modified` when the client's copy is current.
    ///
    /// `no-cache` makes browsers revalidate every time, so a new binary's files are never mixed
    /// with an old one's; the revalidation costs one small request.
    static func response(_ asset: DashboardAsset, request: Request) -> Response {
        // The content type stays on a 304 too: it decides which CSP the middleware adds, and a browser
        // updates its cached page's headers from the 304.
        let headers: HTTPFields = [.eTag: asset.etag, .cacheControl: "no-cache", .contentType: asset.contentType]
        let validators = request.headers[.ifNoneMatch]?.split(separator: ",") ?? []
        if validators.contains(where: { $0.filter { !$0.isWhitespace }.replacing("W/", with: "") == asset.etag }) {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: asset.body))
    }
}
