// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// Wall-clock milliseconds since the Unix epoch, the unit of every timestamp in the store and API.
@Sendable func currentTimeMs() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1000).rounded())
}
