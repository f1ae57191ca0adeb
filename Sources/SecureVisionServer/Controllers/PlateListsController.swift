// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird
internal import SecureVisionCore

/// The allow and deny lists: `GET /plate-lists`, `GET|POST /plate-lists/{list}` and
/// `DELETE /plate-lists/{list}/{plate}`, where `{list}` is `allow`/`whitelist` or `deny`/`blacklist`.
struct PlateListsController {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/plate-lists", use: all)
        router.get("/plate-lists/{list}", use: one)
        router.post("/plate-lists/{list}", use: add)
        router.delete("/plate-lists/{list}/{plate}", use: remove)
    }

    struct EntryDTO: Codable {
        var plate: String
        var list: String
        var note: String?
        var createdAt: String

        init(_ entry: PlateListEntry) {
            plate = entry.plate
            list = entry.list.rawValue
            note = entry.note
            createdAt = EventDTO.isoTimestamp(ms: entry.createdAtMs)
        }

        enum CodingKeys: String, CodingKey {
            case plate, list, note
            case createdAt = "created_at"
        }
    }

    struct AddRequest: Decodable {
        var plate: String
        var note: String?
    }

    @Sendable func all(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let entries = try await dependencies.plates.plates(in: nil)
        var body: [String: [EntryDTO]] = [:]
        for list in PlateList.allCases {
            body[list.rawValue] = entries.filter { $0.list == list }.map(EntryDTO.init)
        }
        return try JSONResponse.make(body)
    }

    @Sendable func one(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let list = try Self.list(context)
        return try JSONResponse.make(try await dependencies.plates.plates(in: list).map(EntryDTO.init))
    }

    @Sendable func add(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.write)
        let list = try Self.list(context)
        let body = try await request.decode(as: AddRequest.self, context: context)
        let plate = try Self.validated(body.plate)
        if let note = body.note, note.count > 200 {
            throw HTTPError(.unprocessableContent, message: "note must be at most 200 characters")
        }
        guard try await dependencies.plates.addPlate(plate, to: list, note: body.note) else {
            throw HTTPError(.conflict, message: "\(plate) is already on the \(list.rawValue)")
        }
        try await dependencies.audit(
            "plate_list.add",
            target: "\(list.rawValue):\(plate)",
            detail: body.note,
            context: context
        )
        let entry = try await dependencies.plates.plates(in: list).first { $0.plate == plate }
        return try JSONResponse.make(
            entry.map(EntryDTO.init)
                ?? EntryDTO(PlateListEntry(list: list, plate: plate, note: body.note, createdAtMs: 0)),
            status: .created
        )
    }

    @Sendable func remove(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.write)
        let list = try Self.list(context)
        let plate = try Self.validated(context.parameters.get("plate") ?? "")
        guard try await dependencies.plates.removePlate(plate, from: list) else {
            throw HTTPError(.notFound, message: "\(plate) is not on the \(list.rawValue)")
        }
        try await dependencies.audit(
            "plate_list.remove",
            target: "\(list.rawValue):\(plate)",
            detail: nil,
            context: context
        )
        return Response(status: .noContent)
    }

    static func list(_ context: AppRequestContext) throws -> PlateList {
        switch context.parameters.get("list")?.lowercased() {
        case "allow", "whitelist": return .allow
        case "deny", "blacklist": return .deny
        default: throw HTTPError(.notFound, message: "no such list; use allow or deny")
        }
    }

    /// Uppercase letters and digits only, 2 to 16 of them, after dropping spaces and dashes.
    static func validated(_ text: String) throws -> String {
        let plate = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard (2...16).contains(plate.count), plate.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else {
            throw HTTPError(.unprocessableContent, message: "plate must be 2-16 letters A-Z and digits")
        }
        return plate
    }
}
