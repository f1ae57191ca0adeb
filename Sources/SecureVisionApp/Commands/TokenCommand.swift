// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import Foundation
internal import SecureVisionCore
internal import SecureVisionServer
internal import SecureVisionStore

/// `securevision token create|list|revoke`: named API tokens with scopes, stored hashed.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke named API tokens.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// `token create`: prints the secret once; only its hash is kept.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print its secret once.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "A unique name, such as the device or script that will use it.")
        var name: String

        @Option(help: "read, write or admin (admin includes write, write includes read).")
        var scope: String = TokenScope.read.rawValue

        func validate() throws {
            guard TokenScope(rawValue: scope) != nil else {
                throw ValidationError("--scope must be read, write or admin")
            }
            guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
            else { throw ValidationError("--name must be 1-64 letters, digits, '-', '_' or '.'") }
        }

        func run() async throws {
            let store = try StoreOpener.open(try global.loadConfiguration().configuration)
            let secret = TokenSecret.generate()
            let scopes: Set<TokenScope> = [TokenScope(rawValue: scope) ?? .read]
            let token: APIToken
            do {
                token = try await store.createToken(name: name, scopes: scopes, secretHash: TokenSecret.hash(secret))
            } catch let error as StoreError where error.code == .conflict {
                StandardError.write("securevision: a token named \(name) already exists")
                throw ExitStatus.failure
            }
            try await store.appendAudit(
                actor: "cli",
                action: "token.create",
                target: name,
                detail: "scope \(scope)",
                clientAddress: nil
            )
            print(secret)
            StandardError.write(
                "token \(token.id) \"\(name)\" (\(scope)) created; this is the only time its secret is shown."
                    + " Send it as: Authorization: Bearer <secret>"
            )
        }
    }

    /// `token list`: names, scopes and state; never secrets.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let store = try StoreOpener.open(try global.loadConfiguration().configuration)
            let tokens = try await store.tokens()
            guard !tokens.isEmpty else {
                print("no tokens")
                return
            }
            for token in tokens {
                let scopes = token.scopes.map(\.rawValue).sorted().joined(separator: ",")
                let state = token.revokedAtMs.map { "revoked \(EventDTO.isoTimestamp(ms: $0))" } ?? "active"
                print(
                    "\(token.id)  \(token.name)  \(scopes)  created \(EventDTO.isoTimestamp(ms: token.createdAtMs))  \(state)"
                )
            }
        }
    }

    /// `token revoke`: by id or name; takes effect on the next request.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id or name.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The token's id or name.")
        var token: String

        func run() async throws {
            let store = try StoreOpener.open(try global.loadConfiguration().configuration)
            let active = try await store.tokens().filter { $0.revokedAtMs == nil }
            guard let match = active.first(where: { String($0.id) == token || $0.name == token }),
                try await store.revokeToken(id: match.id)
            else {
                StandardError.write("securevision: no active token \(token)")
                throw ExitStatus.failure
            }
            try await store.appendAudit(
                actor: "cli",
                action: "token.revoke",
                target: match.name,
                detail: nil,
                clientAddress: nil
            )
            print("revoked token \(match.id) \"\(match.name)\"")
        }
    }
}
