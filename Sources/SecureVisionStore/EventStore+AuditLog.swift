// SPDX-License-Identifier: Apache-2.0

internal import GRDB
public import SecureVisionCore

extension EventStore: AuditLogRepository {
    /// The most entries one call returns.
    public static let maximumAuditEntries = 10_000

    /// Records one change, stamped with the store's clock.
    /// - Parameters:
    ///   - actor: The token name, `env-token` or `cli`.
    ///   - action: Such as `person.enroll`.
    ///   - target: What was changed.
    ///   - detail: More about the change.
    ///   - clientAddress: The client address, when the change came over HTTP.
    /// - Returns: The stored entry.
    /// - Throws: ``StoreError`` if the database cannot be written.
    @discardableResult
    public func appendAudit(
        actor: String,
        action: String,
        target: String?,
        detail: String?,
        clientAddress: String?
    ) async throws -> AuditEntry {
        let record = AuditRecord(
            id: nil,
            timestampMs: nowMs(),
            actor: actor,
            action: action,
            target: target,
            detail: detail,
            clientAddress: clientAddress
        )
        return try await writing { db in
            var inserted = record
            try inserted.insert(db)
            return inserted.entry
        }
    }

    /// The newest `limit` entries (at most ``maximumAuditEntries``), newest first.
    /// - Parameter limit: How many entries; 0 or less returns none.
    /// - Returns: The entries.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func auditEntries(limit: Int) async throws -> [AuditEntry] {
        let count = min(max(limit, 0), Self.maximumAuditEntries)
        guard count > 0 else { return [] }
        return try await reading { db in
            try AuditRecord.order(AuditRecord.Columns.id.desc).limit(count).fetchAll(db).map(\.entry)
        }
    }
}
