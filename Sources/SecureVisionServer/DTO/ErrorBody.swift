// SPDX-License-Identifier: Apache-2.0

/// The body of every error response, as the earlier version sent it: `{"detail": "..."}`.
struct ErrorBody: Codable, Sendable {
    var detail: String
}
