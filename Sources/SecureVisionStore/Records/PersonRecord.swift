// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// One row of the `people` table: an enrolled person of the face gallery.
struct PersonRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "people"
    /// The person's embeddings; deleting the person deletes them (`ON DELETE CASCADE`).
    static let faces = hasMany(FaceEmbeddingRecord.self)

    var id: String
    var displayName: String
    var createdAtMs: Int64

    enum CodingKeys: String, CodingKey {
        case id
        case displayName = "display_name"
        case createdAtMs = "created_at_ms"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let displayName = Column(CodingKeys.displayName)
    }

    /// The Core person, with its number of faces.
    func person(faceCount: Int) -> Person {
        Person(id: id, displayName: displayName, createdAtMs: createdAtMs, faceCount: faceCount)
    }
}

/// A person row annotated with the number of its embeddings.
struct PersonWithFaceCount: Decodable, FetchableRecord {
    var person: PersonRecord
    var faceCount: Int

    /// Every person with their face counts, by id.
    static func all() -> QueryInterfaceRequest<PersonWithFaceCount> {
        PersonRecord
            .annotated(with: PersonRecord.faces.count.forKey(CodingKeys.faceCount))
            .order(PersonRecord.Columns.id)
            .asRequest(of: PersonWithFaceCount.self)
    }
}
