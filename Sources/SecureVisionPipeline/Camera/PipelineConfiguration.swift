// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// The settings every camera's pipeline runs with, taken from the configuration once.
public struct PipelineConfiguration: Sendable, Equatable {
    /// The `PIPELINE` section.
    public var pipeline: PipelineSettings
    /// The `TRACKING` section.
    public var tracking: TrackingSettings
    /// The `FACE` section.
    public var face: FaceSettings

    /// Makes the settings.
    /// - Parameters:
    ///   - pipeline: The `PIPELINE` section.
    ///   - tracking: The `TRACKING` section.
    ///   - face: The `FACE` section.
    public init(
        pipeline: PipelineSettings = PipelineSettings(),
        tracking: TrackingSettings = TrackingSettings(),
        face: FaceSettings = FaceSettings()
    ) {
        self.pipeline = pipeline
        self.tracking = tracking
        self.face = face
    }

    /// Takes the sections the pipeline uses from the whole configuration.
    /// - Parameter configuration: The validated configuration.
    public init(_ configuration: AppConfiguration) {
        self.init(pipeline: configuration.pipeline, tracking: configuration.tracking, face: configuration.face)
    }

    /// The event builder these settings ask for: unknown faces per `FACE__UNKNOWN_EVENTS`, people and
    /// vehicles per `PIPELINE__OBJECT_EVENTS`.
    public var eventBuilder: EventBuilder {
        EventBuilder(face: face, objectLabels: pipeline.objectEvents ? Set(ObjectLabel.allCases) : [])
    }
}
