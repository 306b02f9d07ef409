import Support

/// A duration as PostgreSQL's time settings take it (`lock_timeout`,
/// `statement_timeout`): a number, optionally with a fraction, then optionally one
/// of the units us, ms, s, min, h, d (case-sensitive, as the server reads them);
/// no unit means milliseconds. Checked before a server sees it, so a negative or
/// misspelled value is a usage error, not a failure half-way through a transaction.
public enum PostgresDuration {
    private static let units: [(name: String, milliseconds: Double)] = [
        ("us", 0.001), ("ms", 1), ("s", 1000), ("min", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// The largest value the server takes for these settings, INT_MAX milliseconds.
    static let largest = Double(Int32.max)

    /// The duration in milliseconds, or nil when `text` is not a duration of 0 or
    /// more that the server's time settings accept.
    public static func milliseconds(_ text: String) -> Double? {
        let trimmed = text.trimmingSpacesAndTabs()
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = String(trimmed.dropFirst(number.count)).trimmingSpacesAndTabs()
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number != ".",
              let value = Double(String(number)) else { return nil }
        let scale = unit.isEmpty ? 1 : units.first { $0.name == unit }?.milliseconds
        guard let scale, value * scale <= largest else { return nil }
        return value * scale
    }

    /// Why `text` cannot be `option`'s value, or nil when it can.
    public static func problem(_ text: String, option: String) -> String? {
        guard milliseconds(text) == nil else { return nil }
        return "\(option): \(text) is not a PostgreSQL duration of 0 or more (such as 500ms, 10s or 2min; "
            + "at most 2147483647ms)"
    }
}
