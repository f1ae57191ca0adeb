// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The server as a user runs it: a real process, a real socket, a real signal.
@Suite("securevision serve", .serialized)
struct ServeTests {
    /// Starts `serve` on a free port and returns the process, its port and its collected stderr.
    func startServer(in dir: TemporaryDirectory, extraArguments: [String] = [], environment: [String: String] = [:])
        async throws -> (Process, Int, LockedData)
    {
        let data = dir.url.appendingPathComponent("data").path
        let (process, _, err) = try CommandRunner.start(
            ["serve", "--port", "0", "--data-dir", data] + extraArguments,
            in: dir.url,
            environment: environment
        )
        let log = LockedData()
        err.fileHandleForReading.readabilityHandler = { handle in
            log.append(handle.availableData)
        }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = String(decoding: log.value, as: UTF8.self)
            if let range = text.range(of: #"listening on https?://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let port = Int(text[range].split(separator: ":").last ?? "") ?? 0
                return (process, port, log)
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        Issue.record("server did not report listening; stderr:\n\(String(decoding: log.value, as: UTF8.self))")
        throw CancellationError()
    }

    func get(_ url: String, token: String? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: try #require(URL(string: url)))
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (status, body)
    }

    func getArray(_ url: String) async throws -> (Int, [[String: Any]]) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        let body = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? []
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    func waitForExit(_ process: Process, seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        return !process.isRunning
    }

    @Test("answers / and /health on a real socket and stops cleanly on SIGTERM")
    func serveAndTerminate() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let (process, port, log) = try await startServer(in: dir)
        defer { if process.isRunning { process.terminate() } }

        let (status, info) = try await get("http://127.0.0.1:\(port)/")
        #expect(status == 200)
        #expect(info["service"] as? String == "SecureVision Events API")
        #expect(info["version"] is String)
        #expect(info["ws_enabled"] as? Bool == true)
        #expect(info["auth_enabled"] as? Bool == false)

        let (healthStatus, health) = try await get("http://127.0.0.1:\(port)/health")
        #expect(healthStatus == 200)
        #expect(health["status"] as? String == "ok")
        #expect((health["store"] as? [String: Any])?["ok"] as? Bool == true)
        // With no configuration the earlier default camera, USB device 0, is configured; this machine
        // has none, so it is reported offline, and that is the only event.
        #expect((health["cameras"] as? [String: Any])?["configured"] as? Int == 1)
        #expect((health["cameras"] as? [String: Any])?["online"] as? Int == 0)
        var events: [[String: Any]] = []
        for _ in 0..<50 {
            events = try await getArray("http://127.0.0.1:\(port)/events").1
            if !events.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(events.map { $0["type"] as? String } == ["camera_offline"])
        #expect(events.first?["frame_source_id"] as? String == "default")

        let (missingStatus, missing) = try await get("http://127.0.0.1:\(port)/no-such-route")
        #expect(missingStatus == 404)
        #expect(missing["detail"] is String)

        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15), "server did not stop within 15 s of SIGTERM")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: log.value, as: UTF8.self).contains("SecureVision stopped"))
    }

    @Test("SIGINT stops it too, and the database it wrote is intact")
    func interrupt() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let (process, _, _) = try await startServer(in: dir)
        kill(process.processIdentifier, SIGINT)
        #expect(try await waitForExit(process, seconds: 15))
        #expect(process.terminationStatus == 0)
        let check = try CommandRunner.run(
            ["migrate", "--data-dir", dir.url.appendingPathComponent("data").path],
            in: dir.url
        )
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("a corrupt database stops startup with a clear message and exit 3, and is left as it was")
    func corruptDatabase() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let db = data.appendingPathComponent("events.db")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: db)
        let result = try CommandRunner.run(["serve", "--port", "0", "--data-dir", data.path], in: dir.url)
        #expect(result.status == 3)
        #expect(result.stderr.contains(db.path))
        #expect(try Data(contentsOf: db) == garbage, "the corrupt file must not be replaced")
    }

    @Test("the token never reaches the log")
    func tokenNotLogged() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let token = "never-log-me-0123456789abcdef"
        let (process, port, log) = try await startServer(
            in: dir,
            extraArguments: ["--log-level", "trace"],
            environment: ["SECUREVISION__API__AUTH_TOKEN": token]
        )
        let (_, info) = try await get("http://127.0.0.1:\(port)/")
        #expect(info["auth_enabled"] as? Bool == true)
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15))
        let text = String(decoding: log.value, as: UTF8.self)
        #expect(text.contains("listening on"))
        #expect(!text.contains(token))
    }

    @Test("a token made with `token create` works on a real socket until `token revoke`, and both are audited")
    func tokenLifecycle() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data").path
        let created = try CommandRunner.run(
            ["token", "create", "--name", "kitchen-tablet", "--scope", "read", "--data-dir", data],
            in: dir.url
        )
        #expect(created.status == 0, "\(created.stderr)")
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("svt_"))
        let duplicate = try CommandRunner.run(
            ["token", "create", "--name", "kitchen-tablet", "--data-dir", data],
            in: dir.url
        )
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("already exists"))

        let (process, port, _) = try await startServer(in: dir)
        defer { if process.isRunning { process.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        #expect(try await get(base + "/").1["auth_enabled"] as? Bool == true)
        #expect(try await get(base + "/events").0 == 401)
        let (status, _) = try await get(base + "/events", token: secret)
        #expect(status == 200)
        #expect(try await get(base + "/audit", token: secret).0 == 403)

        let listed = try CommandRunner.run(["token", "list", "--data-dir", data], in: dir.url)
        #expect(listed.stdout.contains("kitchen-tablet  read"))
        #expect(!listed.stdout.contains(secret))
        let revoked = try CommandRunner.run(["token", "revoke", "kitchen-tablet", "--data-dir", data], in: dir.url)
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(try await get(base + "/events", token: secret).0 == 401)

        let admin = try CommandRunner.run(
            ["token", "create", "--name", "owner", "--scope", "admin", "--data-dir", data],
            in: dir.url
        )
        let adminSecret = admin.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var request = URLRequest(url: try #require(URL(string: base + "/audit")))
        request.setValue("Bearer \(adminSecret)", forHTTPHeaderField: "Authorization")
        let (auditData, _) = try await URLSession.shared.data(for: request)
        let audit = try #require(try JSONSerialization.jsonObject(with: auditData) as? [[String: Any]])
        let actions = audit.compactMap { $0["action"] as? String }
        #expect(actions == ["token.create", "token.revoke", "token.create"])
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15))
    }

    @Test("with a certificate and key it serves HTTPS only; a bad key file stops startup with its name")
    func tls() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let cert = dir.url.appendingPathComponent("cert.pem").path
        let key = dir.url.appendingPathComponent("key.pem").path
        let openssl = try CommandRunner.runTool(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            ]
        )
        #expect(openssl.status == 0, "\(openssl.stderr)")
        let environment = ["SECUREVISION__API__TLS_CERT_PATH": cert, "SECUREVISION__API__TLS_KEY_PATH": key]
        let (process, port, log) = try await startServer(in: dir, environment: environment)
        defer { if process.isRunning { process.terminate() } }
        #expect(String(decoding: log.value, as: UTF8.self).contains("listening on https://127.0.0.1:\(port)"))

        let secure = try CommandRunner.runTool(
            "/usr/bin/curl",
            ["-sS", "--cacert", cert, "https://127.0.0.1:\(port)/health"]
        )
        #expect(secure.status == 0, "\(secure.stderr)")
        #expect(secure.stdout.contains("\"status\":\"ok\""))
        let plain = try CommandRunner.runTool("/usr/bin/curl", ["-sS", "-m", "5", "http://127.0.0.1:\(port)/health"])
        #expect(!plain.stdout.contains("\"status\""), "plain HTTP must not be answered")
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15))

        try Data("not a key".utf8).write(to: URL(fileURLWithPath: key))
        let refused = try CommandRunner.run(
            ["serve", "--port", "0", "--data-dir", dir.url.appendingPathComponent("data").path],
            in: dir.url,
            environment: environment
        )
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("cannot load the TLS private key \(key)"))

        let half = try CommandRunner.run(
            ["check-config"],
            in: dir.url,
            environment: ["SECUREVISION__API__TLS_CERT_PATH": cert]
        )
        #expect(half.status == 2)
        #expect(half.stderr.contains("SECUREVISION__API__TLS_KEY_PATH: is required when the other TLS file is set"))
    }

    @Test(
        "a real upload enrols a face with the real models, a face-free photo is refused, and recognition finds the person"
    )
    func faceUploads() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let testData = root.appendingPathComponent("test-data")
        let models = root.appendingPathComponent("models").path
        let obama = try Data(contentsOf: testData.appendingPathComponent("obama.jpg"))
        let obama2 = try Data(contentsOf: testData.appendingPathComponent("obama2.jpg"))
        let coffee = try Data(contentsOf: testData.appendingPathComponent("coffee.png"))
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let (process, port, _) = try await startServer(in: dir, environment: ["SECUREVISION__MODELS_DIR": models])
        defer { if process.isRunning { process.terminate() } }
        let base = "http://127.0.0.1:\(port)"

        func post(_ path: String, _ body: Data) async throws -> (Int, [String: Any]) {
            var request = URLRequest(url: try #require(URL(string: base + path)))
            request.httpMethod = "POST"
            request.setValue("image/jpeg", forHTTPHeaderField: "Content-Type")
            let (data, response) = try await URLSession.shared.upload(for: request, from: body)
            let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
        }

        let (added, _) = try await post("/people/obama/faces?name=Barack", obama)
        #expect(added == 201)
        let (refused, reason) = try await post("/people/obama/faces", coffee)
        #expect(refused == 422)
        #expect(reason["detail"] as? String == "no face found")
        let (status, recognized) = try await post("/faces/recognize", obama2)
        #expect(status == 200)
        let faces = try #require(recognized["faces"] as? [[String: Any]])
        #expect(faces.count == 1)
        #expect(faces.first?["person_id"] as? String == "obama")
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15))
    }

    @Test(
        "cameras run in serve: a file camera comes online with frames, a dead RTSP camera is offline with its reason, both stored as events, no password anywhere"
    )
    func camerasInServe() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let clip = try Self.testClip(in: dir, size: "640x360")
        let config = try dir.file(
            "cameras.yaml",
            """
            cameras:
              - id: driveway
                type: file
                url: \(clip)
                loop: true
                fps_target: 5
              - id: gate
                type: rtsp
                url: rtsp://admin:hunter2@127.0.0.1:9/stream
            """
        )
        let (process, port, log) = try await startServer(in: dir, extraArguments: ["--config", config.path])
        defer { if process.isRunning { process.terminate() } }
        let base = "http://127.0.0.1:\(port)"

        var cameras: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/cameras")))
            cameras = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] ?? []
            let driveway = cameras.first { $0["id"] as? String == "driveway" }
            let gate = cameras.first { $0["id"] as? String == "gate" }
            if driveway?["state"] as? String == "online", (driveway?["frames_analysed"] as? Int ?? 0) > 2,
                gate?["state"] as? String == "offline"
            {
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let driveway = try #require(cameras.first { $0["id"] as? String == "driveway" })
        let gate = try #require(cameras.first { $0["id"] as? String == "gate" })
        #expect(driveway["state"] as? String == "online")
        #expect(driveway["width"] as? Int == 640)
        #expect(driveway["codec"] as? String == "h264")
        #expect(gate["state"] as? String == "offline")
        #expect(gate["location"] as? String == "rtsp://<redacted>@127.0.0.1:9/stream")

        let (jpeg, response) = try await URLSession.shared.data(
            from: try #require(URL(string: base + "/cameras/driveway/latest.jpg"))
        )
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(Array(jpeg.prefix(2)) == [0xFF, 0xD8])
        let (_, health) = try await get(base + "/health")
        #expect((health["cameras"] as? [String: Any])?["online"] as? Int == 1)
        let (metricsData, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/metrics")))
        let metrics = String(decoding: metricsData, as: UTF8.self)
        #expect(metrics.contains("securevision_camera_up{camera=\"driveway\"} 1\n"))
        #expect(metrics.contains("securevision_camera_up{camera=\"gate\"} 0\n"))
        #expect(metrics.contains("# TYPE securevision_camera_frames_decoded_total counter"))

        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15))
        let events = try CommandRunner.run(
            ["events", "--json", "--data-dir", dir.url.appendingPathComponent("data").path],
            in: dir.url
        )
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [[String: Any]])
        let online = stored.filter { $0["type"] as? String == "camera_online" }
        let offline = stored.filter { $0["type"] as? String == "camera_offline" }
        #expect(online.map { $0["frame_source_id"] as? String } == ["driveway"])
        #expect(offline.map { $0["frame_source_id"] as? String } == ["gate"], "a graceful stop is not an outage")
        let reason = (offline.first?["payload"] as? [String: Any])?["reason"] as? String
        #expect(reason?.contains("refused") == true)
        let everything = String(decoding: log.value, as: UTF8.self) + events.stdout
        #expect(!everything.contains("hunter2"))
    }

    @Test(
        "path traversal and SQL injection strings in every parameter get a clean 4xx (or an empty result), never a 5xx or an internal detail"
    )
    func hostileParameters() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models").path
        let (process, port, _) = try await startServer(in: dir, environment: ["SECUREVISION__MODELS_DIR": models])
        defer { if process.isRunning { process.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        let hostile = [
            "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "' OR '1'='1", "1; DROP TABLE events; --",
            "\" OR 1=1 --", "%00", "<script>alert(1)</script>", "1 UNION SELECT secret_hash FROM api_tokens",
            String(repeating: "A", count: 5000), "💥", "-1", "9223372036854775808",
        ]
        var paths: [(String, String)] = []
        for value in hostile {
            let q = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            for name in ["type", "camera", "person_id", "plate", "matched_list", "cursor", "since", "until", "limit"] {
                paths.append(("GET", "/events?\(name)=\(q)"))
            }
            for template in [
                "/events/%@", "/faces/%@", "/plates/%@", "/events/%@/snapshot.jpg", "/plate-lists/%@",
                "/cameras/%@/latest.jpg",
            ] {
                paths.append(("GET", template.replacing("%@", with: q)))
            }
            paths.append(("DELETE", "/plate-lists/deny/\(q)"))
            paths.append(("DELETE", "/people/\(q)"))
            paths.append(("POST", "/people/\(q)/faces"))
        }
        for (method, path) in paths {
            guard let url = URL(string: base + path) else { continue }
            var request = URLRequest(url: url)
            request.httpMethod = method
            if method == "POST" { request.httpBody = Data([0xFF, 0xD8, 0x00]) }
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let text = String(decoding: data, as: UTF8.self).lowercased()
            #expect((200..<500).contains(status), "\(method) \(path) gave \(status): \(text.prefix(200))")
            for leak in ["sqlite", "grdb", "select ", "syntax error", dir.url.path.lowercased(), "fatal", ".swift"] {
                #expect(!text.contains(leak), "\(method) \(path) leaked \(leak): \(text.prefix(200))")
            }
        }
        // The store is intact and still answers.
        let (status, health) = try await get(base + "/health")
        #expect(status == 200)
        #expect(health["status"] as? String == "ok")
        kill(process.processIdentifier, SIGTERM)
        #expect(try await waitForExit(process, seconds: 15))
    }
}
