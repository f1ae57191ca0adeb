// SPDX-License-Identifier: Apache-2.0

public import SecureVisionCore
internal import Synchronization

/// The camera list in force, for the API: set at start and replaced by each reload.
public final class CameraDirectory: CameraListProvider {
    private let cameras: Mutex<[CameraSettings]>

    /// Makes a directory.
    /// - Parameter cameras: The cameras at start.
    public init(_ cameras: [CameraSettings] = []) {
        self.cameras = Mutex(cameras)
    }

    /// Replaces the list.
    /// - Parameter cameras: The cameras now configured.
    public func replace(with cameras: [CameraSettings]) {
        self.cameras.withLock { $0 = cameras }
    }

    public func configuredCameras() -> [CameraSettings] {
        cameras.withLock { $0 }
    }
}
