// SPDX-License-Identifier: Apache-2.0

/// The kind of an event, as the `type` field of the API (`face_match`, `plate_read`, ...).
///
/// A struct rather than an enum so that a newer store can hold types an older binary does not know.
public struct EventType: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// A known person's face was recognised.
    public static let faceMatch: EventType = "face_match"
    /// A face matched nobody in the gallery.
    public static let faceUnknown: EventType = "face_unknown"
    /// A licence plate was read.
    public static let plateRead: EventType = "plate_read"
    /// A plate on the deny list was read.
    public static let plateAlert: EventType = "plate_alert"
    /// A person or vehicle was seen.
    public static let object: EventType = "object"
    /// A camera stopped delivering frames.
    public static let cameraOffline: EventType = "camera_offline"
    /// A camera delivers frames again.
    public static let cameraOnline: EventType = "camera_online"

    /// Every type this version emits.
    public static let known: [EventType] = [
        .faceMatch, .faceUnknown, .plateRead, .plateAlert, .object, .cameraOffline, .cameraOnline,
    ]
}
