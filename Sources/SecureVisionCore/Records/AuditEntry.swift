// SPDX-License-Identifier: Apache-2.0

/// One change made through the API or CLI: who did what to which thing.
public struct AuditEntry: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var timestampMs: Int64
    /// The token name, `env-token` or `cli`.
    public var actor: String
    /// Such as `person.enroll`, `plate_list.add`, `token.revoke`, `events.cleanup`.
    public var action: String
    public var target: String?
    public var detail: String?
    /// The client address, when the change came over HTTP.
    public var clientAddress: String?

    public init(
        id: Int64,
        timestampMs: Int64,
        actor: String,
        action: String,
        target: String? = nil,
        detail: String? = nil,
        clientAddress: String? = nil
    ) {
        self.id = id
        self.timestampMs = timestampMs
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
        self.clientAddress = clientAddress
    }
}
