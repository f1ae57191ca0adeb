// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import SecureVisionCore

/// `securevision check-config`: validate and print the effective configuration, secrets redacted.
///
/// Exits 0 when valid and 2 with every problem listed otherwise, so it fits deployment scripts.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration and print it with secrets redacted."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let loaded = try global.loadConfiguration()
        for setting in loaded.effectiveSettings {
            print(setting)
        }
        let cameras = loaded.configuration.cameras
        print("# \(cameras.count) camera\(cameras.count == 1 ? "" : "s"):")
        for camera in cameras {
            let detectors = camera.detectors.map(\.rawValue).sorted().joined(separator: ",")
            print(
                "#   \(camera.id): \(camera.sourceType.rawValue) \(camera.redactedLocation)"
                    + " fps=\(camera.fpsTarget) detectors=\(detectors.isEmpty ? "none" : detectors)"
                    + (camera.enabled ? "" : " (disabled)")
            )
        }
        print("# configuration is valid")
    }
}
