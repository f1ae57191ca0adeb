// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore

/// The ports the HTTP server reads and writes through; the App chooses their implementations.
public struct ServerDependencies: Sendable {
    public var events: any EventRepository
    public var tokens: any TokenRepository
    public var audit: any AuditLogRepository
    public var plates: any PlateListRepository
    public var gallery: any GalleryRepository
    /// Live events for `WS /stream`.
    public var broadcaster: EventBroadcaster
    /// Face enrolment and recognition of uploads; `nil` when the face models are not loaded (503).
    public var faces: (any FaceService)?
    /// Capture state and counters of the running cameras.
    public var cameras: (any CameraStatusProvider)?
    /// The newest frame of each camera.
    public var latestFrames: (any LatestFrameProvider)?
    /// The analysis counters of each camera.
    public var pipelines: (any PipelineStatusProvider)?
    /// The camera list in force; without it, the cameras of the settings.
    public var cameraList: (any CameraListProvider)?
    /// Milliseconds since the Unix epoch; injectable so tests control time.
    public var nowMs: @Sendable () -> Int64
    /// When the process started, for uptime.
    public var startedAtMs: Int64

    public init(
        events: any EventRepository,
        tokens: any TokenRepository,
        audit: any AuditLogRepository,
        plates: any PlateListRepository,
        gallery: any GalleryRepository,
        broadcaster: EventBroadcaster,
        faces: (any FaceService)? = nil,
        cameras: (any CameraStatusProvider)? = nil,
        latestFrames: (any LatestFrameProvider)? = nil,
        pipelines: (any PipelineStatusProvider)? = nil,
        cameraList: (any CameraListProvider)? = nil,
        nowMs: @escaping @Sendable () -> Int64,
        startedAtMs: Int64
    ) {
        self.events = events
        self.tokens = tokens
        self.audit = audit
        self.plates = plates
        self.gallery = gallery
        self.broadcaster = broadcaster
        self.faces = faces
        self.cameras = cameras
        self.latestFrames = latestFrames
        self.pipelines = pipelines
        self.cameraList = cameraList
        self.nowMs = nowMs
        self.startedAtMs = startedAtMs
    }

    /// The cameras configured now, after any reload.
    /// - Parameter settings: The settings the server started with.
    /// - Returns: The camera list.
    func configuredCameras(_ settings: ServerSettings) -> [CameraSettings] {
        cameraList?.configuredCameras() ?? settings.cameras
    }
}
