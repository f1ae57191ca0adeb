// SPDX-License-Identifier: Apache-2.0

/// The product's name and version, reported by `GET /`, `securevision version` and the logs.
public enum SecureVisionVersion {
    /// The semantic version of this build.
    public static let current = "0.1.0"
    /// The service name the earlier version reported in `GET /`; kept for its clients.
    public static let serviceName = "SecureVision Events API"
}
