// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionStore
import Testing

@Suite("Gallery, plate lists, tokens and audit log")
struct RepositoryTests {
    private func makeStore(_ directory: TemporaryDirectory, clock: ManualClock = ManualClock()) throws -> EventStore {
        try EventStore.open(
            databasePath: directory.file("events.db"),
            dataDirectory: directory.path,
            nowMs: clock.closure
        )
    }

    @Test("people are created, renamed, counted and deleted with their faces")
    func gallery() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(1000)
        let store = try makeStore(directory, clock: clock)

        let alice = try await store.upsertPerson(id: "alice", displayName: "Alice")
        #expect(alice == Person(id: "alice", displayName: "Alice", createdAtMs: 1000, faceCount: 0))
        clock.set(2000)
        let renamed = try await store.upsertPerson(id: "alice", displayName: "Alice A.")
        #expect(renamed.createdAtMs == 1000)
        #expect(renamed.displayName == "Alice A.")
        _ = try await store.upsertPerson(id: "bob", displayName: "Bob")

        let vector: [Float] = (0..<128).map { Float($0) * 0.01 - 0.5 }
        let first = try await store.addFace(personID: "alice", vector: vector, source: "a.jpg", sourceDigest: "d1")
        #expect(first.vector == vector)
        #expect(first.personID == "alice")
        #expect(first.source == "a.jpg")
        let again = try await store.addFace(personID: "alice", vector: vector, source: "other.jpg", sourceDigest: "d1")
        #expect(again == first)
        let special: [Float] = [-0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -1.5]
        let second = try await store.addFace(personID: "alice", vector: special, source: nil, sourceDigest: nil)
        let third = try await store.addFace(personID: "alice", vector: special, source: nil, sourceDigest: nil)
        #expect(second.id != third.id)
        _ = try await store.addFace(personID: "bob", vector: vector, source: nil, sourceDigest: "d1")

        #expect(try await store.people().map(\.faceCount) == [3, 1])
        #expect(try await store.people().map(\.id) == ["alice", "bob"])
        let faces = try await store.faces()
        #expect(faces.count == 4)
        let storedSpecial = try #require(faces.first { $0.id == second.id })
        #expect(storedSpecial.vector.map(\.bitPattern) == special.map(\.bitPattern))

        #expect(try await store.deletePerson(id: "alice"))
        #expect(try await store.deletePerson(id: "alice") == false)
        #expect(try await store.faces().map(\.personID) == ["bob"])
        #expect(try await store.people().map(\.id) == ["bob"])
    }

    @Test("invalid faces are refused")
    func invalidFaces() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try makeStore(directory)
        let missing = await #expect(throws: StoreError.self) {
            try await store.addFace(personID: "nobody", vector: [1, 2], source: nil, sourceDigest: nil)
        }
        #expect(missing?.code == .notFound)
        _ = try await store.upsertPerson(id: "p", displayName: "P")
        for vector: [Float] in [[], Array(repeating: 0.5, count: 4097), [1, .nan], [.infinity]] {
            let error = await #expect(throws: StoreError.self) {
                try await store.addFace(personID: "p", vector: vector, source: nil, sourceDigest: nil)
            }
            #expect(error?.code == .invalidInput)
        }
        _ = try await store.addFace(
            personID: "p",
            vector: Array(repeating: 0.25, count: 4096),
            source: nil,
            sourceDigest: nil
        )
        #expect(try await store.faces().first?.vector.count == 4096)
    }

    @Test("plates are normalised, deduplicated per list, listed and removed")
    func plateLists() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try makeStore(directory, clock: ManualClock(5))
        #expect(try await store.addPlate(" ab 12\tcd ", to: .deny, note: "stolen"))
        #expect(try await store.addPlate("AB12CD", to: .deny, note: "again") == false)
        #expect(try await store.addPlate("ab12cd", to: .allow, note: nil))
        #expect(try await store.addPlate("zz 1", to: .allow, note: nil))

        #expect(
            try await store.plates(in: .deny) == [
                PlateListEntry(list: .deny, plate: "AB12CD", note: "stolen", createdAtMs: 5)
            ]
        )
        #expect(try await store.plates(in: .allow).map(\.plate) == ["AB12CD", "ZZ1"])
        #expect(try await store.plates(in: nil).map(\.list) == [.deny, .allow, .allow])

        #expect(try await store.removePlate("ab12 cd", from: .deny))
        #expect(try await store.removePlate("AB12CD", from: .deny) == false)
        #expect(try await store.plates(in: nil).map(\.plate) == ["AB12CD", "ZZ1"])

        let error = await #expect(throws: StoreError.self) {
            try await store.addPlate(" \t ", to: .allow, note: nil)
        }
        #expect(error?.code == .invalidInput)
    }

    @Test("token names are unique among unrevoked tokens; revoked tokens stop matching")
    func tokens() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(10)
        let store = try makeStore(directory, clock: clock)
        let ci = try await store.createToken(name: "ci", scopes: [.read, .write], secretHash: "hash-1")
        #expect(ci.scopes == [.read, .write])
        #expect(ci.createdAtMs == 10)
        #expect(ci.revokedAtMs == nil)

        let duplicate = await #expect(throws: StoreError.self) {
            try await store.createToken(name: "ci", scopes: [.read], secretHash: "hash-2")
        }
        #expect(duplicate?.code == .conflict)
        let sameHash = await #expect(throws: StoreError.self) {
            try await store.createToken(name: "other", scopes: [.read], secretHash: "hash-1")
        }
        #expect(sameHash?.code == .conflict)

        #expect(try await store.activeToken(secretHash: "hash-1") == ci)
        #expect(try await store.activeToken(secretHash: "nope") == nil)

        clock.set(20)
        #expect(try await store.revokeToken(id: ci.id))
        #expect(try await store.revokeToken(id: ci.id) == false)
        #expect(try await store.revokeToken(id: 9999) == false)
        #expect(try await store.activeToken(secretHash: "hash-1") == nil)

        let replacement = try await store.createToken(name: "ci", scopes: [.admin], secretHash: "hash-3")
        let all = try await store.tokens()
        #expect(all.map(\.id) == [ci.id, replacement.id])
        #expect(all[0].revokedAtMs == 20)
        #expect(all[1].scopes == [.admin])
    }

    @Test("the audit log returns the newest entries first")
    func auditLog() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let clock = ManualClock(100)
        let store = try makeStore(directory, clock: clock)
        let first = try await store.appendAudit(
            actor: "cli",
            action: "person.enroll",
            target: "alice",
            detail: "2 faces",
            clientAddress: nil
        )
        #expect(
            first
                == AuditEntry(
                    id: first.id,
                    timestampMs: 100,
                    actor: "cli",
                    action: "person.enroll",
                    target: "alice",
                    detail: "2 faces",
                    clientAddress: nil
                )
        )
        clock.set(200)
        try await store.appendAudit(
            actor: "ci",
            action: "plate_list.add",
            target: "AB12CD",
            detail: nil,
            clientAddress: "127.0.0.1"
        )
        clock.set(300)
        try await store.appendAudit(actor: "ci", action: "token.revoke", target: "3", detail: nil, clientAddress: nil)

        let newest = try await store.auditEntries(limit: 2)
        #expect(newest.map(\.action) == ["token.revoke", "plate_list.add"])
        #expect(newest.map(\.timestampMs) == [300, 200])
        #expect(newest[1].clientAddress == "127.0.0.1")
        #expect(try await store.auditEntries(limit: 0).isEmpty)
        #expect(try await store.auditEntries(limit: 100).count == 3)
    }
}
