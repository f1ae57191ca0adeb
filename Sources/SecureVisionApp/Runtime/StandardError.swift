// SPDX-License-Identifier: Apache-2.0

internal import Foundation

/// Writes diagnostics to standard error; Glibc's `stderr` global is not concurrency-safe.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
