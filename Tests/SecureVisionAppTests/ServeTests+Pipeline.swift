// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension ServeTests {
    /// The repository root, for the models, the test photos and the clip script.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The composed clip (a person, then a car with plate KX19ABC), made once by the demo's own script.
    static func demoClip() throws -> String {
        let clip = repositoryRoot.appendingPathComponent(".build/test-media/demo-clip.mp4").path
        let result = try CommandRunner.runTool(
            "/bin/bash",
            [repositoryRoot.appendingPathComponent("scripts/make-demo-clip.sh").path, clip]
        )
        #expect(result.status == 0, "\(result.stderr)")
        return clip
    }

    /// A 2 s H.264 test-pattern clip made with the ffmpeg CLI, for file cameras.
    static func testClip(in dir: TemporaryDirectory, size: String) throws -> String {
        let clip = dir.url.appendingPathComponent("clip.mp4").path
        let ffmpeg = try CommandRunner.runTool(
            "/usr/bin/ffmpeg",
            [
                "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=15", "-t", "2",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", clip,
            ]
        )
        #expect(ffmpeg.status == 0, "\(ffmpeg.stderr)")
        return clip
    }

    /// `/events?type=...` as parsed JSON.
    func events(_ base: String, type: String) async throws -> [[String: Any]] {
        try await getArray(base + "/events?type=\(type)&limit=1000").1
    }

    /// Polls until `condition` holds or `seconds` pass.
    func eventually(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(300))
        }
        return try await condition()
    }

    @Test(
        "end to end over RTSP: one face_match for the enrolled person, one plate_read + plate_alert for the deny-listed plate, JPEGs, offline/online with no repeats, a broken second camera",
        .timeLimit(.minutes(4))
    )
    func pipelineEndToEnd() async throws {
        let root = Self.repositoryRoot
        let models = root.appendingPathComponent("models").path
        let camera = try RTSPCamera(file: try Self.demoClip())
        defer { camera.kill() }
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data").path
        let environment = ["SECUREVISION__MODELS_DIR": models]

        // A different photo of the person in the clip, and the clip's plate on the deny list.
        let enrolled = try CommandRunner.run(
            [
                "enroll", "--data-dir", data, "--person", "obama",
                root.appendingPathComponent("test-data/obama2.jpg").path,
            ],
            in: dir.url,
            environment: environment
        )
        #expect(enrolled.status == 0, "\(enrolled.stderr)")
        let denyList = try dir.file("deny.csv", "plate\nKX19ABC\n")
        let config = try dir.file(
            "cameras.yaml",
            """
            video:
              read_timeout_s: 2
              reconnect_interval_s: 0.5
              reconnect_max_s: 2
            plates:
              blacklist_path: \(denyList.path)
            tracking:
              cooldown_seconds: 300
            cameras:
              - id: door
                type: rtsp
                url: \(camera.url)
                fps_target: 5
              - id: broken
                type: rtsp
                url: rtsp://127.0.0.1:9/none
            """
        )
        let (process, port, log) = try await startServer(
            in: dir,
            extraArguments: ["--config", config.path],
            environment: environment
        )
        defer { if process.isRunning { process.terminate() } }
        let base = "http://127.0.0.1:\(port)"

        // The clip shows the person from 2 s and the car from 9.5 s.
        let found = try await eventually(seconds: 60) {
            let faces = try await events(base, type: "face_match")
            let alerts = try await events(base, type: "plate_alert")
            return !faces.isEmpty && !alerts.isEmpty
        }
        #expect(found, "no face_match and plate_alert; log:\n\(String(decoding: log.value, as: UTF8.self))")

        // The camera loses power and comes back; the clip plays again, inside the cooldown.
        camera.kill()
        #expect(
            try await eventually(seconds: 20) {
                try await !events(base, type: "camera_offline").filter { $0["frame_source_id"] as? String == "door" }
                    .isEmpty
            }
        )
        try camera.start()
        #expect(
            try await eventually(seconds: 20) {
                try await events(base, type: "camera_online").filter { $0["frame_source_id"] as? String == "door" }
                    .count >= 2
            }
        )
        try await Task.sleep(for: .seconds(20))

        let faces = try await events(base, type: "face_match")
        #expect(faces.count == 1, "one visit, one event: \(faces)")
        let face = try #require(faces.first)
        #expect((face["payload"] as? [String: Any])?["person_id"] as? String == "obama")
        #expect(face["frame_source_id"] as? String == "door")
        let reads = try await events(base, type: "plate_read")
        #expect(reads.count == 1, "\(reads)")
        let read = try #require(reads.first)
        #expect((read["payload"] as? [String: Any])?["matched_list"] as? String == "blacklist")
        #expect((read["payload"] as? [String: Any])?["text_clean"] as? String == "KX19ABC")
        #expect(try await events(base, type: "plate_alert").count == 1)
        #expect(
            try await events(base, type: "camera_offline").contains { $0["frame_source_id"] as? String == "broken" }
        )

        // The snapshot and crop exist on disk and decode as JPEG at their stated sizes.
        for event in [face, read] {
            let id = try #require(event["id"] as? Int)
            for (name, expectFullFrame) in [("snapshot", true), ("crop", false)] {
                let (bytes, response) = try await URLSession.shared.data(
                    from: try #require(URL(string: "\(base)/events/\(id)/\(name).jpg"))
                )
                #expect((response as? HTTPURLResponse)?.statusCode == 200)
                let file = dir.url.appendingPathComponent("\(id)-\(name).jpg")
                try bytes.write(to: file)
                let probe = try CommandRunner.runTool(
                    "/usr/bin/ffprobe",
                    ["-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "csv=p=0", file.path]
                )
                let fields = probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
                #expect(fields.first == "mjpeg", "\(name) of event \(id): \(probe.stdout) \(probe.stderr)")
                if expectFullFrame {
                    #expect(fields.dropFirst().map(String.init) == ["1280", "720"])
                } else {
                    #expect((Int(fields.dropFirst().first ?? "") ?? 9999) < 1280)
                }
            }
        }
        let snapshots = try FileManager.default.subpathsOfDirectory(atPath: data + "/snapshots")
        #expect(snapshots.filter { $0.hasSuffix(".jpg") }.count >= 4)

        let (metricsData, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/metrics")))
        let metrics = String(decoding: metricsData, as: UTF8.self)
        #expect(metrics.contains("securevision_camera_up{camera=\"door\"} 1\n"))
        #expect(metrics.contains("securevision_pipeline_events_total{camera=\"door\"} 3\n"))
        let faceSeconds = metrics.split(separator: "\n").first {
            $0.hasPrefix("securevision_inference_seconds_total{") && $0.contains("camera=\"door\"")
                && $0.contains("detector=\"faces\"")
        }
        #expect((faceSeconds?.split(separator: " ").last).flatMap { Double($0) } ?? 0 > 0)
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 20))
    }
}

extension ServeTests {
    @Test(
        "SIGHUP reloads the camera list: a new camera starts, an unchanged one keeps running, a bad file changes nothing"
    )
    func reloadOnHangup() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let clip = try Self.testClip(in: dir, size: "320x240")
        func cameraList(_ ids: [String]) -> String {
            "cameras:\n"
                + ids.map { "  - id: \($0)\n    type: file\n    url: \(clip)\n    loop: true\n    fps_target: 5\n" }
                .joined()
        }
        let config = try dir.file("cameras.yaml", cameraList(["porch"]))
        let (process, port, log) = try await startServer(in: dir, extraArguments: ["--config", config.path])
        defer { if process.isRunning { process.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        func cameras() async throws -> [String: [String: Any]] {
            let list = try await getArray(base + "/cameras").1
            return Dictionary(list.compactMap { camera in (camera["id"] as? String).map { ($0, camera) } }) { a, _ in a
            }
        }
        func decoded(_ id: String) async throws -> Int { try await cameras()[id]?["frames_decoded"] as? Int ?? 0 }
        #expect(try await eventually(seconds: 20) { try await decoded("porch") > 5 })

        try Data(cameraList(["porch", "garden"]).utf8).write(to: config)
        let before = try await decoded("porch")
        kill(process.processIdentifier, SIGHUP)
        #expect(
            try await eventually(seconds: 20) { try await decoded("garden") > 0 },
            "\(String(decoding: log.value, as: UTF8.self))"
        )
        // The unchanged camera was not restarted: its counters kept growing from where they were.
        #expect(try await decoded("porch") >= before)

        try Data("cameras: [".utf8).write(to: config)
        kill(process.processIdentifier, SIGHUP)
        #expect(
            try await eventually(seconds: 10) {
                String(decoding: log.value, as: UTF8.self).contains("configuration not reloaded")
            }
        )
        #expect(try await cameras().keys.sorted() == ["garden", "porch"])
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15))
    }
}
