// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import SecureVisionCore

/// The event routes: the earlier `GET /events`, `/faces/{id}` and `/plates/{id}`, plus single events,
/// their images and paging.
struct EventsController {
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/events", use: list)
        router.get("/events/{id}", use: show)
        router.get("/events/{id}/snapshot.jpg") { request, context in
            try await image(.snapshot, request: request, context: context)
        }
        router.get("/events/{id}/crop.jpg") { request, context in
            try await image(.crop, request: request, context: context)
        }
        router.get("/faces/{id}") { request, context in
            try await show(request: request, context: context, types: [.faceMatch, .faceUnknown], kind: "face event")
        }
        router.get("/plates/{id}") { request, context in
            try await show(request: request, context: context, types: [.plateRead, .plateAlert], kind: "plate event")
        }
    }

    /// `GET /events`: newest first; the body stays the earlier JSON array, and paging travels in
    /// `X-Total-Count` and `X-Next-Cursor` (pass it back as `cursor=`).
    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let query = try Self.query(QueryParameters(request: request, context: context))
        let page = try await dependencies.events.events(matching: query)
        var response = try JSONResponse.make(page.events.map(EventDTO.init))
        response.headers[.xTotalCount] = String(page.totalCount)
        if let cursor = page.nextCursor {
            response.headers[.xNextCursor] = cursor.description
        }
        return response
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> EventDTO {
        try await show(request: request, context: context, types: nil, kind: "event")
    }

    private func show(
        request: Request,
        context: AppRequestContext,
        types: Set<EventType>?,
        kind: String
    ) async throws -> EventDTO {
        try context.require(.read)
        let id = try QueryParameters(request: request, context: context).pathID()
        guard let event = try await dependencies.events.event(id: id), types.map({ $0.contains(event.type) }) ?? true
        else {
            throw HTTPError(.notFound, message: "\(kind) \(id) not found")
        }
        return EventDTO(event)
    }

    private func image(_ kind: EventAttachment, request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let id = try QueryParameters(request: request, context: context).pathID()
        guard let bytes = try await dependencies.events.attachment(kind, ofEvent: id) else {
            throw HTTPError(.notFound, message: "event \(id) has no \(kind.rawValue)")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "image/jpeg", .cacheControl: "private, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// The filters of `GET /events`: `type` (comma-separated), `camera`, `person_id`, `plate`,
    /// `matched_list`, `since`, `until`, `limit` (1-1000, default 100) and `cursor`.
    static func query(_ parameters: QueryParameters) throws -> EventQuery {
        var query = EventQuery()
        if let types = parameters.string("type") {
            query.types = Set(types.split(separator: ",").map { EventType(rawValue: String($0)) })
        }
        query.cameraID = parameters.string("camera")
        query.personID = parameters.string("person_id")
        query.plateText = parameters.string("plate").map { $0.uppercased().filter { !$0.isWhitespace } }
        if let list = parameters.string("matched_list") {
            guard PlateList(rawValue: list) != nil else {
                throw HTTPError(.unprocessableContent, message: "matched_list must be whitelist or blacklist")
            }
            query.matchedList = list
        }
        query.since = try parameters.integer("since", in: 0...Int64.max)
        query.until = try parameters.integer("until", in: 0...Int64.max)
        query.limit = Int(try parameters.integer("limit", in: 1...Int64(EventQuery.maximumLimit)) ?? 100)
        if let text = parameters.string("cursor") {
            guard let cursor = EventCursor(text) else {
                throw HTTPError(.unprocessableContent, message: "cursor is not one this server handed out")
            }
            query.cursor = cursor
        }
        return query
    }
}
