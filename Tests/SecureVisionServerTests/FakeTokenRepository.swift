// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Synchronization

/// In-memory named tokens for route tests.
final class FakeTokenRepository: TokenRepository {
    private let state = Mutex<[APIToken]>([])

    func createToken(name: String, scopes: Set<TokenScope>, secretHash: String) async throws -> APIToken {
        state.withLock { tokens in
            let token = APIToken(
                id: Int64(tokens.count + 1),
                name: name,
                scopes: scopes,
                secretHash: secretHash,
                createdAtMs: 0
            )
            tokens.append(token)
            return token
        }
    }

    func tokens() async throws -> [APIToken] { state.withLock { $0 } }

    func hasTokens() async throws -> Bool { state.withLock { !$0.isEmpty } }

    func activeToken(secretHash: String) async throws -> APIToken? {
        state.withLock { $0.first { $0.secretHash == secretHash && $0.revokedAtMs == nil } }
    }

    func revokeToken(id: Int64) async throws -> Bool {
        state.withLock { tokens in
            guard let index = tokens.firstIndex(where: { $0.id == id && $0.revokedAtMs == nil }) else { return false }
            tokens[index].revokedAtMs = 1
            return true
        }
    }
}

/// In-memory audit log for route tests.
final class FakeAuditLog: AuditLogRepository {
    private let state = Mutex<[AuditEntry]>([])

    func appendAudit(actor: String, action: String, target: String?, detail: String?, clientAddress: String?)
        async throws -> AuditEntry
    {
        state.withLock { entries in
            let entry = AuditEntry(
                id: Int64(entries.count + 1),
                timestampMs: 0,
                actor: actor,
                action: action,
                target: target,
                detail: detail,
                clientAddress: clientAddress
            )
            entries.append(entry)
            return entry
        }
    }

    func auditEntries(limit: Int) async throws -> [AuditEntry] {
        state.withLock { Array($0.reversed().prefix(limit)) }
    }
}
