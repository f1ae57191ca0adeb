// SPDX-License-Identifier: Apache-2.0

internal import Crypto

/// Creating, hashing and comparing API token secrets.
///
/// Only the SHA-256 of a secret is stored. A secret has 256 random bits, so a plain hash is enough:
/// there is nothing to guess that a slow hash would protect.
public enum TokenSecret {
    /// The prefix of every generated secret, so that a leaked one is easy to recognise and search for.
    public static let prefix = "svt_"

    /// A new random secret: the prefix and 64 hex digits from the system's secure generator.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + hex(bytes)
    }

    /// The hex SHA-256 of `secret`, as stored in the database.
    public static func hash(_ secret: String) -> String {
        hex(Array(SHA256.hash(data: Array(secret.utf8))))
    }

    /// Compares two secrets in time that does not depend on where they differ.
    ///
    /// Both are hashed first, so their lengths leak nothing either.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(SHA256.hash(data: Array(lhs.utf8)))
        let b = Array(SHA256.hash(data: Array(rhs.utf8)))
        var difference: UInt8 = 0
        for index in 0..<min(a.count, b.count) {
            difference |= a[index] ^ b[index]
        }
        return difference == 0 && a.count == b.count
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
