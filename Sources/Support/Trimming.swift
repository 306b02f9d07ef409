extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation: spaces (Unicode
    /// category Zs, plus the zero-width space Foundation counts) and tabs off both
    /// ends; newlines stay.
    public func trimmingSpacesAndTabs() -> String {
        trimming { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation: Unicode's
    /// White_Space characters plus the zero-width space, which is that set exactly.
    public func trimmingWhitespace() -> String {
        trimming { $0.properties.isWhitespace || $0 == "\u{200B}" }
    }

    /// By Unicode scalar, as CharacterSet trimming is, not by Character.
    private func trimming(_ unwanted: (Unicode.Scalar) -> Bool) -> String {
        let scalars = String(self).unicodeScalars[...].drop(while: unwanted)
        guard let last = scalars.lastIndex(where: { !unwanted($0) }) else {
            return ""
        }
        return String(Substring(scalars[...last]))
    }
}
