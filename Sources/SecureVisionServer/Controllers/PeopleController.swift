// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import Hummingbird
internal import SecureVisionCore

/// The face gallery: `GET /people`, `POST /people/{id}/faces` (image upload), `DELETE /people/{id}`
/// and `POST /faces/recognize`.
struct PeopleController {
    let settings: ServerSettings
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/people", use: list)
        router.post("/people/{id}/faces", use: addFace)
        router.delete("/people/{id}", use: delete)
        router.post("/faces/recognize", use: recognize)
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

    struct EnrollmentDTO: Codable {
        var personID: String
        var outcome: String

        enum CodingKeys: String, CodingKey {
            case outcome
            case personID = "person_id"
        }
    }

    struct RecognitionDTO: ResponseCodable {
        struct Face: Codable {
            var box: BoundingBox
            var score: Double
            var personID: String?
            var similarity: Double

            enum CodingKeys: String, CodingKey {
                case box, score, similarity
                case personID = "person_id"
            }
        }

        var faces: [Face]
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

    /// The body is the image itself (`Content-Type: image/jpeg` or `image/png`); `?name=` names a new person.
    @Sendable func addFace(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.write)
        let id = try Self.personID(context)
        let faces = try faceService()
        let image = try await Self.imageBody(request, limit: settings.maxBodyBytes)
        let name = request.uri.queryParameters["name"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let outcome = try await faces.enrollFace(personID: id, displayName: name, image: image, source: "upload")
        switch outcome {
        case .rejected(let reason):
            // The reason names the upload, never a server path.
            throw HTTPError(.unprocessableContent, message: reason.replacing("upload: ", with: ""))
        case .added, .alreadyEnrolled:
            let added = outcome == .added
            try await dependencies.audit(
                "person.enroll",
                target: id,
                detail: added ? "face added" : "face already enrolled",
                context: context
            )
            return try JSONResponse.make(
                EnrollmentDTO(personID: id, outcome: added ? "added" : "already_enrolled"),
                status: added ? .created : .ok
            )
        }
    }

    @Sendable func delete(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.write)
        let id = try Self.personID(context)
        guard try await dependencies.gallery.deletePerson(id: id) else {
            throw HTTPError(.notFound, message: "person \(id) not found")
        }
        try await dependencies.audit("person.delete", target: id, detail: nil, context: context)
        return Response(status: .noContent)
    }

    @Sendable func recognize(request: Request, context: AppRequestContext) async throws -> RecognitionDTO {
        try context.require(.read)
        let faces = try faceService()
        let image = try await Self.imageBody(request, limit: settings.maxBodyBytes)
        let recognized: [RecognizedFace]
        do {
            recognized = try await faces.recognizeFaces(in: image)
        } catch let error as FaceImageError {
            throw HTTPError(.unprocessableContent, message: error.message)
        }
        return RecognitionDTO(
            faces: recognized.map {
                .init(
                    box: $0.detection.box,
                    score: $0.detection.score,
                    personID: $0.match.personID,
                    similarity: $0.match.similarity
                )
            }
        )
    }

    private func faceService() throws -> any FaceService {
        guard let faces = dependencies.faces else {
            throw HTTPError(.serviceUnavailable, message: "face recognition is not available (models not loaded)")
        }
        return faces
    }

    /// The `{id}` of the path, checked by ``isValidPersonID(_:)``.
    static func personID(_ context: AppRequestContext) throws -> String {
        let id = context.parameters.get("id") ?? ""
        guard isValidPersonID(id) else {
            throw HTTPError(.unprocessableContent, message: "id must be 1-64 letters, digits, '_', '-' or '.'")
        }
        return id
    }

    /// Letters, digits, `_`, `-` and `.`, 1 to 64 of them (the earlier gallery's folder names), but not
    /// `.` or `..`; `/openapi.json` states the same rule as a pattern.
    static func isValidPersonID(_ id: String) -> Bool {
        let allowed = id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        return (1...64).contains(id.count) && allowed && id != "." && id != ".."
    }

    /// The raw image body, at most `limit` bytes.
    static func imageBody(_ request: Request, limit: Int) async throws -> [UInt8] {
        let buffer = try await request.body.collect(upTo: limit)
        guard buffer.readableBytes > 0 else {
            throw HTTPError(.unprocessableContent, message: "the request body must be a JPEG or PNG image")
        }
        return Array(buffer.readableBytesView)
    }
}
