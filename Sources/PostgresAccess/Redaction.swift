
/// Hides passwords in text that may quote a conninfo string or URI: libpq
/// echoes a whole URI in some parse errors, and callers log what we throw.
///
/// Over-redacting is the safe direction, so an unquoted `password=` value
/// swallows everything up to the next whitespace.
func redactingPasswords(in text: String) -> String {
    guard text.lowercased().contains("password") || text.contains("://") else {
        return text
    }
    let keyword = #/(?i)(?<key>password\s*=\s*)(?:'(?:[^'\\]|\\.)*'?|\S+)/#
    let userinfo = #/(?<head>postgres(?:ql)?://[^:@/\s]*:)[^@/\s]*@/#
    return text
        .replacing(keyword) { match in "\(match.output.key)***" }
        .replacing(userinfo) { match in "\(match.output.head)***@" }
}
