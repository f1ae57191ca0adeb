// SPDX-License-Identifier: Apache-2.0

/// The face gallery: enrolled people and their embeddings.
public protocol GalleryRepository: Sendable {
    /// Creates the person, or updates the display name of an existing one.
    func upsertPerson(id: String, displayName: String) async throws -> Person
    /// Every person with their face counts, by id.
    func people() async throws -> [Person]
    /// Deletes the person and all their embeddings; returns `false` if there was no such person.
    func deletePerson(id: String) async throws -> Bool
    /// Adds an embedding; an embedding with the same person and `sourceDigest` is returned as is (idempotent).
    /// - Throws: ``StoreError`` with code `notFound` if the person does not exist.
    func addFace(personID: String, vector: [Float], source: String?, sourceDigest: String?) async throws
        -> FaceEmbedding
    /// Every embedding, for building the in-memory matcher.
    func faces() async throws -> [FaceEmbedding]
}
