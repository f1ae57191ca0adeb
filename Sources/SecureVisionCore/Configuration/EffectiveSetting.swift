// SPDX-License-Identifier: Apache-2.0

/// One line of the effective configuration, safe to print: secrets and URL credentials are redacted.
public struct EffectiveSetting: Sendable, Hashable, CustomStringConvertible {
    /// The full environment name.
    public var key: String
    /// The value as text, or `nil` when unset.
    public var value: String?
    public var origin: ConfigOrigin

    public var description: String {
        "\(key)=\(value ?? "")  # \(origin)"
    }
}

extension LoadedConfiguration {
    /// Every setting with its value and origin, for `check-config` and the startup log.
    public var effectiveSettings: [EffectiveSetting] {
        var result: [EffectiveSetting] = []
        for option in ConfigSchema.options {
            result.append(setting(option, name: option.name, root: configuration, origin: origins[option.name]))
        }
        for camera in configuration.cameras where camera.id != CameraSettings.defaultID {
            for option in ConfigSchema.cameraOptions {
                let name = CameraSettings.key(option.name, camera: camera.id)
                result.append(setting(option, name: name, root: camera, origin: origins[name]))
            }
        }
        return result
    }

    private func setting<Root>(
        _ option: ConfigOption<Root>,
        name: String,
        root: Root,
        origin: ConfigOrigin?
    ) -> EffectiveSetting {
        let rendered = option.render(root)
        let shown =
            option.secret ? rendered.map { _ in Redaction.marker } : rendered.map(Redaction.redactingCredentials(in:))
        return EffectiveSetting(key: ConfigSchema.prefix + name, value: shown, origin: origin ?? .defaultValue)
    }
}
