// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import HummingbirdWebSocket
internal import Logging
internal import NIOWebSocket
internal import SecureVisionCore
internal import Synchronization

/// One WebSocket client of `/stream`.
///
/// Protocol: unless the upgrade request carried a valid `Authorization` header (or auth is off),
/// the first message must be `{"type":"auth","token":"..."}` within the timeout; the token is
/// never taken from the URL. `{"type":"subscribe","types":[...],"cameras":[...]}` narrows what is
/// sent. Any other text is answered `{"type":"pong","data":<text>}` (the earlier keep-alive). A
/// client whose queue overflows is disconnected; it never slows the pipeline or other clients.
struct StreamSession: Sendable {
    let enabled: Bool
    let authenticator: Authenticator
    let broadcaster: EventBroadcaster
    let authTimeout: Duration
    let queueSize: Int

    /// Why a session ended, for the log.
    enum End: String, Sendable {
        case clientClosed = "client closed"
        case authFailed = "authentication failed"
        case authTimeout = "no authentication in time"
        case slowClient = "client too slow"
    }

    /// What the client is allowed and asked to see; shared by the reader and the sender.
    final class State: Sendable {
        private let value = Mutex<(principal: Principal?, types: Set<String>, cameras: Set<String>)>((nil, [], []))

        var principal: Principal? { value.withLock { $0.principal } }
        func authenticate(_ principal: Principal) { value.withLock { $0.principal = principal } }
        func subscribe(types: [String], cameras: [String]) {
            value.withLock {
                $0.types = Set(types)
                $0.cameras = Set(cameras)
            }
        }
        private let subscription = Mutex<EventSubscription?>(nil)

        func attach(_ subscription: EventSubscription) { self.subscription.withLock { $0 = subscription } }

        /// Whether the live subscription was cut off because the client fell behind.
        var overflowed: Bool { subscription.withLock { $0?.overflowed ?? false } }

        func wants(_ event: Event) -> Bool {
            value.withLock {
                ($0.types.isEmpty || $0.types.contains(event.type.rawValue))
                    && ($0.cameras.isEmpty || $0.cameras.contains(event.cameraID))
            }
        }
    }

    func run(
        inbound: WebSocketInboundStream,
        outbound: WebSocketOutboundWriter,
        principal: Principal?,
        clientAddress: String,
        logger: Logger
    ) async throws {
        guard enabled else {
            try await outbound.close(.policyViolation, reason: "WebSocket streaming is disabled")
            return
        }
        let state = State()
        if let principal {
            state.authenticate(principal)
        } else if try await !authenticator.isRequired() {
            state.authenticate(.local)
        }
        let (authenticated, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        if state.principal != nil { signal.yield() }

        let end = try await withThrowingTaskGroup(of: End?.self) { group in
            group.addTask {
                try await read(inbound, outbound, state: state, signal: signal, clientAddress: clientAddress)
            }
            group.addTask { try await send(outbound, state: state, authenticated: authenticated) }
            group.addTask { try await watch(outbound, state: state) }
            var end: End = .clientClosed
            while let result = try await group.next() {
                if let result {
                    end = result
                    break
                }
            }
            group.cancelAll()
            return end
        }
        logger.debug("stream closed", metadata: ["reason": "\(end.rawValue)", "client": "\(clientAddress)"])
    }

    private func read(
        _ inbound: WebSocketInboundStream,
        _ outbound: WebSocketOutboundWriter,
        state: State,
        signal: AsyncStream<Void>.Continuation,
        clientAddress: String
    ) async throws -> End {
        for try await message in inbound.messages(maxSize: 65_536) {
            guard case .text(let text) = message else { continue }
            let request = try? JSONDecoder().decode(ClientMessage.self, from: Data(text.utf8))
            if state.principal == nil {
                guard request?.type == "auth", let token = request?.token else {
                    try await outbound.close(.policyViolation, reason: "authenticate first")
                    return .authFailed
                }
                do {
                    let principal = try await authenticator.authenticate(
                        authorization: "Bearer \(token)",
                        clientAddress: clientAddress
                    )
                    state.authenticate(principal)
                    signal.yield()
                    try await outbound.write(.text(#"{"type":"auth_ok"}"#))
                } catch {
                    try await outbound.close(.policyViolation, reason: "invalid token")
                    return .authFailed
                }
                continue
            }
            switch request?.type {
            case "subscribe":
                state.subscribe(types: request?.types ?? [], cameras: request?.cameras ?? [])
                try await outbound.write(.text(#"{"type":"subscribed"}"#))
            case "auth":
                try await outbound.write(.text(#"{"type":"auth_ok"}"#))
            default:
                try await outbound.write(.text(Self.pong(text)))
            }
        }
        return .clientClosed
    }

    /// Ends the session when the client has not authenticated in time, or has fallen so far behind
    /// that its queue overflowed: a write blocked on such a client is cancelled with the session.
    private func watch(_ outbound: WebSocketOutboundWriter, state: State) async throws -> End? {
        let clock = ContinuousClock()
        let deadline = clock.now + authTimeout
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(100))
            if state.principal == nil, clock.now >= deadline {
                try? await outbound.close(.policyViolation, reason: "authentication required")
                return .authTimeout
            }
            if state.overflowed {
                return .slowClient
            }
        }
        return nil
    }

    private func send(_ outbound: WebSocketOutboundWriter, state: State, authenticated: AsyncStream<Void>) async throws
        -> End?
    {
        for await _ in authenticated { break }
        guard !Task.isCancelled else { return nil }
        let subscription = broadcaster.subscribe(bufferSize: queueSize)
        state.attach(subscription)
        let encoder = EventDTO.makeEncoder()
        for await event in subscription.events where state.wants(event) {
            let data = try encoder.encode(EventDTO(event))
            try await outbound.write(.text(String(decoding: data, as: UTF8.self)))
        }
        guard subscription.overflowed else { return nil }
        try? await outbound.close(.policyViolation, reason: "client too slow; reconnect")
        return .slowClient
    }

    private struct ClientMessage: Decodable {
        var type: String
        var token: String?
        var types: [String]?
        var cameras: [String]?
    }

    private struct Pong: Encodable {
        var type = "pong"
        var data: String
    }

    static func pong(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(Pong(data: text))) ?? Data(#"{"type":"pong"}"#.utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
