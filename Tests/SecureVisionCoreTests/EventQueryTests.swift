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

@Suite("Image rotation")
struct ImageRotationTests {
    @Test("180 degrees reverses pixel order and keeps channel order, with or without row padding")
    func rotate() throws {
        // 3x2 BGR with one padding byte per row.
        let pixels: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 10, 11, 12, 13, 14, 15, 16, 17, 18, 0]
        let image = try #require(ImageBuffer(width: 3, height: 2, format: .bgr24, bytesPerRow: 10, pixels: pixels))
        let rotated = image.rotated180()
        #expect(rotated.pixels == [16, 17, 18, 13, 14, 15, 10, 11, 12, 7, 8, 9, 4, 5, 6, 1, 2, 3])
        #expect(rotated.bytesPerRow == 9)
        #expect(rotated.rotated180().pixels == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18])
        let grey = try #require(ImageBuffer(width: 2, height: 2, format: .gray8, pixels: [1, 2, 3, 4]))
        #expect(grey.rotated180().pixels == [4, 3, 2, 1])
    }
}
