// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// The detector work for one frame: the whole frame or the regions the motion gate chose.
///
/// Results come back in the frame's source pixels. It blocks, so it runs on an inference thread.
public struct FrameAnalysisJob: Sendable {
    /// The frame to analyse.
    public let frame: Frame
    /// Which detector families run.
    public let detectors: Set<DetectorKind>
    /// The regions, in source pixels, or `nil` for the whole frame.
    public let regions: [BoundingBox]?

    /// Makes the job the gate asked for.
    /// - Parameters:
    ///   - frame: The frame.
    ///   - detectors: Which detector families run.
    ///   - decision: The gate's decision; `.skip` gives no job.
    public init?(frame: Frame, detectors: Set<DetectorKind>, decision: MotionGate.Decision) {
        self.frame = frame
        self.detectors = detectors
        switch decision {
        case .skip: return nil
        case .fullFrame: regions = nil
        case .regions(let boxes): regions = boxes
        }
    }

    /// Runs the detectors.
    /// - Parameter engine: The detectors.
    /// - Returns: What was found, in source pixels, and the time each family took.
    /// - Throws: What the engine throws.
    public func run(on engine: any VisionEngine) throws -> FrameAnalysis {
        let image = frame.image
        // The analysed image may be smaller than the stream; results are reported in stream pixels.
        let scaleX = Double(frame.sourceSize.width) / Double(image.width)
        let scaleY = Double(frame.sourceSize.height) / Double(image.height)
        guard let regions else {
            var result = try engine.analyze(image, detectors: detectors)
            result.analysis = result.analysis.mapped(scaleX: scaleX, scaleY: scaleY)
            return result
        }
        var merged = FrameAnalysis()
        for region in regions {
            let inImage = region.scaled(x: 1 / scaleX, y: 1 / scaleY)
            guard let crop = image.cropped(to: inImage) else { continue }
            // The crop starts at the clipped, rounded-down corner; map back from there.
            let originX = Double(max(0, Int(inImage.x1.rounded(.down))))
            let originY = Double(max(0, Int(inImage.y1.rounded(.down))))
            var part = try engine.analyze(crop, detectors: detectors)
            part.analysis = part.analysis.mapped(
                scaleX: scaleX,
                scaleY: scaleY,
                offsetX: originX * scaleX,
                offsetY: originY * scaleY
            )
            merged.merge(part)
        }
        return merged
    }
}
