// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore

/// A gallery held in memory, with the store's idempotency rule for `sourceDigest`.
actor InMemoryGallery: GalleryRepository {
    private var persons: [String: Person] = [:]
    private var embeddings: [FaceEmbedding] = []

    func upsertPerson(id: String, displayName: String) async throws -> Person {
        let person = Person(id: id, displayName: displayName, createdAtMs: 0, faceCount: persons[id]?.faceCount ?? 0)
        persons[id] = person
        return person
    }

    func people() async throws -> [Person] {
        persons.values.map { person in
            var counted = person
            counted.faceCount = embeddings.filter { $0.personID == person.id }.count
            return counted
        }
        .sorted { $0.id < $1.id }
    }

    func deletePerson(id: String) async throws -> Bool {
        embeddings.removeAll { $0.personID == id }
        return persons.removeValue(forKey: id) != nil
    }

    func addFace(personID: String, vector: [Float], source: String?, sourceDigest: String?) async throws
        -> FaceEmbedding
    {
        guard persons[personID] != nil else { throw StoreError(.notFound, "no person \(personID)") }
        if let existing = embeddings.first(where: { $0.personID == personID && $0.sourceDigest == sourceDigest }) {
            return existing
        }
        let embedding = FaceEmbedding(
            id: Int64(embeddings.count + 1),
            personID: personID,
            vector: vector,
            source: source,
            sourceDigest: sourceDigest,
            createdAtMs: 0
        )
        embeddings.append(embedding)
        return embedding
    }

    func faces() async throws -> [FaceEmbedding] { embeddings }
}
