// SPDX-License-Identifier: Apache-2.0

internal import SecureVisionCore
internal import Yams

/// Reads the YAML file given with `--config` into the same names the environment uses.
///
/// `video: {fps_target: 10}` becomes `VIDEO__FPS_TARGET`; each entry of `cameras:` (a list of
/// mappings with an `id`, or a mapping from id to settings) becomes `CAMERAS__<ID>__<KEY>`.
/// Unknown names are left for the loader, which reports them with a suggestion.
enum YAMLConfigurationFile {
    /// Parses `text` read from `path`.
    static func parse(_ text: String, path: String) -> ConfigurationLayer {
        var layer = ConfigurationLayer()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            layer.issues.append(fileIssue(path, "is not valid YAML: \(error)"))
            return layer
        }
        guard let root else { return layer }  // An empty file configures nothing.
        guard let mapping = root.mapping else {
            layer.issues.append(fileIssue(path, "must be a mapping of sections (video:, api:, cameras:, ...)"))
            return layer
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if key.lowercased() == "cameras" {
                readCameras(value, path: path, into: &layer)
            } else {
                flatten(value, name: key.uppercased(), dotted: key, path: path, into: &layer)
            }
        }
        return layer
    }

    private static func flatten(
        _ node: Node,
        name: String,
        dotted: String,
        path: String,
        into layer: inout ConfigurationLayer
    ) {
        if let mapping = node.mapping {
            for (keyNode, value) in mapping {
                let key = keyNode.scalar?.string ?? ""
                flatten(
                    value,
                    name: name + "__" + key.uppercased(),
                    dotted: dotted + "." + key,
                    path: path,
                    into: &layer
                )
            }
        } else if let text = scalarText(node) {
            layer.values[name] = RawConfigValue(text, origin: .file(path: path, key: dotted))
        } else {
            layer.issues.append(
                ConfigurationIssue(
                    key: ConfigSchema.prefix + name,
                    value: nil,
                    origin: .file(path: path, key: dotted),
                    problem: "must be a single value or a list of values"
                )
            )
        }
    }

    private static func readCameras(_ node: Node, path: String, into layer: inout ConfigurationLayer) {
        var entries: [(id: String?, settings: Node.Mapping, index: Int)] = []
        if let sequence = node.sequence {
            for (index, item) in sequence.enumerated() {
                guard let settings = item.mapping else {
                    layer.issues.append(fileIssue(path, "cameras[\(index)] must be a mapping with an id"))
                    continue
                }
                entries.append((settings["id"].flatMap(scalarText), settings, index))
            }
        } else if let mapping = node.mapping {
            for (index, (keyNode, value)) in mapping.enumerated() {
                guard let settings = value.mapping else {
                    layer.issues.append(fileIssue(path, "cameras.\(keyNode.scalar?.string ?? "?") must be a mapping"))
                    continue
                }
                entries.append((keyNode.scalar?.string, settings, index))
            }
        } else {
            layer.issues.append(fileIssue(path, "cameras must be a list of cameras"))
            return
        }

        var seen = Set<String>()
        for entry in entries {
            guard let id = entry.id, CameraSettings.isValidID(id) else {
                layer.issues.append(
                    fileIssue(
                        path,
                        "cameras[\(entry.index)] needs an id of lowercase letters, digits, _ and - (got \(entry.id.map { "\"\($0)\"" } ?? "none"))"
                    )
                )
                continue
            }
            guard seen.insert(id).inserted else {
                layer.issues.append(fileIssue(path, "camera id \"\(id)\" is used twice"))
                continue
            }
            for (keyNode, value) in entry.settings {
                let key = keyNode.scalar?.string ?? ""
                if key == "id" { continue }
                let name = ConfigSchema.camerasSection + "__" + id.uppercased() + "__" + key.uppercased()
                flatten(value, name: name, dotted: "cameras[\(id)].\(key)", path: path, into: &layer)
            }
        }
    }

    /// A scalar's text (`null` and `~` are empty), or a list of scalars joined with commas.
    private static func scalarText(_ node: Node) -> String? {
        if let scalar = node.scalar {
            if scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
            return scalar.string
        }
        if let sequence = node.sequence {
            var parts: [String] = []
            for item in sequence {
                guard let scalar = item.scalar else { return nil }
                parts.append(scalar.string)
            }
            return parts.joined(separator: ",")
        }
        return nil
    }

    private static func fileIssue(_ path: String, _ problem: String) -> ConfigurationIssue {
        ConfigurationIssue(key: path, value: nil, origin: nil, problem: problem)
    }
}
