// SPDX-License-Identifier: Apache-2.0

/// The `TRACKING` section: one visit gives one event.
public struct TrackingSettings: Sendable, Equatable {
    public var enabled = true
    public var framesRequired = 3
    public var iouThreshold = 0.5
    public var maxAgeFrames = 30
    public var ocrAgreementThreshold = 0.6
    public var cooldownSeconds = 30

    public init() {}
}
