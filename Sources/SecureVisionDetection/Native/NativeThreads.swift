// SPDX-License-Identifier: Apache-2.0

import Foundation

/// OpenCV's thread count for every network in the process.
///
/// The first detector created fixes the count (OpenCV's `setNumThreads` is process-wide and is called once).
/// It defaults to the number of active cores.
public enum NativeThreads {
    /// The count the first detector will ask for.
    static let requested = ProcessInfo.processInfo.activeProcessorCount

    /// The thread count OpenCV uses; configures it on first use.
    public static var current: Int { NativeCall.configureThreads() }
}
