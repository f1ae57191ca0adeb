// SPDX-License-Identifier: Apache-2.0

public import ArgumentParser
internal import SecureVisionCore

/// The `securevision` command line.
public struct SecureVisionCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "securevision",
        abstract: "Local-first video analytics: faces, licence plates and events from your own cameras.",
        version: SecureVisionVersion.current,
        subcommands: [
            ServeCommand.self, CheckConfigCommand.self, EventsCommand.self, MigrateCommand.self,
            BackupCommand.self, TokenCommand.self, EnrollCommand.self, DetectCommand.self, ProbeCommand.self,
            DemoCommand.self, VersionCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )

    public init() {}
}
