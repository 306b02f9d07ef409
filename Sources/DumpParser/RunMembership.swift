/// Decides whether a statement between entries belongs to the entry whose
/// header follows. pg_dump writes the owner, tablespace and table access
/// method an entry needs just before its header (`_printTocEntry`), so those
/// settings travel with that entry. The session-wide settings it writes at the
/// start, and again after `\connect`, stay with what precedes them: the
/// prologue, or the DATABASE entry.
enum RunMembership {
    enum Verdict: Equatable {
        case member
        case notMember
        /// The leading words are not all there yet.
        case undecided
    }

    private static let perEntrySettings: Set<String> = [
        "default_tablespace", "default_table_access_method", "search_path", "default_with_oids",
    ]

    /// `complete` says the bytes hold the whole statement; otherwise a word
    /// touching the end may be cut short and does not count yet.
    static func classify(_ bytes: [UInt8], complete: Bool) -> Verdict {
        var tokenizer = SQLTokenizer(bytes)
        var words: [String] = []
        var sawEnd = complete
        while words.count < 3 {
            guard let token = tokenizer.next() else { break }
            if !complete && tokenizer.position == bytes.count { break }
            guard case let .word(word) = token else {
                sawEnd = true
                break
            }
            words.append(word.lowercased())
        }
        func word(_ index: Int) -> String? { index < words.count ? words[index] : nil }

        guard let verb = word(0) else { return sawEnd ? .notMember : .undecided }
        guard verb == "set" || verb == "reset" else { return .notMember }
        guard let setting = word(1) else { return sawEnd ? .notMember : .undecided }
        if setting == "session" {
            guard let what = word(2) else { return sawEnd ? .notMember : .undecided }
            return what == "authorization" ? .member : .notMember
        }
        return verb == "set" && perEntrySettings.contains(setting) ? .member : .notMember
    }
}
