// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionApp
import SecureVisionCore
import Testing

@Suite("Configuration files")
struct ConfigurationFilesTests {
    let yaml = """
        # A home with three cameras.
        data_dir: /var/lib/securevision
        video:
          fps_target: 10
          read_timeout_s: 4.5
        face:
          similarity_threshold: 0.45
        plates:
          postprocess:
            regex: "[A-Z]{2}[0-9]{3}"
          ocr:
            substitute_o_to_0: true
        api:
          port: 8100
        cameras:
          - id: front_door
            name: Front door
            type: rtsp
            url: rtsp://admin:hunter2@192.0.2.10:554/main
            detect_url: rtsp://admin:hunter2@192.0.2.10:554/sub
            detectors: [faces]
          - id: driveway
            type: http_mjpeg
            url: http://192.0.2.11/video
            fps_target: 5
            detectors: [plates, objects]
          - id: garage
            type: device
            device_index: 1
            enabled: false
        """

    @Test("a YAML file lists several named cameras and sets every section")
    func yamlCameras() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.file("securevision.yaml", yaml)
        let loaded = try ConfigurationSources.load(
            configFile: file.path,
            environment: [:],
            dotEnvPath: dir.url.appendingPathComponent(".env").path
        )
        let config = loaded.configuration
        #expect(config.dataDirectory == "/var/lib/securevision")
        #expect(config.video.fpsTarget == 10)
        #expect(config.video.readTimeoutSeconds == 4.5)
        #expect(config.face.similarityThreshold == 0.45)
        #expect(config.plates.postprocess.regex == "[A-Z]{2}[0-9]{3}")
        #expect(config.plates.ocr.substituteOTo0)
        #expect(config.api.port == 8100)
        #expect(config.cameras.map(\.id) == ["driveway", "front_door", "garage"])
        let front = try #require(config.cameras.first { $0.id == "front_door" })
        #expect(front.name == "Front door")
        #expect(front.sourceType == .rtsp)
        #expect(front.detectURL == "rtsp://admin:hunter2@192.0.2.10:554/sub")
        #expect(front.detectors == [.faces])
        #expect(front.fpsTarget == 10)  // inherited from video.fps_target
        let driveway = try #require(config.cameras.first { $0.id == "driveway" })
        #expect(driveway.fpsTarget == 5)
        #expect(driveway.detectors == [.plates, .objects])
        #expect(config.cameras.first { $0.id == "garage" }?.enabled == false)
        #expect(loaded.origins["VIDEO__FPS_TARGET"] == .file(path: file.path, key: "video.fps_target"))
    }

    @Test("a bad value in the YAML file names the environment key and the YAML path")
    func yamlBadValue() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.file(
            "c.yaml",
            """
            video:
              fps_targt: 10
            tracking:
              iou_threshold: high
            cameras:
              - id: Front Door
                type: rtsp
              - id: gate
                type: rtsp
                url: rtsp://192.0.2.1/x
              - id: gate
                type: rtsp
                url: rtsp://192.0.2.2/x
            """
        )
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources.load(configFile: file.path, environment: [:], dotEnvPath: "/nonexistent/.env")
        }
        let text = error.description
        #expect(
            text.contains(
                "SECUREVISION__VIDEO__FPS_TARGT (video.fps_targt in \(file.path)): unknown setting; did you mean SECUREVISION__VIDEO__FPS_TARGET?"
            )
        )
        #expect(
            text.contains("SECUREVISION__TRACKING__IOU_THRESHOLD=\"high\" (tracking.iou_threshold in \(file.path))")
        )
        #expect(text.contains("\"Front Door\""))
        #expect(text.contains("camera id \"gate\" is used twice"))
    }

    @Test("a missing or malformed config file is a clear error")
    func missingFile() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources.load(configFile: "/nonexistent/sv.yaml", environment: [:], dotEnvPath: "/x/.env")
        }
        #expect(error.issues.first?.key == "--config")
        #expect(error.issues.first?.problem == "file does not exist")

        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let bad = try dir.file("bad.yaml", "video: [unclosed")
        let parse = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources.load(configFile: bad.path, environment: [:], dotEnvPath: "/x/.env")
        }
        #expect(parse.description.contains("is not valid YAML"))
    }

    @Test(".env is read; the environment beats it and flags beat both; the file is lowest")
    func dotEnvPrecedence() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let file = try dir.file("c.yaml", "api:\n  port: 8001\nvideo:\n  fps_target: 2\nface:\n  min_face_size: 50\n")
        let dotenv = try dir.file(
            ".env",
            """
            # comment line
            export SECUREVISION__API__PORT=8002
            SECUREVISION__VIDEO__FPS_TARGET="3"
            SECUREVISION__TRACKING__COOLDOWN_SECONDS=45 # inline comment
            OTHER_TOOL_SETTING=whatever

            """
        )
        let loaded = try ConfigurationSources.load(
            configFile: file.path,
            flags: ["API__PORT": RawConfigValue("8004", origin: .flag("--port"))],
            environment: ["SECUREVISION__VIDEO__FPS_TARGET": "4"],
            dotEnvPath: dotenv.path
        )
        let config = loaded.configuration
        #expect(config.api.port == 8004)
        #expect(config.video.fpsTarget == 4)
        #expect(config.tracking.cooldownSeconds == 45)
        #expect(config.face.minFaceSize == 50)
        #expect(loaded.origins["TRACKING__COOLDOWN_SECONDS"] == .dotenv(path: dotenv.path))

        let withoutEnv = try ConfigurationSources.load(configFile: file.path, environment: [:], dotEnvPath: dotenv.path)
        #expect(withoutEnv.configuration.api.port == 8002)
        #expect(withoutEnv.configuration.video.fpsTarget == 3)
    }

    @Test("a malformed .env line and an unknown name in .env are reported")
    func dotEnvProblems() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let dotenv = try dir.file(
            ".env",
            "SECUREVISION__API__PORT=8000\nthis line is wrong\nSECUREVISION__API__PROT=1\n"
        )
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationSources.load(configFile: nil, environment: [:], dotEnvPath: dotenv.path)
        }
        #expect(error.issues.contains { $0.key == "\(dotenv.path) line 2" })
        #expect(
            error.issues.contains {
                $0.key == "SECUREVISION__API__PROT" && $0.problem.contains("SECUREVISION__API__PORT")
            }
        )
    }
}
