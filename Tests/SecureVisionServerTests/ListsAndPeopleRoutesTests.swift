// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import SecureVisionServer
import Testing

@Suite("Plate list and people routes")
struct ListsAndPeopleRoutesTests {
    func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test("add, list and remove plates on the deny and allow lists, each change audited")
    func plateLists() async throws {
        let server = TestServer()
        let writer = try await server.addToken("gate-script", [.write])
        let reader = try await server.addToken("phone", [.read])
        try await server.application().test(.router) { client in
            try await client.execute(
                uri: "/plate-lists/deny",
                method: .post,
                headers: bearer(writer),
                body: json(#"{"plate": "ab-c 123", "note": "stolen"}"#)
            ) { response in
                #expect(response.status == .created)
                let body = try jsonObject(response.body)
                #expect(body["plate"] as? String == "ABC123")
                #expect(body["list"] as? String == "blacklist")
            }
            try await client.execute(
                uri: "/plate-lists/blacklist",
                method: .post,
                headers: bearer(writer),
                body: json(#"{"plate": "ABC123"}"#)
            ) { #expect($0.status == .conflict) }
            try await client.execute(
                uri: "/plate-lists/allow",
                method: .post,
                headers: bearer(writer),
                body: json(#"{"plate": "FAM1LY"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/plate-lists/allow",
                method: .post,
                headers: bearer(reader),
                body: json(#"{"plate": "X1"}"#)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/plate-lists", method: .get, headers: bearer(reader)) { response in
                let body = try jsonObject(response.body)
                #expect((body["blacklist"] as? [[String: Any]])?.first?["plate"] as? String == "ABC123")
                #expect((body["whitelist"] as? [[String: Any]])?.first?["plate"] as? String == "FAM1LY")
            }
            try await client.execute(uri: "/plate-lists/deny/abc123", method: .delete, headers: bearer(writer)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/plate-lists/deny/ABC123", method: .delete, headers: bearer(writer)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/plate-lists/deny", method: .get, headers: bearer(reader)) { response in
                let entries = try jsonArray(response.body)
                #expect(entries.isEmpty)
            }
        }
        let actions = try await server.audit.auditEntries(limit: 10).map(\.action)
        #expect(actions == ["plate_list.remove", "plate_list.add", "plate_list.add"])
    }

    @Test(
        "bad plate requests get a clear 4xx",
        arguments: [
            ("/plate-lists/greylist", #"{"plate": "ABC123"}"#, HTTPResponse.Status.notFound),
            ("/plate-lists/deny", #"{"plate": "A"}"#, .unprocessableContent),
            ("/plate-lists/deny", #"{"plate": "ÅBC<script>"}"#, .unprocessableContent),
            ("/plate-lists/deny", #"{"plate": 5}"#, .badRequest),
            ("/plate-lists/deny", #"not json"#, .badRequest),
            ("/plate-lists/deny", #"{}"#, .badRequest),
        ]
    )
    func badPlates(uri: String, body: String, status: HTTPResponse.Status) async throws {
        try await TestServer().application().test(.router) { client in
            try await client.execute(uri: uri, method: .post, body: json(body)) { response in
                #expect(response.status == status)
                let detail = try jsonObject(response.body)["detail"]
                #expect(detail is String)
            }
        }
    }

    @Test("list and delete people, audited")
    func people() async throws {
        let server = TestServer()
        _ = try await server.gallery.upsertPerson(id: "john_doe", displayName: "John")
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/people", method: .get) { response in
                let people = try jsonArray(response.body)
                #expect(people.first?["id"] as? String == "john_doe")
                #expect(people.first?["face_count"] as? Int == 1)
            }
            try await client.execute(uri: "/people/john_doe", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/people/john_doe", method: .delete) { #expect($0.status == .notFound) }
        }
        #expect(try await server.audit.auditEntries(limit: 5).map(\.action) == ["person.delete"])
    }
}

@Suite("Face upload routes")
struct FaceUploadRoutesTests {
    func image(_ first: UInt8) -> ByteBuffer { ByteBuffer(bytes: [first, 0xD8, 0xFF]) }

    @Test("an upload enrols a face (201), repeats are 200, and rejections are 422 with the reason")
    func enroll() async throws {
        let server = TestServer()
        try await server.application().test(.router) { client in
            try await client.execute(uri: "/people/ann/faces?name=Ann", method: .post, body: image(1)) { response in
                #expect(response.status == .created)
                let body = try jsonObject(response.body)
                #expect(body["outcome"] as? String == "added")
                #expect(body["person_id"] as? String == "ann")
            }
            try await client.execute(uri: "/people/ann/faces", method: .post, body: image(9)) { response in
                #expect(response.status == .ok)
            }
            for (first, reason) in [(UInt8(0), "no face found"), (2, "2 faces found, expected one")] {
                try await client.execute(uri: "/people/ann/faces", method: .post, body: image(first)) { response in
                    #expect(response.status == .unprocessableContent)
                    let detail = try jsonObject(response.body)["detail"] as? String
                    #expect(detail == reason)
                }
            }
            try await client.execute(uri: "/people/ann/faces", method: .post) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/people/..%2Fetc/faces", method: .post, body: image(1)) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
        #expect(try await server.audit.auditEntries(limit: 5).map(\.action) == ["person.enroll", "person.enroll"])
    }

    @Test("recognize returns faces with identities; undecodable is 422; no models is 503")
    func recognize() async throws {
        try await TestServer().application().test(.router) { client in
            try await client.execute(uri: "/faces/recognize", method: .post, body: image(1)) { response in
                let faces = try jsonObject(response.body)["faces"] as? [[String: Any]]
                #expect(faces?.first?["person_id"] as? String == "ann")
                #expect((faces?.first?["box"] as? [String: Any])?["x2"] as? Double == 3)
            }
            try await client.execute(uri: "/faces/recognize", method: .post, body: image(0)) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
        var noModels = TestServer()
        noModels.faces = nil
        try await noModels.application().test(.router) { client in
            try await client.execute(uri: "/faces/recognize", method: .post, body: image(1)) { response in
                #expect(response.status == .serviceUnavailable)
            }
        }
    }
}
