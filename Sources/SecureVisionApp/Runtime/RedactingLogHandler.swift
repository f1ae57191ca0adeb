// SPDX-License-Identifier: Apache-2.0

public import Logging
internal import SecureVisionCore

/// A log handler that removes secrets before anything is written: URL credentials everywhere,
/// and the exact text of the configured tokens.
public struct RedactingLogHandler: LogHandler {
    private var inner: any LogHandler
    private let secrets: [String]

    /// Wraps `inner`, redacting URL credentials and each of `secrets`.
    public init(wrapping inner: any LogHandler, secrets: [String]) {
        self.inner = inner
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = "\(redact(event.message.description))"
        event.metadata = event.metadata?.mapValues(redact)
        inner.log(event: event)
    }

    private func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .stringConvertible(let value): .string(redact(value.description))
        case .array(let values): .array(values.map(redact))
        case .dictionary(let values): .dictionary(values.mapValues(redact))
        }
    }

    private func redact(_ text: String) -> String {
        var result = Redaction.redactingCredentials(in: text)
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: Redaction.marker)
        }
        return result
    }
}

extension Logger {
    /// The process logger: standard error, redacted, at `level`.
    static func secureVision(label: String = "securevision", level: SecureVisionCore.LogLevel, secrets: [String])
        -> Logger
    {
        var logger = Logger(label: label) { label in
            RedactingLogHandler(wrapping: StreamLogHandler.standardError(label: label), secrets: secrets)
        }
        logger.logLevel = Logger.Level(rawValue: level.rawValue) ?? .info
        return logger
    }
}
