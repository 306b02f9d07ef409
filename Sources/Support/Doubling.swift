extension StringProtocol {
    /// Every `quote` scalar written twice (or `escape` in its place), by Unicode
    /// scalar: `replacing` works by Character, and a quote followed by a combining
    /// mark is one Character that is not a quote, so it would slip through unescaped
    /// and end the quoted name or literal early.
    public func escapingScalar(_ quote: Unicode.Scalar, with escape: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == quote { result.append(contentsOf: escape.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
