// SPDX-License-Identifier: Apache-2.0

internal import Crypto
internal import NIOCore

/// One file of the browser dashboard, compiled into the binary from `Sources/SecureVisionServer/Dashboard`.
///
/// SwiftPM's `.embedInCode` rule turns each file into a `PackageResources.<name>` byte array, so the
/// product stays one binary with nothing read from disk. Files are served from the fixed table below,
/// looked up by name, never from a path the client supplies.
struct DashboardAsset: Sendable {
    /// The file name under `/ui/`, such as `app.js`.
    let name: String
    /// The `Content-Type` it is served with.
    let contentType: String
    /// The file's bytes, built once and shared by every response.
    let body: ByteBuffer
    /// A strong validator: the first 16 bytes of the file's SHA-256, quoted.
    let etag: String

    init(name: String, contentType: String, bytes: [UInt8]) {
        self.name = name
        self.contentType = contentType
        body = ByteBuffer(bytes: bytes)
        etag = "\"" + SHA256.hash(data: bytes).prefix(16).map { Self.hex($0) }.joined() + "\""
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }

    /// The page served at `/` to browsers.
    static let page = DashboardAsset(
        name: "index.html",
        contentType: "text/html; charset=utf-8",
        bytes: PackageResources.index_html
    )

    /// Everything served under `/ui/`, by name.
    ///
    /// Adding a file to `Dashboard/` means adding it here.
    static let assets: [String: DashboardAsset] = {
        let javaScript = "text/javascript; charset=utf-8"
        let files = [
            DashboardAsset(name: "app.css", contentType: "text/css; charset=utf-8", bytes: PackageResources.app_css),
            DashboardAsset(name: "icon.svg", contentType: "image/svg+xml", bytes: PackageResources.icon_svg),
            DashboardAsset(name: "main.js", contentType: javaScript, bytes: PackageResources.main_js),
            DashboardAsset(name: "api.js", contentType: javaScript, bytes: PackageResources.api_js),
            DashboardAsset(name: "dom.js", contentType: javaScript, bytes: PackageResources.dom_js),
            DashboardAsset(name: "format.js", contentType: javaScript, bytes: PackageResources.format_js),
            DashboardAsset(name: "stream.js", contentType: javaScript, bytes: PackageResources.stream_js),
            DashboardAsset(name: "signin.js", contentType: javaScript, bytes: PackageResources.signin_js),
            DashboardAsset(name: "widgets.js", contentType: javaScript, bytes: PackageResources.widgets_js),
            DashboardAsset(name: "live.js", contentType: javaScript, bytes: PackageResources.live_js),
            DashboardAsset(name: "events.js", contentType: javaScript, bytes: PackageResources.events_js),
            DashboardAsset(name: "people.js", contentType: javaScript, bytes: PackageResources.people_js),
            DashboardAsset(name: "plates.js", contentType: javaScript, bytes: PackageResources.plates_js),
            DashboardAsset(name: "system.js", contentType: javaScript, bytes: PackageResources.system_js),
        ]
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0) })
    }()
}
