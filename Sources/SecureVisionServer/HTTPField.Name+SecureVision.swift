// SPDX-License-Identifier: Apache-2.0
// swift-format-ignore-file: NeverForceUnwrap

internal import HTTPTypes

// Each name below is a literal, valid field name, so the failable initialiser cannot fail.

extension HTTPField.Name {
    /// The number of events matching the filters of `GET /events`.
    static let xTotalCount = Self("X-Total-Count")!
    /// The cursor of the next page of `GET /events`; absent on the last page.
    static let xNextCursor = Self("X-Next-Cursor")!
    /// Forbids framing the API and dashboard (clickjacking).
    static let xFrameOptions = Self("X-Frame-Options")!
    /// Keeps URLs with event ids out of other sites' logs.
    static let referrerPolicy = Self("Referrer-Policy")!
}
