// SPDX-License-Identifier: Apache-2.0

/// The `FACE` section.
public struct FaceSettings: Sendable, Equatable {
    public var enabled = true
    public var galleryPath = "./data/faces/trusted"
    /// Accepted for compatibility; the gallery now lives in the event store.
    public var galleryCache = "./data/faces/gallery.npz"
    /// Minimum similarity for a match, 0...1; higher is stricter.
    ///
    /// Similarity is `1 - d` for dlib's Euclidean embedding distance `d`, so the default 0.4
    /// accepts `d < 0.6`, dlib's own recommended threshold.
    public var similarityThreshold = 0.4
    public var minFaceSize = 40
    /// Emit `face_unknown` events for faces that match nobody.
    public var unknownEvents = false

    public init() {}
}
