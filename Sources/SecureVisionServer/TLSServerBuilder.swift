// SPDX-License-Identifier: Apache-2.0

internal import Hummingbird
internal import HummingbirdCore
internal import HummingbirdTLS
internal import HummingbirdWebSocket
internal import NIOSSL

/// Why the server could not be built; the message names the file and what is wrong with it.
public struct ServerStartupError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The HTTP/1.1 + WebSocket server, wrapped in TLS when certificate and key are configured.
enum TLSServerBuilder {
    static func make(router: Router<AppRequestContext>, tls: ServerSettings.TLSFiles?) throws -> HTTPServerBuilder {
        let plain = HTTPServerBuilder.http1WebSocketUpgrade(webSocketRouter: router)
        guard let tls else { return plain }
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath)
        } catch {
            throw ServerStartupError(message: "cannot load the TLS certificate \(tls.certificatePath): \(error)")
        }
        do {
            key = try NIOSSLPrivateKey(file: tls.privateKeyPath, format: .pem)
        } catch {
            throw ServerStartupError(message: "cannot load the TLS private key \(tls.privateKeyPath): \(error)")
        }
        guard !chain.isEmpty else {
            throw ServerStartupError(message: "the TLS certificate file \(tls.certificatePath) holds no certificate")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(key)
        )
        configuration.minimumTLSVersion = .tlsv12
        do {
            return try .tls(plain, tlsConfiguration: configuration)
        } catch {
            throw ServerStartupError(message: "cannot set up TLS: \(error)")
        }
    }
}
