// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Command line", .serialized)
struct CLITests {
    @Test("check-config prints the effective configuration, redacted, and exits 0")
    func checkConfigValid() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let token = "tok-0123456789-abcdef-secret"
        let result = try CommandRunner.run(
            ["check-config", "--data-dir", dir.url.path],
            in: dir.url,
            environment: [
                "SECUREVISION__API__AUTH_TOKEN": token,
                "SECUREVISION__VIDEO__SOURCE__TYPE": "rtsp",
                "SECUREVISION__VIDEO__SOURCE__URL": "rtsp://admin:hunter2@192.0.2.5/stream",
            ]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("SECUREVISION__API__HOST=127.0.0.1  # default"))
        #expect(result.stdout.contains("SECUREVISION__DATA_DIR=\(dir.url.path)  # --data-dir"))
        #expect(result.stdout.contains("SECUREVISION__API__AUTH_TOKEN=<redacted>  # environment"))
        #expect(result.stdout.contains("rtsp://<redacted>@192.0.2.5/stream"))
        #expect(result.stdout.contains("# configuration is valid"))
        #expect(!(result.stdout + result.stderr).contains(token))
        #expect(!(result.stdout + result.stderr).contains("hunter2"))
    }

    @Test("check-config exits 2 and prints every problem")
    func checkConfigInvalid() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let result = try CommandRunner.run(
            ["check-config", "--log-level", "shouty"],
            in: dir.url,
            environment: [
                "SECUREVISION__API__AUTH_TOKEN": "",
                "SECUREVISION__API__PORT": "eighty",
                "SECUREVISION__VIDEO__FPS_TARGE": "10",
            ]
        )
        #expect(result.status == 2)
        #expect(result.stderr.contains("invalid configuration (4 problems)"))
        #expect(result.stderr.contains("SECUREVISION__API__AUTH_TOKEN=\"\": is set but empty"))
        #expect(
            result.stderr.contains(
                "SECUREVISION__API__PORT=\"eighty\": is not valid; expected an integer from 1 to 65535"
            )
        )
        #expect(result.stderr.contains("did you mean SECUREVISION__VIDEO__FPS_TARGET?"))
        #expect(result.stderr.contains("SECUREVISION__LOG_LEVEL=\"shouty\" (--log-level)"))
        #expect(result.stdout.isEmpty)
    }

    @Test("serve refuses a non-loopback bind without a token, before anything starts")
    func serveRemoteWithoutToken() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data")
        let result = try CommandRunner.run(["serve", "--host", "0.0.0.0", "--data-dir", data.path], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("SECUREVISION__API__HOST=\"0.0.0.0\" (--host)"))
        #expect(!FileManager.default.fileExists(atPath: data.path), "nothing may be created before validation passes")
    }

    @Test("events --json prints the API's JSON for what the store holds")
    func eventsJSONRoundTrip() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data")
        let store = try EventStore.open(
            databasePath: data.appendingPathComponent("events.db").path,
            dataDirectory: data.path
        )
        let face = try await store.append(
            NewEvent(
                type: .faceMatch,
                timestampMs: 1_700_000_000_000,
                cameraID: "front",
                trackID: 42,
                payload: [
                    "person_id": "john_doe", "similarity": 0.87, "detection_score": 0.95, "track_id": 42,
                    "bbox": .object(["x1": 100, "y1": 150, "x2": 300, "y2": 350]),
                ]
            )
        )
        let plate = try await store.append(
            NewEvent(
                type: .plateRead,
                timestampMs: 1_700_000_001_000,
                cameraID: "gate",
                payload: [
                    "text_raw": " ABC 123 ", "text_clean": "ABC123", "ocr_confidence": 85.5, "detector_score": 0.88,
                    "matched_list": "whitelist", "bbox": .object(["x1": 200, "y1": 400, "x2": 500, "y2": 500]),
                    "track_id": nil,
                ],
                snapshotJPEG: [0xFF, 0xD8, 0xFF, 0xD9]
            )
        )

        let all = try CommandRunner.run(["events", "--json", "--data-dir", data.path], in: dir.url)
        #expect(all.status == 0, "\(all.stderr)")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(decoded.count == 2)
        #expect(decoded[0]["id"] as? Int == Int(plate.id))  // newest first
        #expect(decoded[0]["type"] as? String == "plate_read")
        #expect(decoded[0]["frame_source_id"] as? String == "gate")
        #expect(decoded[0]["ts_ms"] as? Int == 1_700_000_001_000)
        #expect(decoded[0]["snapshot_url"] as? String == "/events/\(plate.id)/snapshot.jpg")
        let platePayload = try #require(decoded[0]["payload"] as? [String: Any])
        #expect(platePayload["text_raw"] as? String == " ABC 123 ")
        #expect(platePayload["ocr_confidence"] as? Double == 85.5)
        #expect(platePayload["track_id"] is NSNull)
        let facePayload = try #require(decoded[1]["payload"] as? [String: Any])
        #expect(decoded[1]["id"] as? Int == Int(face.id))
        #expect(facePayload["person_id"] as? String == "john_doe")
        #expect((facePayload["bbox"] as? [String: Any])?["x2"] as? Int == 300)
        let createdAt = try #require(decoded[1]["created_at"] as? String)
        #expect(createdAt.hasSuffix("+00:00"))

        let filtered = try CommandRunner.run(
            ["events", "--json", "--type", "face_match", "--data-dir", data.path],
            in: dir.url
        )
        let onlyFaces = try #require(
            try JSONSerialization.jsonObject(with: Data(filtered.stdout.utf8)) as? [[String: Any]]
        )
        #expect(onlyFaces.map { $0["type"] as? String } == ["face_match"])

        let since = try CommandRunner.run(
            ["events", "--json", "--since", "1700000000500", "--limit", "1", "--data-dir", data.path],
            in: dir.url
        )
        let recent = try #require(try JSONSerialization.jsonObject(with: Data(since.stdout.utf8)) as? [[String: Any]])
        #expect(recent.map { $0["type"] as? String } == ["plate_read"])

        let table = try CommandRunner.run(["events", "--data-dir", data.path], in: dir.url)
        #expect(table.stdout.contains("plate=ABC123"))
        #expect(table.stdout.contains("person=john_doe"))

        let badLimit = try CommandRunner.run(["events", "--limit", "5000", "--data-dir", data.path], in: dir.url)
        #expect(badLimit.status != 0)
        #expect(badLimit.stderr.contains("--limit must be from 1 to 1000"))
    }

    @Test("migrate creates the schema with private permissions; version prints the version")
    func migrateAndVersion() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data")
        let migrate = try CommandRunner.run(["migrate", "--data-dir", data.path], in: dir.url)
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("migrations applied"))
        let attributes = try FileManager.default.attributesOfItem(atPath: data.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let db = try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent("events.db").path)
        #expect((db[.posixPermissions] as? Int) == 0o600)

        let version = try CommandRunner.run(["version"], in: dir.url)
        #expect(version.stdout == "securevision \(SecureVisionVersion.current)\n")
    }

    @Test("backup copies a live database and refuses to overwrite")
    func backup() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let data = dir.url.appendingPathComponent("data")
        let store = try EventStore.open(
            databasePath: data.appendingPathComponent("events.db").path,
            dataDirectory: data.path
        )
        _ = try await store.append(NewEvent(type: .object, timestampMs: 5, cameraID: "c"))
        let destination = dir.url.appendingPathComponent("backup.db").path
        let result = try CommandRunner.run(["backup", destination, "--data-dir", data.path], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let copy = try EventStore.open(
            databasePath: destination,
            dataDirectory: dir.url.appendingPathComponent("copy").path
        )
        #expect(try await copy.events(matching: EventQuery()).events.count == 1)
        let again = try CommandRunner.run(["backup", destination, "--data-dir", data.path], in: dir.url)
        #expect(again.status != 0)
    }
}
