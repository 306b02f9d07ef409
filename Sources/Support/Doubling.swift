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

extension String {
    /// One word for a POSIX shell: as it is when nothing in it means anything to
    /// the shell, else single-quoted; so a command printed for the user can be pasted.
    public var shellQuoted: String {
        allSatisfy { $0.isLetter || $0.isNumber || "-_./=:@,".contains($0) } ? self
            : "'" + escapingScalar("'", with: "'\\''") + "'"
    }
}
