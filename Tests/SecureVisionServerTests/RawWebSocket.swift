// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A WebSocket upgrade over a bare loopback socket, for a server that closes the moment it accepts.
///
/// `client.ws` cannot test that case: when the close frame and the server's FIN arrive in the same
/// read as the `101` response, swift-nio's HTTP decoder (still being removed for the upgrade) sees
/// EOF and drops the frame as left-over bytes, and `inputClosed` passes before the WebSocket handlers
/// are added, so the client waits forever (swift-nio 2.101, swift-websocket 1.6).
enum RawWebSocket {
    /// What the server answered: its status line and the bytes after the response head.
    struct Reply {
        var statusLine: String
        var frames: [UInt8]

        /// The code and reason when `frames` is exactly one unmasked close frame.
        var close: (code: Int, reason: String)? {
            guard frames.count >= 4, frames[0] == 0x88, Int(frames[1]) == frames.count - 2 else { return nil }
            return (Int(frames[2]) << 8 | Int(frames[3]), String(decoding: frames[4...], as: UTF8.self))
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Asks 127.0.0.1:`port` to upgrade `path`, then reads until the server ends its side.
    ///
    /// The blocking socket runs on a thread of its own, never on one the server's tasks need, and
    /// gives up after `timeout` seconds without data so that a regression fails instead of hanging.
    static func upgrade(port: Int, path: String, timeout: Int = 5) async throws -> Reply {
        let bytes = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try exchange(port: port, path: path, timeout: timeout) })
            }
        }
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw Failure(description: "no HTTP response head in \(bytes.count) bytes")
        }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        return Reply(statusLine: String(head.prefix { $0 != "\r" }), frames: Array(bytes[end.upperBound...]))
    }

    private static func exchange(port: Int, path: String, timeout: Int) throws -> [UInt8] {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        defer { close(socket) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect() failed: errno \(errno)") }
        let request = Array(
            ("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8
        )
        let sent = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == request.count else { throw Failure(description: "send() failed: errno \(errno)") }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &chunk, chunk.count, 0)
            if count == 0 { return received }
            guard count > 0 else {
                throw Failure(description: "the server did not end the connection (errno \(errno)); got \(received)")
            }
            received += chunk[..<count]
        }
    }
}
