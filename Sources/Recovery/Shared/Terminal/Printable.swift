/// `text` safe to show on a terminal, for every text report and message that
/// prints names from an archive (a table may be called `a<ESC>[31mb`, or hold a
/// newline): control characters become escapes, as psql's aligned output shows
/// them, so a name cannot move the cursor, recolour the screen, rewrite the line
/// or pass for two rows. `\n`, `\r` and `\t` are written so; the other C0
/// controls and DEL as `\x1b`; C1 controls, line and paragraph separators and the
/// bidirectional overrides and isolates (which reorder what follows on screen)
/// as `\u009b`. Everything else, backslashes included, stays as it is, so a text
/// already made printable is unchanged. JSON keeps names exact: its encoder
/// escapes what it must itself.
public func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var shown = ""
    for scalar in text.unicodeScalars {
        guard needsEscape(scalar) else {
            shown.unicodeScalars.append(scalar)
            continue
        }
        switch scalar {
        case "\n": shown += "\\n"
        case "\r": shown += "\\r"
        case "\t": shown += "\\t"
        default: shown += escape(scalar)
        }
    }
    return shown
}

/// Each line of `lines` made printable, as one text ending in a newline: what the
/// text reports end with, so that every one of their lines is a line.
func printableLines(_ lines: [String]) -> String {
    lines.map(printable).joined(separator: "\n") + "\n"
}

/// What `printable` escapes.
func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    // LINE SEPARATOR, PARAGRAPH SEPARATOR; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI;
    // ALM, LRM, RLM.
    case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x200E, 0x200F: true
    default: false
    }
}

/// `\x1b` below 0x80, `\u009b` above: the escapes PostgreSQL's E'' strings read too.
func escape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16)
    if scalar.value < 0x80 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
