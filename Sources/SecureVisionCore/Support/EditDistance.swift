// SPDX-License-Identifier: Apache-2.0

/// Levenshtein distance between two strings, counted in `Character`s.
///
/// Used to suggest the nearest valid configuration name and, later, to match plate text
/// against allow and deny lists within a tolerance.
/// - Parameters:
///   - lhs: The first string.
///   - rhs: The second string.
/// - Returns: The minimum number of single-character insertions, deletions or substitutions.
public func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Two rows are enough: each row only reads the previous one.
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
