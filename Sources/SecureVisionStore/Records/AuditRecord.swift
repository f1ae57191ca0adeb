// SPDX-License-Identifier: Apache-2.0

internal import GRDB
import SecureVisionCore

/// One row of the append-only `audit_log` table.
struct AuditRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_log"

    var id: Int64?
    var timestampMs: Int64
    var actor: String
    var action: String
    var target: String?
    var detail: String?
    var clientAddress: String?

    enum CodingKeys: String, CodingKey {
        case id
        case timestampMs = "ts_ms"
        case actor, action, target, detail
        case clientAddress = "client_address"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The Core entry.
    var entry: AuditEntry {
        AuditEntry(
            id: id ?? 0,
            timestampMs: timestampMs,
            actor: actor,
            action: action,
            target: target,
            detail: detail,
            clientAddress: clientAddress
        )
    }
}
