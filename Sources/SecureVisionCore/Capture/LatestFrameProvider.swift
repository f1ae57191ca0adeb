// SPDX-License-Identifier: Apache-2.0

/// The newest frame of each camera as a JPEG, for `GET /cameras/{id}/latest.jpg` and the dashboard.
public protocol LatestFrameProvider: Sendable {
    /// The newest analysed frame of `cameraID` encoded as JPEG, or `nil` when there is none yet.
    func latestJPEG(cameraID: String) async throws -> [UInt8]?
}
