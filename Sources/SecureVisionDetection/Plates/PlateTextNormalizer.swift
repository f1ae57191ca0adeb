// SPDX-License-Identifier: Apache-2.0

internal import Foundation
public import SecureVisionCore

/// Turns recognised text into a comparable plate: uppercase, accents folded, only A-Z and 0-9 kept,
/// optional O->0 and I->1, length limits and an optional full-match format regex.
public struct PlateTextNormalizer: Sendable {
    private let uppercase: Bool
    private let substituteOTo0: Bool
    private let substituteITo1: Bool
    private let minLength: Int
    private let maxLength: Int
    private let pattern: String?

    /// Creates a normaliser from the `PLATES` settings.
    /// - Parameter settings: The `OCR` and `POSTPROCESS` subsections are used.
    /// - Throws: ``VisionError`` with code `invalidArgument` when the regex does not compile.
    public init(settings: PlateSettings) throws {
        uppercase = settings.ocr.toUppercase || settings.postprocess.uppercase
        substituteOTo0 = settings.ocr.substituteOTo0
        substituteITo1 = settings.ocr.substituteITo1
        minLength = max(settings.ocr.minTextLength, settings.postprocess.minLength)
        maxLength = settings.postprocess.maxLength
        if let regex = settings.postprocess.regex, !regex.isEmpty {
            do {
                _ = try Regex(regex)
            } catch {
                throw VisionError(.invalidArgument, "PLATES__POSTPROCESS__REGEX does not compile: \(regex)")
            }
            pattern = regex
        } else {
            pattern = nil
        }
    }

    /// Normalises without a length or format check: uppercase, accents folded, only letters and digits.
    /// - Parameter text: Recognised or typed text.
    /// - Returns: The canonical form used for lists and comparisons.
    public func canonical(_ text: String) -> String {
        var folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        if uppercase { folded = folded.uppercased() }
        var result = ""
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "O" where substituteOTo0: result.append("0")
            case "I" where substituteITo1: result.append("1")
            case "A"..."Z", "0"..."9": result.unicodeScalars.append(scalar)
            case "a"..."z" where !uppercase: result.unicodeScalars.append(scalar)
            default: continue
            }
        }
        return result
    }

    /// Normalises and validates.
    /// - Parameter text: Recognised text.
    /// - Returns: The clean plate, or `nil` when it is too short, too long, or does not match the format.
    public func normalize(_ text: String) -> String? {
        let clean = canonical(text)
        guard clean.count >= minLength, clean.count <= maxLength else { return nil }
        if let pattern {
            guard let regex = try? Regex(pattern), (try? regex.wholeMatch(in: clean)) != nil else { return nil }
        }
        return clean
    }
}
