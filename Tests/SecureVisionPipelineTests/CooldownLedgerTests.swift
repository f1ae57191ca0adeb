// SPDX-License-Identifier: Apache-2.0

import SecureVisionPipeline
import Testing

@Suite("Cooldown ledger")
struct CooldownLedgerTests {
    @Test("a second event for the same plate within 30 s is suppressed, and allowed after")
    func plateCooldown() {
        var ledger = CooldownLedger(cooldownSeconds: 30)
        let plate = CooldownKey.plate("ABC123")
        let admitted = [1_000, 11_000, 30_999, 31_000, 40_000, 61_000].map { (time: Int64) in
            ledger.admit(plate, cameraID: "gate", atMs: time)
        }
        #expect(admitted == [true, false, false, true, false, true])
        #expect(ledger.isCoolingDown(plate, cameraID: "gate", atMs: 62_000))
        #expect(!ledger.isCoolingDown(plate, cameraID: "gate", atMs: 91_000))
    }

    @Test("cameras, people and plates have their own cooldowns")
    func separateKeys() {
        var ledger = CooldownLedger(cooldownSeconds: 30)
        let admitted = [
            ledger.admit(.plate("ABC123"), cameraID: "gate", atMs: 0),
            ledger.admit(.plate("ABC123"), cameraID: "yard", atMs: 1_000),
            ledger.admit(.plate("XYZ789"), cameraID: "gate", atMs: 1_000),
            ledger.admit(.person("ABC123"), cameraID: "gate", atMs: 1_000),
            ledger.admit(.person("obama"), cameraID: "gate", atMs: 1_000),
            ledger.admit(.person("obama"), cameraID: "gate", atMs: 2_000),
            ledger.admit(.person("obama"), cameraID: "yard", atMs: 2_000),
        ]
        #expect(admitted == [true, true, true, true, true, false, true])
        ledger.forget(cameraID: "gate")
        let afterForget = ledger.admit(.person("obama"), cameraID: "gate", atMs: 3_000)
        let yardStill = ledger.admit(.person("obama"), cameraID: "yard", atMs: 3_000)
        #expect(afterForget)
        #expect(!yardStill)
    }

    @Test("a zero cooldown lets everything through, and a clock step back never silences")
    func edges() {
        var none = CooldownLedger(cooldownSeconds: 0)
        let repeated = [
            none.admit(.plate("A"), cameraID: "c", atMs: 0), none.admit(.plate("A"), cameraID: "c", atMs: 0),
        ]
        #expect(repeated == [true, true])
        var ledger = CooldownLedger(cooldownSeconds: 30)
        let stepped = [
            ledger.admit(.plate("A"), cameraID: "c", atMs: 100_000),
            ledger.admit(.plate("A"), cameraID: "c", atMs: 50_000),
        ]
        #expect(stepped == [true, true])
    }

    @Test("expired keys are pruned, so memory stays bounded")
    func pruning() {
        var ledger = CooldownLedger(cooldownSeconds: 1)
        for index in 0..<10_000 {
            ledger.admit(.plate("P\(index)"), cameraID: "gate", atMs: Int64(index) * 10)
        }
        #expect(ledger.count < 512)
    }
}
