// SPDX-License-Identifier: Apache-2.0

/// An enrolled person of the face gallery.
public struct Person: Sendable, Hashable, Identifiable {
    /// The earlier gallery's folder name, such as `john_doe`.
    public var id: String
    public var displayName: String
    public var createdAtMs: Int64
    /// How many face embeddings the person has.
    public var faceCount: Int

    public init(id: String, displayName: String, createdAtMs: Int64, faceCount: Int = 0) {
        self.id = id
        self.displayName = displayName
        self.createdAtMs = createdAtMs
        self.faceCount = faceCount
    }
}

/// One face embedding of a person.
public struct FaceEmbedding: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var personID: String
    /// The 128-d dlib descriptor.
    public var vector: [Float]
    /// Where the face came from (an image file name), for the operator.
    public var source: String?
    /// A hash of the source image, so re-enrolling the same image is a no-op.
    public var sourceDigest: String?
    public var createdAtMs: Int64

    public init(
        id: Int64,
        personID: String,
        vector: [Float],
        source: String?,
        sourceDigest: String?,
        createdAtMs: Int64
    ) {
        self.id = id
        self.personID = personID
        self.vector = vector
        self.source = source
        self.sourceDigest = sourceDigest
        self.createdAtMs = createdAtMs
    }
}
