// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import SecureVisionPipeline
import Testing

@Suite("Motion gate")
struct MotionGateTests {
    private let frame = PixelSize(width: 1920, height: 1080)

    private func motion(_ boxes: [BoundingBox], recalibrated: Bool = false) -> MotionResult {
        MotionResult(
            regions: boxes.map { MotionRegion(box: $0, area: $0.area) },
            changedFraction: 0.01,
            recalibrated: recalibrated
        )
    }

    @Test("quiet frames skip, except the first and once per safety-net interval")
    func safetyNet() {
        var gate = MotionGate()
        let quiet = motion([])
        let decisions = [0, 1_000, 4_999, 5_000, 6_000, 10_000].map { (time: Int64) in
            gate.decide(motion: quiet, frameSize: frame, nowMs: time)
        }
        #expect(
            decisions == [.fullFrame(.safetyNet), .skip, .skip, .fullFrame(.safetyNet), .skip, .fullFrame(.safetyNet)]
        )
    }

    @Test("small motion runs on padded regions, and the detectors keep running briefly after it stops")
    func regionsAndHold() {
        var gate = MotionGate()
        _ = gate.decide(motion: motion([]), frameSize: frame, nowMs: 0)
        let moving = gate.decide(
            motion: motion([BoundingBox(x1: 100, y1: 100, x2: 200, y2: 300)]),
            frameSize: frame,
            nowMs: 100
        )
        guard case .regions(let boxes) = moving, let box = boxes.first else {
            Issue.record("expected regions, got \(moving)")
            return
        }
        #expect(boxes.count == 1)
        #expect(box.x1 == 50 && box.y1 == 50 && box.x2 == 250 && box.y2 == 350)
        let held = gate.decide(motion: motion([]), frameSize: frame, nowMs: 600)
        let after = gate.decide(motion: motion([]), frameSize: frame, nowMs: 1_200)
        #expect(held == .fullFrame(.hold))
        #expect(after == .skip)
    }

    @Test("overlapping regions merge; many or large regions give one full-frame pass")
    func mergingAndFullFrame() {
        var gate = MotionGate()
        let overlapping = gate.decide(
            motion: motion([
                BoundingBox(x1: 100, y1: 100, x2: 200, y2: 200),
                BoundingBox(x1: 180, y1: 120, x2: 260, y2: 220),
            ]),
            frameSize: frame,
            nowMs: 0
        )
        if case .regions(let boxes) = overlapping {
            #expect(boxes.count == 1)
        } else {
            Issue.record("expected one merged region, got \(overlapping)")
        }
        let scattered = (0..<5).map { index in
            BoundingBox(x1: Double(index) * 380, y1: 800, x2: Double(index) * 380 + 20, y2: 820)
        }
        #expect(gate.decide(motion: motion(scattered), frameSize: frame, nowMs: 100) == .fullFrame(.motion))
        let large = [BoundingBox(x1: 0, y1: 0, x2: 1500, y2: 900)]
        #expect(gate.decide(motion: motion(large), frameSize: frame, nowMs: 200) == .fullFrame(.motion))
    }

    @Test("no motion answer or a recalibration runs the full frame")
    func noMotionData() {
        var gate = MotionGate()
        _ = gate.decide(motion: motion([]), frameSize: frame, nowMs: 0)
        #expect(gate.decide(motion: nil, frameSize: frame, nowMs: 10) == .fullFrame(.noMotionData))
        #expect(
            gate.decide(motion: motion([], recalibrated: true), frameSize: frame, nowMs: 20)
                == .fullFrame(.recalibrated)
        )
    }
}
