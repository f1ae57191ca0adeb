// SPDX-License-Identifier: Apache-2.0

/// Makes and retires the frame source of each camera, so the pipeline never sees how frames are read.
public protocol FrameSourceFactory: Sendable {
    /// Makes the source for `camera` and registers it for status reports; it is not started yet.
    /// - Parameter camera: The camera's settings.
    /// - Returns: The source.
    /// - Throws: An error that names what is wrong with the camera's settings.
    func makeSource(for camera: CameraSettings) throws -> any FrameSource

    /// Stops the source of `cameraID` and forgets it.
    /// - Parameter cameraID: The camera.
    func retireSource(cameraID: String)
}
