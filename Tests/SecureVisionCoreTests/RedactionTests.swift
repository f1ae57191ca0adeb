// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Testing

@Suite("Redaction")
struct RedactionTests {
    @Test(
        "credentials in URLs are removed wherever they appear",
        arguments: [
            ("rtsp://admin:hunter2@10.0.0.5:554/stream", "rtsp://<redacted>@10.0.0.5:554/stream"),
            ("rtsp://admin@cam/stream", "rtsp://<redacted>@cam/stream"),
            ("http://u:p%40ss@cam/video?x=1", "http://<redacted>@cam/video?x=1"),
            ("rtsp://cam.local/stream", "rtsp://cam.local/stream"),
            (
                "open rtsp://a:b@h1/x failed, tried rtmp://c:d@h2/live too",
                "open rtsp://<redacted>@h1/x failed, tried rtmp://<redacted>@h2/live too"
            ),
            ("no url here", "no url here"),
        ]
    )
    func credentials(input: String, expected: String) {
        #expect(Redaction.redactingCredentials(in: input) == expected)
    }

    @Test("the effective configuration never shows the token or camera passwords")
    func effectiveSettings() throws {
        let token = "s3cr3t-token-0123456789"
        let loaded = try ConfigurationLoader.load(layers: [
            ConfigurationLayer.fromEnvironment([
                "SECUREVISION__API__AUTH_TOKEN": token,
                "SECUREVISION__VIDEO__SOURCE__TYPE": "rtsp",
                "SECUREVISION__VIDEO__SOURCE__URL": "rtsp://admin:hunter2@10.0.0.5/stream",
                "SECUREVISION__CAMERAS__GATE__TYPE": "rtsp",
                "SECUREVISION__CAMERAS__GATE__URL": "rtsp://root:pa55@10.0.0.6/stream",
            ])
        ])
        let text = loaded.effectiveSettings.map(\.description).joined(separator: "\n")
        #expect(!text.contains(token))
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("pa55"))
        #expect(text.contains("SECUREVISION__API__AUTH_TOKEN=<redacted>  # environment"))
        #expect(text.contains("SECUREVISION__VIDEO__SOURCE__URL=rtsp://<redacted>@10.0.0.5/stream"))
        #expect(text.contains("SECUREVISION__CAMERAS__GATE__URL=rtsp://<redacted>@10.0.0.6/stream"))
        #expect(text.contains("SECUREVISION__VIDEO__FPS_TARGET=15  # default"))
    }

    @Test("edit distance")
    func distance() {
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("ABC123", "ABC123") == 0)
        #expect(editDistance("ABC123", "A8C123") == 1)
    }
}
