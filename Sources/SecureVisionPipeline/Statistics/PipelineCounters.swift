// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore
internal import Synchronization

/// The live counters of every camera's pipeline, updated by the runners and read by the API.
public final class PipelineCounters: PipelineStatusProvider {
    /// How many recent event latencies each camera keeps.
    public static let latencyWindow = 256
    private let cameras = Mutex<[String: PipelineStatistics]>([:])

    /// Makes empty counters.
    public init() {}

    /// Changes the counters of `cameraID`.
    /// - Parameters:
    ///   - cameraID: The camera.
    ///   - body: The change; keep it short, a lock is held.
    public func update(_ cameraID: String, _ body: (inout PipelineStatistics) -> Void) {
        cameras.withLock { cameras in
            body(&cameras[cameraID, default: PipelineStatistics(cameraID: cameraID)])
        }
    }

    /// Records the capture-to-commit latency of one stored event.
    /// - Parameters:
    ///   - cameraID: The camera.
    ///   - milliseconds: The latency.
    public func recordLatency(_ cameraID: String, milliseconds: Int64) {
        update(cameraID) { statistics in
            statistics.recentEventLatenciesMs.append(milliseconds)
            if statistics.recentEventLatenciesMs.count > Self.latencyWindow {
                statistics.recentEventLatenciesMs.removeFirst(
                    statistics.recentEventLatenciesMs.count - Self.latencyWindow
                )
            }
        }
    }

    /// Forgets a camera that was removed.
    /// - Parameter cameraID: The camera.
    public func remove(_ cameraID: String) {
        _ = cameras.withLock { $0.removeValue(forKey: cameraID) }
    }

    /// The counters of one camera.
    /// - Parameter cameraID: The camera.
    /// - Returns: Its statistics, or `nil` when it never ran.
    public func statistics(for cameraID: String) -> PipelineStatistics? {
        cameras.withLock { $0[cameraID] }
    }

    public func allPipelineStatistics() -> [PipelineStatistics] {
        cameras.withLock { Array($0.values) }.sorted { $0.cameraID < $1.cameraID }
    }
}
