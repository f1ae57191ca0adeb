// SPDX-License-Identifier: Apache-2.0

internal import ArgumentParser
internal import SecureVisionCore

/// `securevision version`.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() {
        print("securevision \(SecureVisionVersion.current)")
    }
}
