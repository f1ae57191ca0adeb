// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWebSocket
import SecureVisionCore
import SecureVisionServer
import Synchronization
import Testing

/// A router over fakes, with a clock the test moves.
struct TestServer {
    let events: FakeEventRepository
    let tokens = FakeTokenRepository()
    let audit = FakeAuditLog()
    let plates = FakePlateLists()
    let gallery = FakeGallery()
    let broadcaster = EventBroadcaster()
    let clock = TestClock()
    var settings: ServerSettings
    var faces: (any FaceService)? = FakeFaceService()
    var pipelines: (any PipelineStatusProvider)?

    init(
        events: FakeEventRepository = FakeEventRepository(),
        environmentToken: String? = nil,
        configure: (inout ServerSettings) -> Void = { _ in }
    ) {
        self.events = events
        var settings = ServerSettings(environmentToken: environmentToken, configuredCameras: 2)
        configure(&settings)
        self.settings = settings
    }

    var now: Int64 { clock.now }

    func advance(ms: Int64) { clock.advance(ms: ms) }

    func application() -> some ApplicationProtocol {
        let dependencies = ServerDependencies(
            events: events,
            tokens: tokens,
            audit: audit,
            plates: plates,
            gallery: gallery,
            broadcaster: broadcaster,
            faces: faces,
            pipelines: pipelines,
            nowMs: { [clock] in clock.now },
            startedAtMs: now - 90_000
        )
        let router = buildRouter(settings: settings, dependencies: dependencies)
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: 0))
        )
    }

    /// Stores a named token and returns its secret.
    func addToken(_ name: String, _ scopes: Set<TokenScope>) async throws -> String {
        let secret = TokenSecret.generate()
        _ = try await tokens.createToken(name: name, scopes: scopes, secretHash: TokenSecret.hash(secret))
        return secret
    }
}

/// The JSON object of a response body.
func jsonObject(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
}

/// The JSON array of a response body.
func jsonArray(_ buffer: ByteBuffer) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [[String: Any]])
}

func bearer(_ secret: String) -> HTTPFields {
    [.authorization: "Bearer \(secret)"]
}

/// A clock in milliseconds that only moves when the test says so.
final class TestClock: Sendable {
    private let value = Mutex<Int64>(1_800_000_000_000)

    var now: Int64 { value.withLock { $0 } }

    func advance(ms: Int64) { value.withLock { $0 += ms } }
}
