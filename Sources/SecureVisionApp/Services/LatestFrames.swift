// SPDX-License-Identifier: Apache-2.0

internal import Dispatch
internal import Foundation
internal import SecureVisionCore
internal import SecureVisionDetection
internal import Synchronization

/// The newest frame of each camera, encoded to JPEG only when someone asks.
final class LatestFrames: LatestFrameProvider {
    private let frames = Mutex<[String: Frame]>([:])
    /// JPEG encoding is blocking native work: it runs here, off the cooperative pool.
    private let queue = DispatchQueue(label: "securevision.latest-frames")

    func update(_ frame: Frame) {
        frames.withLock { $0[frame.cameraID] = frame }
    }

    func latestJPEG(cameraID: String) async throws -> [UInt8]? {
        guard let frame = frames.withLock({ $0[cameraID] }) else { return nil }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { [UInt8](try ImageCodec.encodeJPEG(frame.image, quality: 80)) })
            }
        }
    }
}
