// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Testing

@Suite("Event values")
struct EventQueryTests {
    @Test("a cursor survives its text form, and garbage is rejected")
    func cursorText() {
        let cursor = EventCursor(timestampMs: 1_700_000_000_123, id: 42)
        #expect(EventCursor(cursor.description) == cursor)
        for bad in ["", "12", "a_b", "1_2_3", "_5", "1_"] {
            #expect(EventCursor(bad) == nil, "\(bad)")
        }
    }

    @Test("payload accessors read the earlier field names")
    func accessors() {
        let event = Event(
            id: 1,
            type: .plateRead,
            timestampMs: 1,
            cameraID: "gate",
            createdAtMs: 2,
            payload: ["text_clean": "ABC123", "matched_list": "blacklist", "person_id": nil]
        )
        #expect(event.plateText == "ABC123")
        #expect(event.matchedList == "blacklist")
        #expect(event.personID == nil)
    }

    @Test("scopes are ordered read < write < admin")
    func scopes() {
        #expect(TokenScope.read < .write)
        #expect(TokenScope.write < .admin)
        #expect(!(TokenScope.admin < .read))
    }
}
