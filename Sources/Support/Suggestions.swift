/// "Did you mean" for a name typed at 3 a.m.: the candidates within two edits
/// of it (a swap of neighbours counting one), or that it starts or is the start
/// of, ignoring case. Closest first, at most `limit`, so the line stays one line.
public func closestNames(to typed: String, among candidates: [String], limit: Int = 3) -> [String] {
    let typed = typed.lowercased()
    var scored: [(distance: Int, name: String)] = []
    for candidate in Set(candidates) {
        let lowered = candidate.lowercased()
        let distance = editDistance(typed, lowered)
        let prefix = min(typed.count, lowered.count) >= 3 && (lowered.hasPrefix(typed) || typed.hasPrefix(lowered))
        if (distance <= 2 && distance < typed.count) || prefix {
            scored.append((distance, candidate))
        }
    }
    return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
}

/// Insertions, deletions, substitutions and swaps of two neighbours, by Character.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var before = [Int](), previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = min(current[j], before[j - 2] + 1)
            }
        }
        before = previous
        previous = current
    }
    return previous[b.count]
}

/// `a, b or c`, for a message.
public func listedAsAlternatives(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
}
