// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SecureVisionCore
import Testing

@testable import SecureVisionServer

/// What Schemathesis found against the live server (`scripts/test-api-fuzz.sh`), kept fixed: answers
/// that `/openapi.json` did not document, and parameter rules the document did not state.
@Suite("API fuzzing regressions")
struct FuzzRegressionTests {
    static let token = "fuzz-token-0123456789"

    @Test(
        "A plain GET /stream, with or without a token, is 426 with Upgrade: websocket, not an empty 200",
        arguments: [false, true]
    )
    func plainStreamRequest(withToken: Bool) async throws {
        let server = TestServer(environmentToken: Self.token)
        // Over a real socket: the request passes the WebSocket upgrade channel like a browser's would.
        try await server.application().test(.live) { client in
            let headers = withToken ? bearer(Self.token) : [:]
            try await client.execute(uri: "/stream", method: .get, headers: headers) { response in
                #expect(response.status == .upgradeRequired)
                #expect(response.headers[.upgrade] == "websocket")
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let detail = try jsonObject(response.body)["detail"] as? String
                #expect(detail == "/stream is a WebSocket; connect with a WebSocket client")
            }
        }
    }

    @Test("Only a websocket Upgrade header, in any case and among others, counts as a handshake")
    func upgradeHeaderParsing() {
        func asks(_ values: [String]) -> Bool {
            StreamController.asksForWebSocket(HTTPFields(values.map { HTTPField(name: .upgrade, value: $0) }))
        }
        #expect(asks(["websocket"]))
        #expect(asks(["WebSocket"]))
        #expect(asks(["h2c, websocket"]))
        #expect(asks(["h2c", "websocket"]))
        #expect(!asks([]))
        #expect(!asks(["h2c"]))
        #expect(!asks(["websocketx"]))
    }

    @Test("/openapi.json documents what the fuzzer saw undocumented")
    func documentedAnswers() async throws {
        let document = try await Self.document()
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        func statuses(_ path: String, _ method: String) -> Set<String> {
            Set((paths[path]?[method]?["responses"] as? [String: Any])?.keys.map { $0 } ?? [])
        }
        #expect(statuses("/people/{id}", "delete").isSuperset(of: ["204", "404", "422"]))
        #expect(statuses("/stream", "get").isSuperset(of: ["101", "426"]))
        // The header is optional on /stream (a browser sends its token as the first message): an empty
        // requirement says so, and the other protected routes keep requiring it.
        let streamSecurity = paths["/stream"]?["get"]?["security"] as? [[String: Any]]
        #expect(streamSecurity?.count == 2 && streamSecurity?.last?.isEmpty == true)
        #expect((paths["/events"]?["get"]?["security"] as? [[String: Any]])?.count == 1)
        // A second upload of the same face is 200 "already_enrolled", the first 201.
        #expect(statuses("/people/{id}/faces", "post").isSuperset(of: ["200", "201", "422"]))
        for path in ["/people/{id}/faces", "/faces/recognize"] {
            let body = paths[path]?["post"]?["requestBody"] as? [String: Any]
            let content = try #require(body?["content"] as? [String: Any], "\(path) documents no body")
            #expect(Set(content.keys) == ["image/jpeg", "image/png"])
        }
        // The paging headers, so that Schemathesis checks them on every /events answer.
        let page = (paths["/events"]?["get"]?["responses"] as? [String: Any])?["200"] as? [String: Any]
        let headers = try #require(page?["headers"] as? [String: [String: Any]])
        #expect(headers["X-Total-Count"]?["required"] as? Bool == true)
        #expect(headers["X-Next-Cursor"]?["required"] as? Bool == false)
        let parameters = try #require(paths["/events/{id}"]?["get"]?["parameters"] as? [[String: Any]])
        let schema = try #require(parameters.first?["schema"] as? [String: Any])
        #expect(schema["type"] as? String == "integer")
        #expect(schema["minimum"] as? Int == 1)
    }

    @Test("The documented person id pattern admits exactly the ids the routes accept")
    func personIDPattern() throws {
        let pattern = try Regex(try #require(APIRoutes.personID["pattern"]?.stringValue))
        let samples = [
            "a", "Z", "9", "_", "-", ".", "..", "...", ".a", "a.", "..a", "alice", "A.B-c_9", "a b", "a/b", "é", "",
            "a\n", String(repeating: "x", count: 64), String(repeating: "x", count: 65),
            String(repeating: ".", count: 64),
        ]
        for sample in samples {
            let documented = sample.wholeMatch(of: pattern) != nil
            #expect(documented == PeopleController.isValidPersonID(sample), "\(sample.debugDescription)")
        }
    }

    @Test("The documented plate patterns admit exactly the plates the routes accept (path: no spaces)")
    func platePatterns() throws {
        let inPath = try Regex(try #require(APIRoutes.plateInPath["pattern"]?.stringValue))
        let inBody = try Regex(try #require(APIRoutes.plateInBody["pattern"]?.stringValue))
        let samples = [
            "KX19ABC", "kx19abc", "KX-19-ABC", "-AB-", "AB", "A", "", "--", "AB#", "ÄB",
            String(repeating: "A", count: 16), String(repeating: "A", count: 17), String(repeating: "A-", count: 16),
        ]
        let withSpaces = ["KX 19 ABC", " AB ", "A B", "A - B", "A ", "  "]
        func accepted(_ text: String) -> Bool { (try? PlateListsController.validated(text)) != nil }
        for sample in samples {
            #expect((sample.wholeMatch(of: inPath) != nil) == accepted(sample), "path \(sample.debugDescription)")
        }
        for sample in samples + withSpaces {
            #expect((sample.wholeMatch(of: inBody) != nil) == accepted(sample), "body \(sample.debugDescription)")
        }
    }

    /// `/openapi.json` as the router serves it.
    static func document() async throws -> [String: Any] {
        try await TestServer().application().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return try jsonObject(response.body)
            }
        }
    }
}
