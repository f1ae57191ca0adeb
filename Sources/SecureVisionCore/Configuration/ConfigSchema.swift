// SPDX-License-Identifier: Apache-2.0

/// Every configuration name SecureVision knows.
///
/// These are the earlier version's `SECUREVISION__...` names plus the ones this version adds.
/// Anything else with the prefix is an error.
public enum ConfigSchema {
    /// The prefix of every environment name.
    public static let prefix = "SECUREVISION__"
    /// The section under which named cameras live: `SECUREVISION__CAMERAS__<ID>__<KEY>`.
    public static let camerasSection = "CAMERAS"

    /// Every top-level name without the prefix, in documentation order.
    public static var names: [String] { options.map(\.name) }
    /// Every per-camera key (`URL`, `TYPE`, ...).
    public static var cameraKeys: [String] { cameraOptions.map(\.name) }

    // swift-format-ignore
    static var options: [ConfigOption<AppConfiguration>] {
        typealias P = ValueParser
        return [
            .init("DATA_DIR", \.dataDirectory, P<String>.string),
            .init("MODELS_DIR", \.modelsDirectory, P<String>.string),
            .init("LOG_LEVEL", \.logLevel, P<LogLevel>.oneOf(LogLevel.self)),

            .init("VIDEO__SOURCE__TYPE", \.video.sourceType, P<SourceType>.oneOf(SourceType.self)),
            .init("VIDEO__SOURCE__URL", \.video.sourceURL, P<String>.string),
            .init("VIDEO__SOURCE__DETECT_URL", \.video.detectURL, P<String>.string),
            .init("VIDEO__SOURCE__DEVICE_INDEX", \.video.deviceIndex, P<Int>.int(0...63)),
            .init("VIDEO__SOURCE__BACKEND", \.video.backend, P<String>.string),
            .init("VIDEO__SOURCE__RTSP_TRANSPORT", \.video.rtspTransport, P<RTSPTransport>.oneOf(RTSPTransport.self)),
            .init("VIDEO__FPS_TARGET", \.video.fpsTarget, P<Int>.int(1...60)),
            .init("VIDEO__READ_TIMEOUT_S", \.video.readTimeoutSeconds, P<Double>.double(0.1...300)),
            .init("VIDEO__RECONNECT_INTERVAL_S", \.video.reconnectIntervalSeconds, P<Double>.double(0.1...3600)),
            .init("VIDEO__RECONNECT_MAX_S", \.video.reconnectMaxSeconds, P<Double>.double(0.1...3600)),
            .init("VIDEO__FRAME_RESIZE", \.video.frameResize, P<PixelSize>.pixelSize),
            .init("VIDEO__ROTATE_180", \.video.rotate180, P<Bool>.bool),
            .init("VIDEO__ONVIF_DISCOVERY_ENABLED", \.video.onvifDiscoveryEnabled, P<Bool>.bool),
            .init("VIDEO__LOOP", \.video.loop, P<Bool>.bool),

            .init("FACE__ENABLED", \.face.enabled, P<Bool>.bool),
            .init("FACE__GALLERY_PATH", \.face.galleryPath, P<String>.string),
            .init("FACE__GALLERY_CACHE", \.face.galleryCache, P<String>.string),
            .init("FACE__SIMILARITY_THRESHOLD", \.face.similarityThreshold, P<Double>.double(0...1)),
            .init("FACE__MIN_FACE_SIZE", \.face.minFaceSize, P<Int>.int(8...4096)),
            .init("FACE__UNKNOWN_EVENTS", \.face.unknownEvents, P<Bool>.bool),

            .init("PLATES__ENABLED", \.plates.enabled, P<Bool>.bool),
            .init("PLATES__WHITELIST_PATH", \.plates.whitelistPath, P<String>.string),
            .init("PLATES__BLACKLIST_PATH", \.plates.blacklistPath, P<String>.string),
            .init("PLATES__MIN_CONFIDENCE", \.plates.minConfidence, P<Double>.double(0...1)),
            .init("PLATES__MATCH_MAX_DISTANCE", \.plates.matchMaxDistance, P<Int>.int(0...3)),
            .init("PLATES__DETECTOR__MODEL_PATH", \.plates.detector.modelPath, P<String>.string),
            .init("PLATES__DETECTOR__CONF_THRESHOLD", \.plates.detector.confThreshold, P<Double>.double(0...1)),
            .init("PLATES__DETECTOR__IOU_THRESHOLD", \.plates.detector.iouThreshold, P<Double>.double(0...1)),
            .init("PLATES__DETECTOR__MAX_DET", \.plates.detector.maxDet, P<Int>.int(1...100)),
            .init("PLATES__DETECTOR__INPUT_SIZE", \.plates.detector.inputSize, P<Int>.choice([320, 640])),
            .init("PLATES__OCR__ENGINE", \.plates.ocr.engine, P<PlateSettings.OCREngine>.oneOf(PlateSettings.OCREngine.self)),
            .init("PLATES__OCR__TESSERACT_LANG", \.plates.ocr.tesseractLang, P<String>.string),
            .init("PLATES__OCR__PSM_MODE", \.plates.ocr.psmMode, P<Int>.int(0...13)),
            .init("PLATES__OCR__OEM_MODE", \.plates.ocr.oemMode, P<Int>.int(0...3)),
            .init("PLATES__OCR__CHAR_WHITELIST", \.plates.ocr.charWhitelist, P<String>.string),
            .init("PLATES__OCR__ENABLE_GRAYSCALE", \.plates.ocr.enableGrayscale, P<Bool>.bool),
            .init("PLATES__OCR__ENABLE_BILATERAL", \.plates.ocr.enableBilateral, P<Bool>.bool),
            .init("PLATES__OCR__ENABLE_ADAPTIVE_THRESHOLD", \.plates.ocr.enableAdaptiveThreshold, P<Bool>.bool),
            .init("PLATES__OCR__ENABLE_CLAHE", \.plates.ocr.enableCLAHE, P<Bool>.bool),
            .init("PLATES__OCR__TO_UPPERCASE", \.plates.ocr.toUppercase, P<Bool>.bool),
            .init("PLATES__OCR__STRIP_WHITESPACE", \.plates.ocr.stripWhitespace, P<Bool>.bool),
            .init("PLATES__OCR__MIN_TEXT_LENGTH", \.plates.ocr.minTextLength, P<Int>.int(1...20)),
            .init("PLATES__OCR__SUBSTITUTE_O_TO_0", \.plates.ocr.substituteOTo0, P<Bool>.bool),
            .init("PLATES__OCR__SUBSTITUTE_I_TO_1", \.plates.ocr.substituteITo1, P<Bool>.bool),
            .init("PLATES__POSTPROCESS__REGEX", \.plates.postprocess.regex, P<String>.regex),
            .init("PLATES__POSTPROCESS__UPPERCASE", \.plates.postprocess.uppercase, P<Bool>.bool),
            .init("PLATES__POSTPROCESS__MIN_LENGTH", \.plates.postprocess.minLength, P<Int>.int(1...20)),
            .init("PLATES__POSTPROCESS__MAX_LENGTH", \.plates.postprocess.maxLength, P<Int>.int(1...20)),
            .init("PLATES__ROI__ENABLED", \.plates.roi.enabled, P<Bool>.bool),
            .init("PLATES__ROI__X1", \.plates.roi.x1, P<Int>.int(0...16384)),
            .init("PLATES__ROI__Y1", \.plates.roi.y1, P<Int>.int(0...16384)),
            .init("PLATES__ROI__X2", \.plates.roi.x2, P<Int>.int(0...16384)),
            .init("PLATES__ROI__Y2", \.plates.roi.y2, P<Int>.int(0...16384)),

            .init("EVENTS__DB_URL", \.events.dbURL, P<String>.string),
            .init("EVENTS__RETENTION_DAYS", \.events.retentionDays, P<Int>.int(0...36500)),
            .init("EVENTS__MAX_DISK_MB", \.events.maxDiskMB, P<Int>.int(0...100_000_000)),
            .init("EVENTS__RETENTION_INTERVAL_S", \.events.retentionIntervalSeconds, P<Int>.int(1...86400)),

            .init("TRACKING__ENABLED", \.tracking.enabled, P<Bool>.bool),
            .init("TRACKING__FRAMES_REQUIRED", \.tracking.framesRequired, P<Int>.int(1...100)),
            .init("TRACKING__IOU_THRESHOLD", \.tracking.iouThreshold, P<Double>.double(0...1)),
            .init("TRACKING__MAX_AGE_FRAMES", \.tracking.maxAgeFrames, P<Int>.int(1...10000)),
            .init("TRACKING__OCR_AGREEMENT_THRESHOLD", \.tracking.ocrAgreementThreshold, P<Double>.double(0...1)),
            .init("TRACKING__COOLDOWN_SECONDS", \.tracking.cooldownSeconds, P<Int>.int(0...86400)),

            .init("PIPELINE__WORKERS", \.pipeline.workers, P<Int>.int(0...256)),
            .init("PIPELINE__QUEUE_CAPACITY", \.pipeline.queueCapacity, P<Int>.int(0...4096)),
            .init("PIPELINE__SAFETY_NET_S", \.pipeline.safetyNetSeconds, P<Double>.double(0...3600)),
            .init("PIPELINE__MOTION_HOLD_S", \.pipeline.motionHoldSeconds, P<Double>.double(0...600)),
            .init("PIPELINE__MOTION_GATING", \.pipeline.motionGating, P<Bool>.bool),
            .init("PIPELINE__OBJECT_EVENTS", \.pipeline.objectEvents, P<Bool>.bool),
            .init("PIPELINE__SNAPSHOT_QUALITY", \.pipeline.snapshotQuality, P<Int>.int(1...100)),

            .init("API__HOST", \.api.host, P<String>.host),
            .init("API__PORT", \.api.port, P<Int>.int(1...65535)),
            .init("API__WS_ENABLED", \.api.wsEnabled, P<Bool>.bool),
            .init("API__AUTH_TOKEN", \.api.authToken, P<String>.token, secret: true, emptyIsError: true),
            .init("API__ALLOW_UNAUTHENTICATED_REMOTE", \.api.allowUnauthenticatedRemote, P<Bool>.bool),
            .init("API__CORS_ORIGINS", \.api.corsOrigins, P<[String]>.origins),
            .init("API__MAX_BODY_MB", \.api.maxBodyMB, P<Int>.int(1...1024)),
            .init("API__RATE_LIMIT_PER_MINUTE", \.api.rateLimitPerMinute, P<Int>.int(1...1_000_000)),
            .init("API__AUTH_FAILURES_PER_MINUTE", \.api.authFailuresPerMinute, P<Int>.int(1...10_000)),
            .init("API__TLS_CERT_PATH", \.api.tlsCertPath, P<String>.string),
            .init("API__TLS_KEY_PATH", \.api.tlsKeyPath, P<String>.string),
        ]
    }

    // swift-format-ignore
    static var cameraOptions: [ConfigOption<CameraSettings>] {
        typealias P = ValueParser
        return [
            .init("NAME", \.name, P<String>.string),
            .init("ENABLED", \.enabled, P<Bool>.bool),
            .init("TYPE", \.sourceType, P<SourceType>.oneOf(SourceType.self)),
            .init("URL", \.url, P<String>.string),
            .init("DETECT_URL", \.detectURL, P<String>.string),
            .init("DEVICE_INDEX", \.deviceIndex, P<Int>.int(0...63)),
            .init("RTSP_TRANSPORT", \.rtspTransport, P<RTSPTransport>.oneOf(RTSPTransport.self)),
            .init("FPS_TARGET", \.fpsTarget, P<Int>.int(1...60)),
            .init("LOOP", \.loop, P<Bool>.bool),
            .init("DETECTORS", \.detectors, P<Set<DetectorKind>>.detectors),
        ]
    }

    /// The nearest known name to `name`, if one is close enough to be a likely typo.
    /// - Parameter name: A name without the prefix, such as `VIDEO__FPS_TARGT`.
    /// - Returns: The suggested full name, such as `SECUREVISION__VIDEO__FPS_TARGET`.
    public static func suggestion(for name: String) -> String? {
        var candidates = names
        // A camera key is compared with the camera keys under the same camera id.
        let parts = name.splitting(on: "__")
        if parts.count >= 3, parts[0] == camerasSection {
            let base = parts[0...1].joined(separator: "__")
            candidates += cameraKeys.map { base + "__" + $0 }
        }
        let scored = candidates.map { ($0, editDistance($0, name)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let tolerance = max(2, name.count / 4)
        return best.1 <= tolerance ? prefix + best.0 : nil
    }
}

extension String {
    /// Splits on a multi-character separator, without Foundation.
    func splitting(on separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
