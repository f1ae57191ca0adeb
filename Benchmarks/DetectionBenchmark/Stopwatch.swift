// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Times a closure: a few warm-up calls, then the median and mean of the measured calls.
struct Stopwatch {
    var warmup = 2
    var iterations = 15

    struct Timing {
        var median: Double
        var mean: Double
    }

    func measure(_ body: () throws -> Void) rethrows -> Timing {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        samples.sort()
        return Timing(median: samples[samples.count / 2], mean: samples.reduce(0, +) / Double(samples.count))
    }
}

/// A Markdown table printed row by row.
struct Table {
    init(_ headers: [String]) {
        print("| " + headers.joined(separator: " | ") + " |")
        print("|" + headers.map { _ in "---" }.joined(separator: "|") + "|")
    }

    func row(_ cells: [String]) {
        print("| " + cells.joined(separator: " | ") + " |")
    }
}

func format(_ value: Double) -> String { String(format: "%.1f", value) }
