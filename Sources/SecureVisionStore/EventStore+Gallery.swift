// SPDX-License-Identifier: Apache-2.0

internal import GRDB
public import SecureVisionCore

extension EventStore: GalleryRepository {
    /// Creates the person, or updates the display name of an existing one (keeping its creation time).
    /// - Parameters:
    ///   - id: The person's id, such as `john_doe`.
    ///   - displayName: The name shown to operators.
    /// - Returns: The person with their face count.
    /// - Throws: ``StoreError`` if the database cannot be written.
    public func upsertPerson(id: String, displayName: String) async throws -> Person {
        let now = nowMs()
        return try await writing { db in
            let existing = try PersonRecord.fetchOne(db, key: id)
            var record = existing ?? PersonRecord(id: id, displayName: displayName, createdAtMs: now)
            record.displayName = displayName
            try record.save(db)
            let faceCount = try FaceEmbeddingRecord.filter(FaceEmbeddingRecord.Columns.personID == id).fetchCount(db)
            return record.person(faceCount: faceCount)
        }
    }

    /// Every person with their face counts, by id.
    /// - Returns: The people.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func people() async throws -> [Person] {
        try await reading { db in
            try PersonWithFaceCount.all().fetchAll(db).map { $0.person.person(faceCount: $0.faceCount) }
        }
    }

    /// Deletes the person and, through the foreign key's cascade, all their embeddings.
    /// - Parameter id: The person's id.
    /// - Returns: `false` if there was no such person.
    /// - Throws: ``StoreError`` if the database cannot be written.
    public func deletePerson(id: String) async throws -> Bool {
        try await writing { db in
            try PersonRecord.deleteOne(db, key: id)
        }
    }

    /// Adds an embedding; one with the same person and non-nil `sourceDigest` is returned as is.
    /// - Parameters:
    ///   - personID: The enrolled person.
    ///   - vector: 1 to 4096 finite values; stored as little-endian Float32.
    ///   - source: Where the face came from, for the operator.
    ///   - sourceDigest: A hash of the source image, which makes re-enrolment idempotent.
    /// - Returns: The stored (or already stored) embedding.
    /// - Throws: ``StoreError`` `.notFound` if the person does not exist, `.invalidInput` for a bad vector.
    public func addFace(
        personID: String,
        vector: [Float],
        source: String?,
        sourceDigest: String?
    ) async throws -> FaceEmbedding {
        guard FaceEmbeddingRecord.dimensions.contains(vector.count) else {
            throw StoreError(
                .invalidInput,
                "A face embedding needs \(FaceEmbeddingRecord.dimensions.lowerBound) to "
                    + "\(FaceEmbeddingRecord.dimensions.upperBound) values, not \(vector.count)."
            )
        }
        guard vector.allSatisfy(\.isFinite) else {
            throw StoreError(.invalidInput, "A face embedding must not contain NaN or infinite values.")
        }
        let now = nowMs()
        return try await writing { db in
            guard try PersonRecord.exists(db, key: personID) else {
                throw StoreError(.notFound, "There is no enrolled person with the id \(personID).")
            }
            if let sourceDigest,
                let existing =
                    try FaceEmbeddingRecord
                    .filter(FaceEmbeddingRecord.Columns.personID == personID)
                    .filter(FaceEmbeddingRecord.Columns.sourceDigest == sourceDigest)
                    .fetchOne(db)
            {
                return try existing.embedding()
            }
            var record = FaceEmbeddingRecord(
                id: nil,
                personID: personID,
                vector: FaceEmbeddingRecord.encode(vector),
                source: source,
                sourceDigest: sourceDigest,
                createdAtMs: now
            )
            try record.insert(db)
            return try record.embedding()
        }
    }

    /// Every embedding, by id, for building the in-memory matcher.
    /// - Returns: The embeddings.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func faces() async throws -> [FaceEmbedding] {
        try await reading { db in
            try FaceEmbeddingRecord.order(FaceEmbeddingRecord.Columns.id).fetchAll(db).map { try $0.embedding() }
        }
    }
}
