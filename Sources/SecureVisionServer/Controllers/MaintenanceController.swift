// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird
internal import SecureVisionCore

/// `POST /cleanup` (the earlier manual retention run) and `GET /audit` (administrators only).
struct MaintenanceController {
    let settings: ServerSettings
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/cleanup", use: cleanup)
        router.get("/audit", use: audit)
    }

    struct CleanupResult: ResponseCodable {
        var deleted: Int
        var retentionDays: Int

        enum CodingKeys: String, CodingKey {
            case deleted
            case retentionDays = "retention_days"
        }
    }

    @Sendable func cleanup(request: Request, context: AppRequestContext) async throws -> CleanupResult {
        try context.require(.write)
        let policy = settings.retentionPolicy
        let result = try await dependencies.events.applyRetention(policy, nowMs: dependencies.nowMs())
        try await dependencies.audit(
            "events.cleanup",
            target: nil,
            detail: "deleted \(result.deletedEvents) events and \(result.deletedFiles) files",
            context: context
        )
        return CleanupResult(deleted: result.deletedEvents, retentionDays: policy.maxAgeDays)
    }

    struct AuditEntryDTO: Codable {
        var id: Int64
        var tsMs: Int64
        var actor: String
        var action: String
        var target: String?
        var detail: String?
        var clientAddress: String?

        enum CodingKeys: String, CodingKey {
            case id, actor, action, target, detail
            case tsMs = "ts_ms"
            case clientAddress = "client_address"
        }
    }

    @Sendable func audit(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.admin)
        let limit = try QueryParameters(request: request, context: context).integer("limit", in: 1...1000) ?? 100
        let entries = try await dependencies.audit.auditEntries(limit: Int(limit))
        return try JSONResponse.make(
            entries.map {
                AuditEntryDTO(
                    id: $0.id,
                    tsMs: $0.timestampMs,
                    actor: $0.actor,
                    action: $0.action,
                    target: $0.target,
                    detail: $0.detail,
                    clientAddress: $0.clientAddress
                )
            }
        )
    }
}
