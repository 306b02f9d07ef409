/// Recognises pg_dump's header comment blocks from top-level comment lines:
///
///     --
///     -- TOC entry 215 (class 1259 OID 16385)      (verbose only)
///     -- Dependencies: 214                          (verbose only, when any)
///     -- Name: t; Type: TABLE; Schema: public; Owner: postgres
///     --
///
/// and the `-- PostgreSQL database dump complete` block that opens the
/// epilogue. The scanner feeds it only lines at top level between statements,
/// so look-alike lines in strings, bodies and COPY data never reach it.
struct HeaderBlockRecognizer: Sendable {
    enum Block: Equatable {
        case entry(TOCHeader)
        case epilogue
    }

    private enum State: Sendable {
        case idle
        /// After a `--` line that may open a block.
        case opened
        case entry(dumpID: Int?, dependencies: [Int]?, header: TOCHeader?)
        case epilogue
    }

    static let epilogueLine = "-- PostgreSQL database dump complete"

    private var state = State.idle

    /// Anything but a comment line (a blank line, a statement) breaks a block.
    mutating func reset() {
        state = .idle
    }

    /// Feeds one comment line (without its line end); returns the block it closes.
    mutating func feed(_ line: String) -> Block? {
        if line == "--" {
            switch state {
            case let .entry(dumpID, dependencies, header?):
                state = .idle
                var complete = header
                complete.dumpID = dumpID
                complete.dependencies = dependencies ?? []
                return .entry(complete)
            case .epilogue:
                state = .idle
                return .epilogue
            case .idle, .opened, .entry(_, _, nil):
                state = .opened
                return nil
            }
        }
        switch state {
        case .opened:
            if line == Self.epilogueLine {
                state = .epilogue
            } else if let dumpID = TOCHeader.dumpID(entryLine: line) {
                state = .entry(dumpID: dumpID, dependencies: nil, header: nil)
            } else if let header = TOCHeader(nameLine: line) {
                state = .entry(dumpID: nil, dependencies: nil, header: header)
            } else {
                state = .idle
            }
        case let .entry(dumpID, nil, nil):
            if let dependencies = TOCHeader.dependencies(line: line) {
                state = .entry(dumpID: dumpID, dependencies: dependencies, header: nil)
            } else if let header = TOCHeader(nameLine: line) {
                state = .entry(dumpID: dumpID, dependencies: nil, header: header)
            } else {
                state = .idle
            }
        case let .entry(dumpID, dependencies?, nil):
            if let header = TOCHeader(nameLine: line) {
                state = .entry(dumpID: dumpID, dependencies: dependencies, header: header)
            } else {
                state = .idle
            }
        case .idle, .entry(_, _, _?), .epilogue:
            state = .idle
        }
        return nil
    }
}
