// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// Decides, frame by frame, whether the heavy detectors run and on which part of the frame.
///
/// They run when there is motion, for a short hold after it stops (so a car that pulls up and parks
/// still reaches confirmation), and otherwise once per safety-net interval so that something that
/// arrived unseen by the motion detector is still found. With motion in a few small regions, the
/// detectors run on those regions, padded and merged; when the regions are many or cover much of the
/// frame, one full-frame pass is cheaper.
///
/// ```swift
/// var gate = MotionGate()
/// switch gate.decide(motion: result, frameSize: frame.sourceSize, nowMs: frame.captureTimeMs) {
/// case .skip: break
/// case .fullFrame: analyse(frame)
/// case .regions(let boxes): analyse(frame, in: boxes)
/// }
/// ```
public struct MotionGate: Sendable {
    /// The gate's tuning.
    public struct Configuration: Sendable, Hashable {
        /// The longest time without a detector pass, in milliseconds; 0 runs the detectors on every frame.
        public var safetyNetIntervalMs: Int64 = 5_000
        /// How long detectors keep running on the full frame after motion stops, in milliseconds.
        public var holdMs: Int64 = 1_000
        /// Padding added on each side of a region, as a fraction of its larger side.
        public var regionPadding = 0.25
        /// The smallest side of a region, in full-frame pixels, so detectors see some context.
        public var minimumRegionSide = 160.0
        /// Above this fraction of the frame's area, regions give way to one full-frame pass.
        public var fullFrameCoverage = 0.4
        /// Above this many merged regions, regions give way to one full-frame pass.
        public var maxRegions = 3

        /// Makes the default tuning: a 5 s safety net, a 1 s hold, up to 3 regions covering up to 40 %.
        public init() {}
    }

    /// Why the detectors run.
    public enum Reason: String, Sendable, Hashable {
        /// The motion detector saw motion.
        case motion
        /// Motion stopped less than the hold time ago.
        case hold
        /// The safety-net interval passed with no detector pass.
        case safetyNet
        /// The motion detector reset its background, so its answer means nothing on this frame.
        case recalibrated
        /// The frame has no motion answer at all.
        case noMotionData
    }

    /// What to do with a frame.
    public enum Decision: Sendable, Hashable {
        /// Do not run the heavy detectors on this frame.
        case skip
        /// Run them on the whole frame.
        case fullFrame(Reason)
        /// Run them on these regions of the frame only, in full-frame pixels.
        case regions([BoundingBox])

        /// Whether the detectors run at all.
        public var runsDetectors: Bool { self != .skip }
    }

    /// The gate's tuning.
    public let configuration: Configuration
    private var lastRunMs: Int64?
    private var lastMotionMs: Int64?

    /// Makes a gate that has not run yet, so its first frame runs.
    /// - Parameter configuration: The tuning.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Decides for one frame and remembers when detectors last ran.
    /// - Parameters:
    ///   - motion: The motion detector's answer, or `nil` when the frame had none.
    ///   - frameSize: The full frame's size, for clipping and coverage.
    ///   - nowMs: The frame's time in milliseconds.
    /// - Returns: Whether and where to run the detectors.
    public mutating func decide(motion: MotionResult?, frameSize: PixelSize, nowMs: Int64) -> Decision {
        let decision = evaluate(motion: motion, frameSize: frameSize, nowMs: nowMs)
        if decision.runsDetectors { lastRunMs = nowMs }
        return decision
    }

    private mutating func evaluate(motion: MotionResult?, frameSize: PixelSize, nowMs: Int64) -> Decision {
        guard let motion else { return .fullFrame(.noMotionData) }
        if motion.recalibrated { return .fullFrame(.recalibrated) }
        if motion.hasMotion {
            lastMotionMs = nowMs
            return regions(for: motion.regions.map(\.box), frameSize: frameSize)
        }
        if let lastMotionMs, nowMs - lastMotionMs >= 0, nowMs - lastMotionMs < configuration.holdMs {
            return .fullFrame(.hold)
        }
        guard let lastRunMs else { return .fullFrame(.safetyNet) }
        let elapsed = nowMs - lastRunMs
        return elapsed < 0 || elapsed >= configuration.safetyNetIntervalMs ? .fullFrame(.safetyNet) : .skip
    }

    /// Pads, clips and merges motion boxes, or asks for the full frame when that is cheaper.
    private func regions(for boxes: [BoundingBox], frameSize: PixelSize) -> Decision {
        let frame = BoundingBox(x1: 0, y1: 0, x2: Double(frameSize.width), y2: Double(frameSize.height))
        guard frame.area > 0 else { return .fullFrame(.motion) }
        var merged: [BoundingBox] = []
        for box in boxes.map({ padded($0, within: frame) }) {
            var current = box
            // Merging can make a box overlap one merged earlier, so repeat until nothing overlaps.
            while let index = merged.firstIndex(where: { $0.intersects(current) }) {
                current = current.union(merged.remove(at: index))
            }
            merged.append(current)
        }
        let coverage = merged.reduce(0) { $0 + $1.area } / frame.area
        if merged.count > configuration.maxRegions || coverage > configuration.fullFrameCoverage {
            return .fullFrame(.motion)
        }
        return .regions(merged.sorted { $0.area > $1.area })
    }

    private func padded(_ box: BoundingBox, within frame: BoundingBox) -> BoundingBox {
        let pad = max(box.width, box.height) * configuration.regionPadding
        let width = max(box.width + 2 * pad, configuration.minimumRegionSide)
        let height = max(box.height + 2 * pad, configuration.minimumRegionSide)
        let centerX = (box.x1 + box.x2) / 2
        let centerY = (box.y1 + box.y2) / 2
        return BoundingBox(
            x1: max(frame.x1, centerX - width / 2),
            y1: max(frame.y1, centerY - height / 2),
            x2: min(frame.x2, centerX + width / 2),
            y2: min(frame.y2, centerY + height / 2)
        )
    }
}

extension BoundingBox {
    fileprivate func intersects(_ other: BoundingBox) -> Bool {
        x1 < other.x2 && other.x1 < x2 && y1 < other.y2 && other.y1 < y2
    }

    fileprivate func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(x1: min(x1, other.x1), y1: min(y1, other.y1), x2: max(x2, other.x2), y2: max(y2, other.y2))
    }
}
