// SPDX-License-Identifier: Apache-2.0
//
// Decodes a file through the capture path as fast as possible and prints one JSON object:
//   CaptureBenchmark FILE [--threads N] [--analyse-fps F] [--analysis-size WxH] [--realtime]
// With --analyse-fps 0 (the default) only decoding is measured, as `ffmpeg -f null` does;
// --realtime paces the file like a live camera (for CPU per minute and hand-off latency).

internal import Foundation
internal import Glibc
internal import SecureVisionCapture
internal import SecureVisionCore

struct Options {
    var path = ""
    var threads = 2
    var analyseFPS = 0.0
    var analysisSize: PixelSize?
    var realtime = false
    var seconds: Double?
    var verbose = false

    init?(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--threads": threads = rest.popFirst().flatMap(Int.init) ?? threads
            case "--realtime": realtime = true
            case "--verbose": verbose = true
            case "--seconds": seconds = rest.popFirst().flatMap(Double.init)
            case "--analyse-fps": analyseFPS = rest.popFirst().flatMap(Double.init) ?? analyseFPS
            case "--analysis-size":
                let parts = (rest.popFirst() ?? "").split(separator: "x").compactMap { Int($0) }
                if parts.count == 2 { analysisSize = PixelSize(width: parts[0], height: parts[1]) }
            default: path = argument
            }
        }
        if path.isEmpty { return nil }
    }
}

func cpuSeconds() -> (cpu: Double, maxRSSKiB: Int) {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1_000_000
    return (user + system, usage.ru_maxrss)
}

guard let options = Options(CommandLine.arguments) else {
    FileHandle.standardError.write(Data("usage: CaptureBenchmark FILE [--threads N] [--analyse-fps F]\n".utf8))
    exit(2)
}

var configuration = CaptureConfiguration(
    cameraID: "bench",
    sourceType: CaptureProbe.sourceType(for: options.path),
    url: options.path
)
configuration.realtime = options.realtime
configuration.decoderThreads = options.threads
configuration.analysisRate = options.analyseFPS > 0 ? .perSecond(options.analyseFPS) : .none
configuration.analysisSize = options.analysisSize
configuration.bufferCapacity = 2

do {
    let capture = try CameraCapture(configuration: configuration)
    let start = Date()
    if options.verbose {
        Thread.detachNewThread {
            let origin = Date()
            let semaphore = DispatchSemaphore(value: 0)
            Task {
                for await change in capture.stateChanges {
                    let at = String(format: "%.2f", Date().timeIntervalSince(origin))
                    FileHandle.standardError.write(Data("[\(at) s] \(change.state): \(change.reason)\n".utf8))
                }
                semaphore.signal()
            }
            semaphore.wait()
        }
    }
    capture.start()
    if let limit = options.seconds {
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: limit)
            capture.stop()
        }
    }
    var handOffLatencyMs: [Double] = []
    for await frame in capture.frames {
        let now = Date().timeIntervalSince1970 * 1000
        handOffLatencyMs.append(now - Double(frame.captureTimeMs))
    }
    let seconds = Date().timeIntervalSince(start)
    let statistics = capture.statistics
    if let error = capture.lastError, statistics.framesDecoded == 0 {
        FileHandle.standardError.write(Data("CaptureBenchmark: \(error)\n".utf8))
        exit(1)
    }
    let usage = cpuSeconds()
    handOffLatencyMs.sort()
    let median = handOffLatencyMs.isEmpty ? 0 : handOffLatencyMs[handOffLatencyMs.count / 2]
    var result: [String: Any] = [
        "frames": Double(statistics.framesDecoded),
        "analysed": Double(statistics.framesAnalysed),
        "dropped": Double(statistics.framesDropped),
        "seconds": seconds,
        "fps": Double(statistics.framesDecoded) / seconds,
        "cpu_seconds": usage.cpu,
        "max_rss_mib": Double(usage.maxRSSKiB) / 1024,
        "handoff_latency_ms_median": median,
        "threads": Double(options.threads),
        "reconnects": Double(statistics.reconnects),
        "decode_errors": Double(statistics.decodeErrors),
    ]
    if let error = statistics.lastError { result["last_error"] = error }
    let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("CaptureBenchmark: \(error)\n".utf8))
    exit(1)
}
