// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SecureVisionServer

@Suite("Dashboard: content negotiation at /, embedded assets, CSP")
struct DashboardTests {
    static let token = "0123456789abcdef-xyz"
    static let browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"

    @Test("a browser gets the dashboard page at / with the page's CSP")
    func browserGetsPage() async throws {
        try await TestServer(environmentToken: Self.token).application().test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.accept: Self.browserAccept]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.vary] == "Accept")
                let html = String(decoding: response.body.readableBytesView, as: UTF8.self)
                #expect(html.hasPrefix("<!doctype html>"))
                #expect(html.contains(#"<script type="module" src="/ui/main.js"></script>"#))
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'self'"))
                #expect(policy.contains("script-src 'self';"))
                #expect(policy.contains("style-src 'self';"))
                #expect(policy.contains("img-src 'self' blob:"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            // Revalidating the page keeps the page's policy: browsers refresh cached headers from a 304.
            let etag = DashboardAsset.page.etag
            try await client.execute(
                uri: "/",
                method: .get,
                headers: [.accept: Self.browserAccept, .ifNoneMatch: etag]
            ) { response in
                #expect(response.status == .notModified)
                #expect(response.headers[.contentSecurityPolicy]?.contains("img-src 'self' blob:") == true)
                #expect(response.headers[.vary] == "Accept")
            }
        }
    }

    @Test(
        "API clients keep the earlier JSON at /",
        arguments: [nil, "*/*", "application/json", "application/json, text/html", "text/html;q=0.5, application/json"]
    )
    func jsonClientsGetServiceInfo(accept: String?) async throws {
        try await TestServer(environmentToken: Self.token).application().test(.router) { client in
            let headers: HTTPFields = accept.map { [.accept: $0] } ?? [:]
            try await client.execute(uri: "/", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect(response.headers[.vary] == "Accept")
                let body = try jsonObject(response.body)
                #expect(body["service"] is String)
                #expect(body["auth_enabled"] as? Bool == true)
                #expect(response.headers[.contentSecurityPolicy] == ContentSecurityPolicy.api)
            }
        }
    }

    @Test("every asset is served without a token, with its content type, an ETag and revalidation")
    func assetsWithoutToken() async throws {
        try await TestServer(environmentToken: Self.token).application().test(.router) { client in
            for asset in DashboardAsset.assets.values {
                let etag = try await client.execute(uri: "/ui/\(asset.name)", method: .get) { response in
                    #expect(response.status == .ok, "\(asset.name)")
                    #expect(response.headers[.contentType] == asset.contentType)
                    #expect(response.headers[.cacheControl] == "no-cache")
                    #expect(response.body.readableBytes > 0)
                    return try #require(response.headers[.eTag])
                }
                try await client.execute(uri: "/ui/\(asset.name)", method: .get, headers: [.ifNoneMatch: etag]) {
                    #expect($0.status == .notModified)
                    #expect($0.body.readableBytes == 0)
                }
            }
            try await client.execute(uri: "/ui/main.js", method: .get) { response in
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                // Assets are not the page: they keep the API's strict policy.
                #expect(response.headers[.contentSecurityPolicy] == ContentSecurityPolicy.api)
            }
            try await client.execute(uri: "/ui/app.css", method: .get) {
                #expect($0.headers[.contentType] == "text/css; charset=utf-8")
            }
            // The data routes still need the token.
            try await client.execute(uri: "/events", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test(
        "unknown assets and traversal attempts are a 404 JSON body, never a file or a data route",
        arguments: [
            "/ui/nope.js", "/ui/index.html", "/ui/", "/ui/../openapi.json", "/ui/..%2F..%2FPackage.swift",
            "/ui/%2e%2e/events", "/ui/main.js/../../events", "/ui/..", "/ui/Main.JS", "/ui/main.js%00.txt",
        ]
    )
    func unknownAssets(uri: String) async throws {
        try await TestServer(environmentToken: Self.token).application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let detail = try jsonObject(response.body)["detail"] as? String
                #expect(detail?.isEmpty == false)
                #expect(detail?.contains("/") == false, "no path in \(detail ?? "")")
            }
        }
    }

    @Test("the page and its modules only reference assets in the table, and nothing inline")
    func pageReferencesResolve() throws {
        let html = String(decoding: DashboardAsset.page.body.readableBytesView, as: UTF8.self)
        #expect(!html.contains("style="), "inline styles break the CSP")
        #expect(!html.contains("<style"))
        for script in html.split(separator: "<script").dropFirst() {
            #expect(script.contains("src=\"/ui/"), "inline scripts break the CSP")
        }
        var referenced = Set(
            html.matches(of: /(?:src|href)="\/ui\/([^"]+)"/).map { String($0.output.1) }
        )
        for asset in DashboardAsset.assets.values where asset.name.hasSuffix(".js") {
            let source = String(decoding: asset.body.readableBytesView, as: UTF8.self)
            #expect(!source.contains("innerHTML"), "\(asset.name) must build the DOM with textContent")
            #expect(!source.contains("eval("), "\(asset.name)")
            for match in source.matches(of: /from '\.\/([a-z]+\.js)'/) {
                referenced.insert(String(match.output.1))
            }
        }
        #expect(!referenced.isEmpty)
        let missing = referenced.subtracting(DashboardAsset.assets.keys)
        #expect(missing.isEmpty, "referenced but not served: \(missing)")
    }

    @Test(
        "the Accept header decides",
        arguments: [
            (DashboardTests.browserAccept, true), ("text/html", true), ("text/*", true), ("*/*", false), ("", false),
            ("application/json", false), ("text/html;q=0.8, application/json;q=0.9", false),
            ("application/json;q=0.5, text/html", true), ("text/html;q=0", false), ("garbage", false),
        ]
    )
    func acceptHeader(accept: String, prefersHTML: Bool) {
        #expect(AcceptHeader(accept).prefersHTML == prefersHTML, "\(accept)")
    }

    @Test("the page's connect-src names the request's host for ws: and wss:, and nothing else can get in")
    func connectSource() {
        #expect(
            ContentSecurityPolicy.dashboard(authority: "127.0.0.1:8000")
                .contains("connect-src 'self' ws://127.0.0.1:8000 wss://127.0.0.1:8000;")
        )
        #expect(ContentSecurityPolicy.dashboard(authority: "[::1]:8000").contains("ws://[::1]:8000"))
        for hostile in ["evil; script-src *", "a b", "x'", "", String(repeating: "a", count: 300), "h\u{e9}te"] {
            let policy = ContentSecurityPolicy.dashboard(authority: hostile)
            #expect(policy.contains("connect-src 'self';"), "\(hostile)")
            #expect(!policy.contains("script-src *"))
        }
        #expect(ContentSecurityPolicy.dashboard(authority: nil).contains("connect-src 'self';"))
    }
}
