// SPDX-License-Identifier: Apache-2.0

/// A detector family that a camera can run.
public enum DetectorKind: String, Sendable, CaseIterable, Codable {
    case faces, plates, objects
}

/// One camera: where to read it and what to look for.
///
/// The earlier version's single `VIDEO__SOURCE` becomes the camera with id `default`; more come
/// from the YAML `cameras:` list or from `SECUREVISION__CAMERAS__<ID>__<KEY>` names.
public struct CameraSettings: Sendable, Equatable, Identifiable {
    /// Lowercase letters, digits, `_` and `-`; unique among cameras.
    public var id: String
    public var name: String
    public var enabled = true
    public var sourceType: SourceType = .device
    public var url: String?
    /// A lower-resolution substream used for analysis, if the camera has one.
    public var detectURL: String?
    public var deviceIndex = 0
    public var rtspTransport: RTSPTransport = .tcp
    public var fpsTarget: Int
    public var loop = false
    public var detectors: Set<DetectorKind> = Set(DetectorKind.allCases)

    public init(id: String, name: String? = nil, fpsTarget: Int = 15) {
        self.id = id
        self.name = name ?? id
        self.fpsTarget = fpsTarget
    }

    /// Where the stream is, for display: the URL with credentials removed, or the device path.
    public var redactedLocation: String {
        switch sourceType {
        case .device: "/dev/video\(deviceIndex)"
        default: url.map(Redaction.redactingCredentials(in:)) ?? "(no url)"
        }
    }
}
