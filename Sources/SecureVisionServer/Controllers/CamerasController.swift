// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird
internal import SecureVisionCore

/// `GET /cameras` (status, fps, last frame, reconnects) and `GET /cameras/{id}/latest.jpg`.
struct CamerasController {
    let settings: ServerSettings
    let dependencies: ServerDependencies

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/cameras", use: list)
        router.get("/cameras/{id}/latest.jpg", use: latest)
    }

    struct CameraDTO: Codable {
        var id: String
        var name: String
        var enabled: Bool
        var sourceType: String
        /// The stream's location with credentials removed.
        var location: String
        var detectors: [String]
        var state: String
        var fps: Double
        var streamFPS: Double?
        var width: Int?
        var height: Int?
        var codec: String?
        var lastFrameTsMs: Int64?
        var framesDecoded: UInt64
        var framesAnalysed: UInt64
        var framesDropped: UInt64
        var decodeErrors: UInt64
        var reconnects: UInt64
        var lastError: String?

        enum CodingKeys: String, CodingKey {
            case id, name, enabled, location, detectors, state, fps, width, height, codec, reconnects
            case sourceType = "source_type"
            case streamFPS = "stream_fps"
            case lastFrameTsMs = "last_frame_ts_ms"
            case framesDecoded = "frames_decoded"
            case framesAnalysed = "frames_analysed"
            case framesDropped = "frames_dropped"
            case decodeErrors = "decode_errors"
            case lastError = "last_error"
        }

        init(_ camera: CameraSettings, _ statistics: CaptureStatistics?) {
            id = camera.id
            name = camera.name
            enabled = camera.enabled
            sourceType = camera.sourceType.rawValue
            location = camera.redactedLocation
            detectors = camera.detectors.map(\.rawValue).sorted()
            state = camera.enabled ? (statistics?.state.rawValue ?? CameraState.connecting.rawValue) : "disabled"
            fps = ((statistics?.currentFPS ?? 0) * 10).rounded() / 10
            streamFPS = statistics?.streamFPS
            width = statistics?.resolution?.width
            height = statistics?.resolution?.height
            codec = statistics?.codec
            lastFrameTsMs = statistics?.lastFrameTimeMs
            framesDecoded = statistics?.framesDecoded ?? 0
            framesAnalysed = statistics?.framesAnalysed ?? 0
            framesDropped = statistics?.framesDropped ?? 0
            decodeErrors = statistics?.decodeErrors ?? 0
            reconnects = statistics?.reconnects ?? 0
            lastError = statistics?.lastError.map(Redaction.redactingCredentials(in:))
        }
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let provider = dependencies.cameras
        return try JSONResponse.make(
            dependencies.configuredCameras(settings).map { CameraDTO($0, provider?.statistics(for: $0.id)) }
        )
    }

    @Sendable func latest(request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.read)
        let id = context.parameters.get("id") ?? ""
        guard dependencies.configuredCameras(settings).contains(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "camera \(id) not found")
        }
        guard let bytes = try await dependencies.latestFrames?.latestJPEG(cameraID: id) else {
            throw HTTPError(.notFound, message: "camera \(id) has no frame yet")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "image/jpeg", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}
