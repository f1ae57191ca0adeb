// SPDX-License-Identifier: Apache-2.0

/// What happened to one uploaded face image.
public enum FaceEnrollmentOutcome: Sendable, Hashable {
    /// A new embedding was stored.
    case added
    /// This exact image was already enrolled for the person.
    case alreadyEnrolled
    /// The image cannot be used: it cannot be decoded, or holds no face or more than one.
    case rejected(reason: String)
}

/// Face enrolment and recognition on uploaded images, for the API.
///
/// Implementations run inference off the cooperative pool.
public protocol FaceService: Sendable {
    /// Adds the face in `image` to `personID`, creating the person (named `displayName`) when new.
    /// - Throws: Only for failures of the service itself; a bad image is a ``FaceEnrollmentOutcome/rejected(reason:)``.
    func enrollFace(personID: String, displayName: String?, image: [UInt8], source: String) async throws
        -> FaceEnrollmentOutcome

    /// Every face in `image` with the gallery's answer for it.
    /// - Throws: ``FaceImageError`` when the image cannot be decoded.
    func recognizeFaces(in image: [UInt8]) async throws -> [RecognizedFace]
}

/// An uploaded image that cannot be decoded.
public struct FaceImageError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
