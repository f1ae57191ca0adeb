// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import Logging
internal import SecureVisionCore

/// Turns every error into `{"detail": ...}` with a fitting status, and never leaks internals.
///
/// Client errors keep their message; anything unexpected becomes a generic 500 and is logged
/// (with credentials redacted) instead of being sent to the client.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let detail = error.body ?? error.status.reasonPhrase
            return Self.response(status: error.status, detail: detail, headers: error.headers)
        } catch let error as StoreError where error.code == .notFound {
            return Self.response(status: .notFound, detail: error.message)
        } catch let error as StoreError where error.code == .conflict {
            return Self.response(status: .conflict, detail: error.message)
        } catch let error as StoreError where error.code == .invalidInput {
            return Self.response(status: .unprocessableContent, detail: error.message)
        } catch {
            context.logger.error(
                "request failed",
                metadata: ["path": "\(request.uri.path)", "error": "\(Redaction.redactingCredentials(in: "\(error)"))"]
            )
            return Self.response(status: .internalServerError, detail: "internal server error")
        }
    }

    static func response(status: HTTPResponse.Status, detail: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        let data = (try? JSONEncoder().encode(ErrorBody(detail: detail))) ?? Data(#"{"detail":"error"}"#.utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
