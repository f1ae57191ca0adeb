// SPDX-License-Identifier: Apache-2.0

internal import HTTPTypes
internal import Hummingbird
internal import Logging
internal import SecureVisionCore

/// `GET /` and `GET /health`: open to everyone, and they reveal nothing private.
///
/// `GET /` answers browsers (an `Accept` header preferring `text/html`) with the dashboard page and
/// every other client with the earlier version's JSON.
struct StatusController {
    let settings: ServerSettings
    let dependencies: ServerDependencies
    let authenticator: Authenticator

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: root)
        router.get("/health", use: health)
        router.get("/openapi.json") { _, _ in try JSONResponse.make(OpenAPIDocument.make()) }
    }

    @Sendable func root(request: Request, context: AppRequestContext) async throws -> Response {
        if AcceptHeader(request.headers[.accept]).prefersHTML {
            return DashboardController.page(request: request)
        }
        var response = try await info(request: request, context: context).response(from: request, context: context)
        response.headers[.vary] = "Accept"
        return response
    }

    @Sendable func info(request: Request, context: AppRequestContext) async throws -> ServiceInfo {
        ServiceInfo(
            service: SecureVisionVersion.serviceName,
            version: SecureVisionVersion.current,
            wsEnabled: settings.wsEnabled,
            // When the token table cannot be read, say auth is on: requests will be refused anyway.
            authEnabled: (try? await authenticator.isRequired()) ?? true
        )
    }

    private func cameraFigures() -> HealthReport.Cameras {
        let statistics = dependencies.cameras?.allCameraStatistics() ?? []
        let online = statistics.filter { $0.state == .online }
        let fps = online.reduce(0) { $0 + $1.currentFPS }
        return .init(
            configured: dependencies.cameraList.map { $0.configuredCameras().filter(\.enabled).count }
                ?? settings.configuredCameras,
            online: online.count,
            fps: (fps * 10).rounded() / 10
        )
    }

    @Sendable func health(request: Request, context: AppRequestContext) async throws -> HealthReport {
        let now = dependencies.nowMs()
        var store = HealthReport.Store(ok: true)
        var recent: Int?
        do {
            let statistics = try await dependencies.events.statistics()
            store.events = statistics.eventCount
            store.bytes = statistics.totalBytes
            recent = try await dependencies.events.countEvents(since: now - 5 * 60 * 1000)
        } catch {
            // Health must answer even when the store does not; the detail goes to the log only.
            context.logger.error("health: store unavailable", metadata: ["error": "\(error)"])
            store.ok = false
        }
        return HealthReport(
            status: store.ok ? "ok" : "degraded",
            version: SecureVisionVersion.current,
            uptimeSeconds: max(0, (now - dependencies.startedAtMs) / 1000),
            store: store,
            cameras: cameraFigures(),
            eventsLast5Min: recent
        )
    }
}
