// SPDX-License-Identifier: Apache-2.0

import Foundation
internal import GRDB
import SecureVisionCore

/// One row of the `face_embeddings` table.
///
/// The vector is a BLOB of little-endian Float32 values.
struct FaceEmbeddingRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "face_embeddings"
    static let person = belongsTo(PersonRecord.self)

    /// The accepted number of dimensions of a vector.
    static let dimensions = 1...4096

    var id: Int64?
    var personID: String
    var vector: Data
    var source: String?
    var sourceDigest: String?
    var createdAtMs: Int64

    enum CodingKeys: String, CodingKey {
        case id
        case personID = "person_id"
        case vector, source
        case sourceDigest = "source_digest"
        case createdAtMs = "created_at_ms"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let personID = Column(CodingKeys.personID)
        static let sourceDigest = Column(CodingKeys.sourceDigest)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The Core embedding of a stored row.
    /// - Throws: ``StoreError`` `.corrupt` if the BLOB is not a whole number of Float32 values.
    func embedding() throws -> FaceEmbedding {
        guard vector.count % 4 == 0 else {
            throw StoreError(.corrupt, "The face embedding \(id ?? 0) is damaged (its length is not a multiple of 4).")
        }
        return FaceEmbedding(
            id: id ?? 0,
            personID: personID,
            vector: Self.decode(vector),
            source: source,
            sourceDigest: sourceDigest,
            createdAtMs: createdAtMs
        )
    }

    /// Little-endian Float32 bytes of `vector`.
    static func encode(_ vector: [Float]) -> Data {
        var data = Data(capacity: vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The Float32 values of little-endian bytes; trailing bytes that do not make a whole value are ignored.
    static func decode(_ data: Data) -> [Float] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { offset in
            let bits =
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}
