// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird
internal import SecureVisionCore

/// The enrolled people of the face gallery: `GET /people` and `DELETE /people/{id}`.
struct PeopleController {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/people", use: list)
        router.delete("/people/{id}", use: delete)
    }

    struct PersonDTO: Codable {
        var id: String
        var displayName: String
        var faceCount: Int
        var createdAt: String

        enum CodingKeys: String, CodingKey {
            case id
            case displayName = "display_name"
            case faceCount = "face_count"
            case createdAt = "created_at"
        }
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let people = try await dependencies.gallery.people()
        return try JSONResponse.make(
            people.map {
                PersonDTO(
                    id: $0.id,
                    displayName: $0.displayName,
                    faceCount: $0.faceCount,
                    createdAt: EventDTO.isoTimestamp(ms: $0.createdAtMs)
                )
            }
        )
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.write)
        let id = context.parameters.get("id") ?? ""
        guard try await dependencies.gallery.deletePerson(id: id) else {
            throw HTTPError(.notFound, message: "person \(id) not found")
        }
        try await dependencies.audit.appendAudit(
            actor: context.principal?.name ?? "unknown",
            action: "person.delete",
            target: id,
            detail: nil,
            clientAddress: context.clientAddress
        )
        return Response(status: .noContent)
    }
}
