// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Testing

/// Builds an environment layer from `SECUREVISION__`-prefixed pairs.
func env(_ pairs: [String: String]) -> ConfigurationLayer {
    ConfigurationLayer.fromEnvironment(pairs)
}

/// Loads `layers` and returns the issues, failing the test if loading succeeded.
func issues(_ layers: [ConfigurationLayer], sourceLocation: SourceLocation = #_sourceLocation) -> [ConfigurationIssue] {
    do {
        _ = try ConfigurationLoader.load(layers: layers)
        Issue.record("expected the configuration to be rejected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.issues
    }
}

@Suite("Configuration loading")
struct ConfigurationLoaderTests {
    @Test("defaults match the earlier version and bind loopback only")
    func defaults() throws {
        let config = try ConfigurationLoader.load(layers: []).configuration
        #expect(config.api.host == "127.0.0.1")
        #expect(config.api.port == 8000)
        #expect(config.api.authToken == nil)
        #expect(config.video.fpsTarget == 15)
        #expect(config.face.minFaceSize == 40)
        #expect(config.plates.minConfidence == 0.55)
        #expect(config.tracking.framesRequired == 3)
        #expect(config.tracking.iouThreshold == 0.5)
        #expect(config.tracking.maxAgeFrames == 30)
        #expect(config.tracking.cooldownSeconds == 30)
        #expect(config.events.retentionDays == 30)
        // No configuration keeps the earlier default camera: USB device 0.
        #expect(config.cameras.map(\.id) == ["default"])
        #expect(config.cameras[0].sourceType == .device)
        #expect(config.cameras[0].deviceIndex == 0)
    }

    @Test("earlier environment names are read")
    func earlierNames() throws {
        let config = try ConfigurationLoader.load(layers: [
            env([
                "SECUREVISION__VIDEO__SOURCE__TYPE": "rtsp",
                "SECUREVISION__VIDEO__SOURCE__URL": "rtsp://admin:hunter2@10.0.0.5:554/stream",
                "SECUREVISION__VIDEO__FPS_TARGET": "10",
                "SECUREVISION__VIDEO__FRAME_RESIZE": "640,480",
                "SECUREVISION__FACE__SIMILARITY_THRESHOLD": "0.5",
                "SECUREVISION__PLATES__OCR__SUBSTITUTE_O_TO_0": "yes",
                "SECUREVISION__PLATES__POSTPROCESS__REGEX": "[A-Z]{3}[0-9]{4}",
                "SECUREVISION__PLATES__ROI__X1": "100",
                "SECUREVISION__PLATES__ROI__X2": "800",
                "SECUREVISION__EVENTS__DB_URL": "sqlite:///./var/events.db",
                "SECUREVISION__TRACKING__OCR_AGREEMENT_THRESHOLD": "0.7",
                "SECUREVISION__API__WS_ENABLED": "false",
                "PATH": "/usr/bin",  // not ours: ignored
            ])
        ]).configuration
        #expect(config.video.fpsTarget == 10)
        #expect(config.video.frameResize == PixelSize(width: 640, height: 480))
        #expect(config.face.similarityThreshold == 0.5)
        #expect(config.plates.ocr.substituteOTo0)
        #expect(config.plates.postprocess.regex == "[A-Z]{3}[0-9]{4}")
        #expect(config.plates.roi.x2 == 800)
        #expect(config.databasePath == "./var/events.db")
        #expect(config.tracking.ocrAgreementThreshold == 0.7)
        #expect(config.api.wsEnabled == false)
        #expect(config.cameras.count == 1)
        #expect(config.cameras[0].sourceType == .rtsp)
        #expect(config.cameras[0].fpsTarget == 10)
    }

    @Test("flags override the environment, which overrides the file, which overrides defaults")
    func precedence() throws {
        let file = ConfigurationLayer(values: [
            "API__PORT": RawConfigValue("8100", origin: .file(path: "c.yaml", key: "api.port")),
            "VIDEO__FPS_TARGET": RawConfigValue("5", origin: .file(path: "c.yaml", key: "video.fps_target")),
            "FACE__MIN_FACE_SIZE": RawConfigValue("60", origin: .file(path: "c.yaml", key: "face.min_face_size")),
        ])
        let environment = env(["SECUREVISION__API__PORT": "8200", "SECUREVISION__VIDEO__FPS_TARGET": "7"])
        let flags = ConfigurationLayer(values: ["API__PORT": RawConfigValue("8300", origin: .flag("--port"))])
        let loaded = try ConfigurationLoader.load(layers: [file, environment, flags])
        #expect(loaded.configuration.api.port == 8300)
        #expect(loaded.configuration.video.fpsTarget == 7)
        #expect(loaded.configuration.face.minFaceSize == 60)
        #expect(loaded.configuration.tracking.framesRequired == 3)
        #expect(loaded.origins["API__PORT"] == .flag("--port"))
        #expect(loaded.origins["VIDEO__FPS_TARGET"] == .environment)
        #expect(loaded.origins["FACE__MIN_FACE_SIZE"] == .file(path: "c.yaml", key: "face.min_face_size"))
        // A bad value that a higher layer overrides is not a problem.
        let overridden = env(["SECUREVISION__API__PORT": "not-a-port"])
        #expect(try ConfigurationLoader.load(layers: [overridden, flags]).configuration.api.port == 8300)
    }

    @Test(
        "every kind of bad value names its key, the value and what was expected",
        arguments: [
            ("SECUREVISION__VIDEO__FPS_TARGET", "fast", "an integer from 1 to 60"),
            ("SECUREVISION__VIDEO__FPS_TARGET", "0", "an integer from 1 to 60"),
            ("SECUREVISION__API__PORT", "70000", "an integer from 1 to 65535"),
            ("SECUREVISION__FACE__SIMILARITY_THRESHOLD", "1.5", "a number from 0.0 to 1.0"),
            ("SECUREVISION__TRACKING__IOU_THRESHOLD", "nan", "a number from 0.0 to 1.0"),
            ("SECUREVISION__API__WS_ENABLED", "maybe", "true or false"),
            ("SECUREVISION__VIDEO__SOURCE__TYPE", "webcam", "one of device, rtsp, http_mjpeg, hls, rtmp, file"),
            ("SECUREVISION__PLATES__DETECTOR__INPUT_SIZE", "416", "one of 320, 640"),
            ("SECUREVISION__PLATES__OCR__ENGINE", "tesseract", "one of ppocr"),
            ("SECUREVISION__VIDEO__FRAME_RESIZE", "640", "WIDTH,HEIGHT"),
            ("SECUREVISION__PLATES__POSTPROCESS__REGEX", "[A-Z", "a valid regular expression"),
            ("SECUREVISION__LOG_LEVEL", "loud", "one of trace, debug, info"),
            ("SECUREVISION__EVENTS__RETENTION_DAYS", "-1", "an integer from 0 to 36500"),
            ("SECUREVISION__API__HOST", "my host", "a host name or IP address"),
        ]
    )
    func badValue(key: String, value: String, expected: String) throws {
        let found = issues([env([key: value])])
        let issue = try #require(found.first { $0.key == key })
        #expect(issue.value == value)
        #expect(issue.expected?.contains(expected) == true, "expected text was \(issue.expected ?? "nil")")
        #expect(issue.description.contains(key))
        #expect(issue.description.contains(value))
    }

    @Test("every problem is reported, not just the first")
    func allProblems() {
        let found = issues([
            env([
                "SECUREVISION__VIDEO__FPS_TARGET": "x",
                "SECUREVISION__API__PORT": "0",
                "SECUREVISION__FACE__MIN_FACE_SIZE": "big",
                "SECUREVISION__TRACKING__FRAMES_REQUIRD": "3",
            ])
        ])
        #expect(
            Set(found.map(\.key)) == [
                "SECUREVISION__VIDEO__FPS_TARGET", "SECUREVISION__API__PORT", "SECUREVISION__FACE__MIN_FACE_SIZE",
                "SECUREVISION__TRACKING__FRAMES_REQUIRD",
            ]
        )
    }

    @Test("an unknown name is an error that suggests the nearest valid one")
    func unknownNameSuggestion() throws {
        let found = issues([env(["SECUREVISION__TRACKING__COOLDOWN_SECOND": "30"])])
        let issue = try #require(found.first)
        #expect(issue.key == "SECUREVISION__TRACKING__COOLDOWN_SECOND")
        #expect(issue.problem.contains("did you mean SECUREVISION__TRACKING__COOLDOWN_SECONDS?"))

        let camera = issues([env(["SECUREVISION__CAMERAS__FRONT__URLL": "rtsp://x/y"])])
        #expect(camera.first?.problem.contains("SECUREVISION__CAMERAS__FRONT__URL?") == true)

        let nonsense = issues([env(["SECUREVISION__ZZZZ": "1"])])
        #expect(nonsense.first?.problem == "unknown setting")
    }

    @Test("an AUTH_TOKEN that is set but empty stops startup instead of disabling auth")
    func emptyToken() throws {
        for empty in ["", "   "] {
            let found = issues([env(["SECUREVISION__API__AUTH_TOKEN": empty])])
            let issue = try #require(found.first { $0.key == "SECUREVISION__API__AUTH_TOKEN" })
            #expect(issue.problem.contains("empty") || issue.problem.contains("not valid"))
        }
        let short = issues([env(["SECUREVISION__API__AUTH_TOKEN": "abc123"])])
        #expect(short.first?.key == "SECUREVISION__API__AUTH_TOKEN")
        // The secret itself never appears in the message.
        #expect(short.first?.description.contains("abc123") == false)
    }

    @Test("a non-loopback bind without a token is refused unless explicitly allowed")
    func remoteBind() throws {
        for host in ["0.0.0.0", "192.168.1.10", "::", "camera-server.local"] {
            let found = issues([env(["SECUREVISION__API__HOST": host])])
            #expect(found.map(\.key) == ["SECUREVISION__API__HOST"], "host \(host)")
            #expect(found.first?.expected?.contains("ALLOW_UNAUTHENTICATED_REMOTE") == true)
        }
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
            #expect(throws: Never.self) {
                try ConfigurationLoader.load(layers: [env(["SECUREVISION__API__HOST": host])])
            }
        }
        let withToken = try ConfigurationLoader.load(layers: [
            env(["SECUREVISION__API__HOST": "0.0.0.0", "SECUREVISION__API__AUTH_TOKEN": "0123456789abcdef0123"])
        ])
        #expect(withToken.configuration.api.authEnabled)
        let allowed = try ConfigurationLoader.load(layers: [
            env(["SECUREVISION__API__HOST": "0.0.0.0", "SECUREVISION__API__ALLOW_UNAUTHENTICATED_REMOTE": "true"])
        ])
        #expect(allowed.configuration.api.authEnabled == false)
    }

    @Test("cross-field rules name the offending key")
    func crossField() {
        let keys = Set(
            issues([
                env([
                    "SECUREVISION__PLATES__POSTPROCESS__MIN_LENGTH": "9",
                    "SECUREVISION__PLATES__POSTPROCESS__MAX_LENGTH": "5",
                    "SECUREVISION__PLATES__ROI__X1": "500",
                    "SECUREVISION__PLATES__ROI__X2": "100",
                    "SECUREVISION__VIDEO__RECONNECT_INTERVAL_S": "60",
                    "SECUREVISION__EVENTS__DB_URL": "postgresql://u:p@db/events",
                ])
            ]).map(\.key)
        )
        #expect(
            keys == [
                "SECUREVISION__PLATES__POSTPROCESS__MIN_LENGTH", "SECUREVISION__PLATES__ROI__X2",
                "SECUREVISION__VIDEO__RECONNECT_INTERVAL_S", "SECUREVISION__EVENTS__DB_URL",
            ]
        )
    }

    @Test("a network camera needs a URL that fits its type")
    func cameraURLs() {
        let missing = issues([env(["SECUREVISION__VIDEO__SOURCE__TYPE": "rtsp"])])
        #expect(missing.map(\.key) == ["SECUREVISION__VIDEO__SOURCE__URL"])
        let wrong = issues([
            env([
                "SECUREVISION__CAMERAS__GATE__TYPE": "rtsp",
                "SECUREVISION__CAMERAS__GATE__URL": "http://user:pw@10.0.0.9/video",
            ])
        ])
        #expect(wrong.map(\.key) == ["SECUREVISION__CAMERAS__GATE__URL"])
        #expect(wrong.first?.value?.contains("pw") == false)
    }

    @Test("named cameras come from environment names, and the default camera stays when its source is set")
    func namedCameras() throws {
        let config = try ConfigurationLoader.load(layers: [
            env([
                "SECUREVISION__CAMERAS__FRONT__TYPE": "rtsp",
                "SECUREVISION__CAMERAS__FRONT__URL": "rtsp://10.0.0.5/main",
                "SECUREVISION__CAMERAS__FRONT__DETECT_URL": "rtsp://10.0.0.5/sub",
                "SECUREVISION__CAMERAS__FRONT__DETECTORS": "faces, plates",
                "SECUREVISION__CAMERAS__DRIVEWAY__TYPE": "file",
                "SECUREVISION__CAMERAS__DRIVEWAY__URL": "/srv/clip.mp4",
                "SECUREVISION__CAMERAS__DRIVEWAY__LOOP": "true",
            ])
        ]).configuration
        #expect(config.cameras.map(\.id) == ["driveway", "front"])
        #expect(config.cameras[1].detectors == [.faces, .plates])
        #expect(config.cameras[1].detectURL == "rtsp://10.0.0.5/sub")
        #expect(config.cameras[0].loop)

        let both = try ConfigurationLoader.load(layers: [
            env([
                "SECUREVISION__VIDEO__SOURCE__TYPE": "device",
                "SECUREVISION__CAMERAS__FRONT__TYPE": "device",
                "SECUREVISION__CAMERAS__FRONT__DEVICE_INDEX": "1",
            ])
        ]).configuration
        #expect(both.cameras.map(\.id) == ["default", "front"])
    }
}
