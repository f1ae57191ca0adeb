// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// What a track follows; detections are only ever matched to tracks of the same class.
///
/// Faces, plates and each object label are tracked separately, so a face box never continues a
/// person box and a car never continues a truck.
public enum TrackClass: Sendable, Hashable, CustomStringConvertible {
    /// A face from the face detector.
    case face
    /// A licence plate from the plate detector.
    case plate
    /// A person or vehicle from the object detector.
    case object(ObjectLabel)

    /// The detector family that produces this class, used to age only the tracks a frame looked for.
    public var detectorKind: DetectorKind {
        switch self {
        case .face: .faces
        case .plate: .plates
        case .object: .objects
        }
    }

    /// A short name for logs: `face`, `plate` or the object label.
    public var description: String {
        switch self {
        case .face: "face"
        case .plate: "plate"
        case .object(let label): label.rawValue
        }
    }
}
