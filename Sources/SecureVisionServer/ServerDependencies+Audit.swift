// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore

extension ServerDependencies {
    /// Records a change made through the API, by the request's principal and from its client address.
    func audit(_ action: String, target: String?, detail: String? = nil, context: AppRequestContext) async throws {
        try await audit.appendAudit(
            actor: context.principal?.name ?? "unknown",
            action: action,
            target: target,
            detail: detail,
            clientAddress: context.clientAddress
        )
    }
}
