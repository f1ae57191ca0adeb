// SPDX-License-Identifier: Apache-2.0

internal import Logging
internal import SecureVisionCore
public import ServiceLifecycle

/// Applies the retention policy at startup and then periodically, until graceful shutdown.
///
/// The earlier version only cleaned up when `POST /cleanup` was called; a store that nobody
/// cleans fills the disk after some months.
public struct RetentionService: Service {
    let repository: any EventRepository
    let policy: RetentionPolicy
    let interval: Duration
    let logger: Logger
    let nowMs: @Sendable () -> Int64

    init(
        repository: any EventRepository,
        policy: RetentionPolicy,
        interval: Duration,
        logger: Logger,
        nowMs: @escaping @Sendable () -> Int64
    ) {
        self.repository = repository
        self.policy = policy
        self.interval = interval
        self.logger = logger
        self.nowMs = nowMs
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await runOnce()
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return  // Cancelled by shutdown.
                }
            }
        }
    }

    /// One pass; a failure is logged and retried at the next interval, never fatal.
    func runOnce() async {
        do {
            let result = try await repository.applyRetention(policy, nowMs: nowMs())
            if result.deletedEvents > 0 {
                logger.notice(
                    "retention removed events",
                    metadata: [
                        "by_age": "\(result.deletedByAge)", "by_size": "\(result.deletedBySize)",
                        "files": "\(result.deletedFiles)",
                    ]
                )
            }
        } catch {
            logger.error("retention failed; will retry", metadata: ["error": "\(error)"])
        }
    }
}
