// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCapture
internal import SecureVisionCore

/// Makes each camera's FFmpeg source and keeps it in the ``CaptureGroup`` that `/cameras` reads.
struct CaptureSourceFactory: FrameSourceFactory {
    let group: CaptureGroup
    let video: VideoSettings

    func makeSource(for camera: CameraSettings) throws -> any FrameSource {
        let capture = try CameraCapture(configuration: CaptureConfiguration(camera: camera, video: video))
        // Registering starts it; a camera replaced by a reload is stopped here.
        group.start(capture)
        return capture
    }

    func retireSource(cameraID: String) {
        group.stop(cameraID: cameraID)
    }
}
