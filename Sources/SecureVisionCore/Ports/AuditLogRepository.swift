// SPDX-License-Identifier: Apache-2.0

/// The append-only audit log of changes.
public protocol AuditLogRepository: Sendable {
    /// Records one change.
    @discardableResult
    func appendAudit(actor: String, action: String, target: String?, detail: String?, clientAddress: String?)
        async throws -> AuditEntry
    /// The newest `limit` entries, newest first.
    func auditEntries(limit: Int) async throws -> [AuditEntry]
}
