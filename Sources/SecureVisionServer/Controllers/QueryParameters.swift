// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird

/// Reads query and path parameters, answering 422 with the parameter's name when one is malformed.
struct QueryParameters {
    let request: Request
    let context: AppRequestContext

    /// The text of `name`, or `nil` when absent or empty.
    func string(_ name: String) -> String? {
        guard let value = request.uri.queryParameters[name[...]], !value.isEmpty else { return nil }
        return String(value)
    }

    /// An integer query parameter within `range`.
    func integer(_ name: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let text = string(name) else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw HTTPError(
                .unprocessableContent,
                message: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return value
    }

    /// The positive integer id in the path.
    func pathID(_ name: String = "id") throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Int64(text), id > 0 else {
            throw HTTPError(.unprocessableContent, message: "\(name) must be a positive integer")
        }
        return id
    }
}
