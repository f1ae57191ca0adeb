// SPDX-License-Identifier: Apache-2.0

/// The cameras the process currently runs, as configured: the list changes when SIGHUP reloads it.
public protocol CameraListProvider: Sendable {
    /// Every configured camera, enabled or not, in configuration order.
    func configuredCameras() -> [CameraSettings]
}
