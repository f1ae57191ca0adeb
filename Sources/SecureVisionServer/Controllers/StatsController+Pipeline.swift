// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

extension StatsController {
    /// The analysis counters of every camera, as Prometheus families.
    func appendPipelineMetrics(to text: inout PrometheusText) {
        let pipelines = dependencies.pipelines?.allPipelineStatistics() ?? []
        func perCamera(_ value: (PipelineStatistics) -> UInt64) -> [([String: String], Double)] {
            pipelines.map { (["camera": $0.cameraID], Double(value($0))) }
        }
        let counters: [(String, String, (PipelineStatistics) -> UInt64)] = [
            ("analysed", "Frames the detectors ran on.", \.framesAnalysed),
            ("quiet", "Frames the motion gate passed without detectors.", \.framesQuiet),
            ("skipped", "Frames whose detector work was dropped under overload.", \.framesSkipped),
            ("failed", "Frames whose analysis failed and was skipped.", \.errors),
        ]
        for (name, help, value) in counters {
            text.counter("securevision_pipeline_frames_\(name)_total", help, perCamera(value))
        }
        text.counter(
            "securevision_pipeline_events_total",
            "Events stored by the analysis.",
            perCamera(\.eventsStored)
        )
        text.counter(
            "securevision_pipeline_cooldown_suppressed_total",
            "Repeat sightings not stored because of the cooldown.",
            perCamera(\.suppressedByCooldown)
        )
        text.counter(
            "securevision_pipeline_restarts_total",
            "Times a camera's analysis was restarted after failing.",
            perCamera(\.restarts)
        )
        text.counter(
            "securevision_inference_seconds_total",
            "Seconds spent in each detector.",
            pipelines.flatMap { statistics in
                DetectorKind.allCases.map { kind in
                    (
                        ["camera": statistics.cameraID, "detector": kind.rawValue],
                        statistics.inferenceSeconds[kind] ?? 0
                    )
                }
            }
        )
        text.gauge(
            "securevision_event_latency_ms",
            "Capture-to-commit latency of recent events.",
            pipelines.flatMap { statistics -> [([String: String], Double)] in
                let sorted = statistics.recentEventLatenciesMs.sorted()
                guard !sorted.isEmpty else { return [] }
                return [("0.5", 0.5), ("0.95", 0.95)].map { label, quantile in
                    let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * quantile).rounded()))
                    return (["camera": statistics.cameraID, "quantile": label], Double(sorted[index]))
                }
            }
        )
    }
}
