import Support

/// Splits pg_dump's plain-format output into sections (prologue, one per TOC
/// entry, epilogue) while it streams by, in chunks cut anywhere.
///
/// Section boundaries are found at TOC header comments, but only where SQL
/// text is at top level between statements: the scanner follows strings,
/// quoted identifiers, dollar quotes, comments and COPY data so that
/// look-alike lines inside them are ignored. The facts in each section come
/// from its statements, not its header.
public struct DumpScanner: Sendable {
    private enum Mode: Sendable {
        /// At the start of a line, between statements.
        case lineStart
        /// A line that starts with `-`: a comment line if another `-` follows.
        case lineDash
        /// Leading whitespace of a line between statements.
        case lineIndent
        case commentLine
        /// A psql meta-command line (`\restrict`, `\connect`, ...).
        case metaLine
        case statement
        /// What follows a statement's semicolon on its line.
        case afterStatement
        /// The rest of the `COPY ... FROM stdin;` line.
        case copyCommandTail
        case copyData
    }

    /// pg_dump's own comment lines are short; longer ones cannot be headers.
    private static let lineLimit = 1 << 20
    /// Enough to read any statement's names, and all of any COPY command.
    private static let statementLimit = 1 << 20

    /// Complete once the first section after it has started: only then is it
    /// known which settings are the prologue's and which the first entry's.
    public private(set) var prologue = DumpPrologue()
    /// Complete once `finish()` has returned.
    public private(set) var epilogue = DumpEpilogue()
    /// The stream is pg_dumpall's (its "cluster dump" header, or a `\connect` before
    /// the first entry): several databases' dumps one after another, which one
    /// archive's index cannot describe. Known from its first lines; `finish()` throws.
    public private(set) var isClusterDump = false

    private var mode = Mode.lineStart
    private var position: UInt64 = 0
    private var chunkBase: UInt64 = 0
    private var announced = false
    private var events: [DumpEvent] = []

    private var lineStart: UInt64 = 0
    private var line: [UInt8] = []
    private var headerBlock = HeaderBlockRecognizer()
    /// Where the section would start if a header came next: the first of the
    /// blank lines, comment lines and per-entry settings since the last statement.
    private var runStart: UInt64?
    private var runDecided = true

    private var lexer = SQLLexer()
    private var statement: [UInt8] = []
    private var statementStart: UInt64 = 0

    private var copy = CopyBlockScanner()
    private var copyStart: UInt64 = 0
    private var copyTarget: QualifiedName?
    private var copyColumns = 0

    private var section = SectionBuilder(kind: .prologue, offset: 0)
    private var epilogueStarted = false
    private var prologueSettings: [(offset: UInt64, setting: DumpSetting)] = []
    private var indexTables: [QualifiedName: QualifiedName] = [:]
    private var sequenceTables: [QualifiedName: QualifiedName] = [:]

    /// Whether COPY rows are held against their column count (`CopyBlockScanner`).
    private let checksFields: Bool
    /// The first row of each COPY block whose field count is not its column
    /// count, when `checksFields`: damage that a reader must not take for a row.
    public private(set) var malformedRows: [DumpError] = []

    /// `checksFields` for readers of an archive; pg_dump's own output, as `pack`
    /// and `backup` read it, needs no such check.
    public init(checksFields: Bool = false) {
        self.checksFields = checksFields
    }

    /// The stream offset before which no section can start any more: the start
    /// of the blank/comment/settings run a header may still follow, or else
    /// everything consumed so far.
    public var stableOffset: UInt64 {
        epilogueStarted ? position : runStart ?? position
    }

    /// Feeds the next bytes of the stream, cut anywhere. Returns the sections
    /// that started and ended within what is now known, in stream order: a
    /// section's end always comes right before the next one's start. The first
    /// call also reports the prologue's start at offset 0.
    public mutating func consume(_ bytes: UnsafeRawBufferPointer) -> [DumpEvent] {
        announce()
        chunkBase = position
        var i = 0
        while i < bytes.count {
            switch mode {
            case .lineStart: i = atLineStart(bytes, i)
            case .lineDash: i = afterLineDash(bytes, i)
            case .lineIndent, .afterStatement: i = inBlanks(bytes, i)
            case .commentLine, .metaLine: i = inLine(bytes, i)
            case .statement: i = inStatement(bytes, i)
            case .copyCommandTail: i = inCopyCommandTail(bytes, i)
            case .copyData: i = inCopyData(bytes, i)
            }
        }
        position += UInt64(bytes.count)
        return takeEvents()
    }

    /// What the section still open holds so far: its kind and header once seen,
    /// its object and COPY target once their statements have ended.
    public var openSection: DumpSection {
        section.build(length: position - section.offset)
    }

    /// Ends the stream. Throws when it stops where pg_dump's output cannot
    /// end: inside COPY data, a literal or a statement, or, when `requiringEpilogue`
    /// (a whole dump, not one section of it), before the epilogue.
    public mutating func finish(requiringEpilogue: Bool = true) throws -> [DumpEvent] {
        announce()
        switch mode {
        case .commentLine:
            endCommentLine()
        case .metaLine:
            endMetaLine()
        case .statement:
            if let literal = lexer.openLiteral { throw DumpError.unterminatedLiteral(literal, offset: lexer.openedAt) }
            if lexer.hasContent { throw DumpError.unterminatedStatement(offset: statementStart) }
        case .lineDash:
            throw DumpError.unterminatedStatement(offset: position - 1)
        case .copyCommandTail:
            throw DumpError.endsInsideCopy(table: copyTarget, copyOffset: copyStart, rowsRead: 0)
        case .copyData:
            guard copy.endsWithTerminator else {
                throw DumpError.endsInsideCopy(table: copyTarget, copyOffset: copyStart, rowsRead: copy.rows)
            }
            section.addRows(copy.rows)
        case .lineStart, .lineIndent, .afterStatement:
            break
        }
        if isClusterDump { throw DumpError.clusterDump }
        guard epilogueStarted || !requiringEpilogue else { throw DumpError.missingEpilogue(streamLength: position) }
        // A prologue scanned alone ends with the stream: its settings are all its own.
        if section.kind == .prologue { prologue.settings = prologueSettings.map(\.setting) }
        events.append(.sectionEnded(section.build(length: position - section.offset)))
        return takeEvents()
    }

    // MARK: Modes

    private mutating func atLineStart(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
        lineStart = offset(i)
        if runStart == nil && !epilogueStarted { runStart = lineStart }
        switch bytes[i] {
        case ASCII.newline:
            headerBlock.reset()
        case ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.formFeed:
            mode = .lineIndent
        case ASCII.dash:
            mode = .lineDash
        case ASCII.backslash:
            mode = .metaLine
            line.removeAll(keepingCapacity: true)
            line.append(ASCII.backslash)
        default:
            beginStatement(at: i)
            return i
        }
        return i + 1
    }

    private mutating func afterLineDash(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
        guard bytes[i] == ASCII.dash else {
            beginStatement(at: i)
            statementStart -= 1
            statement.append(ASCII.dash)
            lexer.resetAfterDash()
            return i
        }
        mode = .commentLine
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: [ASCII.dash, ASCII.dash])
        return i + 1
    }

    /// Blanks before a line's first statement, or after a statement on its line. A
    /// blank line ends the header block above it; the rest of a statement's line does not.
    private mutating func inBlanks(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
        switch bytes[i] {
        case ASCII.newline:
            if mode == .lineIndent { headerBlock.reset() }
            mode = .lineStart
        case ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.formFeed:
            break
        default:
            beginStatement(at: i)
            return i
        }
        return i + 1
    }

    private mutating func inLine(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
        let end = bytes.index(of: ASCII.newline, from: i)
        let stop = end ?? bytes.count
        let room = max(0, Self.lineLimit - line.count)
        line.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<min(stop, i + room)]))
        guard let end else { return bytes.count }
        if mode == .commentLine { endCommentLine() } else { endMetaLine() }
        mode = .lineStart
        return end + 1
    }

    private mutating func inStatement(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
        let outcome = lexer.scan(bytes, from: i, base: chunkBase)
        let end: Int
        switch outcome {
        case .needsMore: end = bytes.count
        case let .statementEnded(next), let .nothingButComments(next): end = next
        }
        let room = max(0, Self.statementLimit - statement.count)
        statement.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<min(end, i + room)]))
        switch outcome {
        case .needsMore:
            decideRun(complete: false)
        case .statementEnded:
            decideRun(complete: true)
            endStatement()
        case .nothingButComments:
            mode = .lineStart
        }
        return end
    }

    private mutating func inCopyCommandTail(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
        guard let end = bytes.index(of: ASCII.newline, from: i) else { return bytes.count }
        mode = .copyData
        return end + 1
    }

    private mutating func inCopyData(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int {
        let next = copy.scan(bytes, from: i)
        if let (row, fields) = copy.malformedRow, malformedRows.last?.copyOffset != copyStart {
            malformedRows.append(.malformedRow(table: copyTarget, copyOffset: copyStart, row: row, fields: fields,
                                               columns: copyColumns))
        }
        guard let next else { return bytes.count }
        section.addRows(copy.rows)
        mode = .lineStart
        return next
    }

    // MARK: Statements

    private mutating func beginStatement(at i: Int) {
        headerBlock.reset()
        lexer.reset()
        statement.removeAll(keepingCapacity: true)
        statementStart = offset(i)
        runDecided = runStart == nil
        mode = .statement
    }

    /// Keeps or drops the pending run as soon as the statement's leading words tell.
    private mutating func decideRun(complete: Bool) {
        guard !runDecided else { return }
        switch RunMembership.classify(statement, complete: complete) {
        case .member:
            runDecided = true
        case .notMember:
            runDecided = true
            runStart = nil
        case .undecided:
            if complete {
                runDecided = true
                runStart = nil
            }
        }
    }

    private mutating func endStatement() {
        var facts = StatementAnalyzer.analyze(statement, copyOnly: !section.wantsFacts)
        mode = .afterStatement
        switch facts.kind {
        case let .setting(setting):
            if section.kind == .prologue { prologueSettings.append((statementStart, setting)) }
        case let .copy(command) where command.fromStdin:
            mode = .copyCommandTail
            copy = CopyBlockScanner(columns: checksFields ? command.columns?.count : nil)
            copyStart = statementStart
            copyTarget = command.target
            copyColumns = command.columns?.count ?? 0
        case .createIndex:
            if let index = facts.object, let table = facts.table { indexTables[index] = table }
        case .sequenceOwnership:
            if let sequence = facts.object, let table = facts.table { sequenceTables[sequence] = table }
        case .sequenceSet:
            facts.table = facts.object.flatMap { sequenceTables[$0] }
        case let .indexAttach(child):
            facts.table = indexTables[child]
        case .relationStatistics:
            // An index's statistics belong with its table; a table's with itself.
            facts.table = facts.object.map { indexTables[$0] ?? $0 }
        case .copy, .insert, .other:
            break
        }
        section.note(facts)
    }

    // MARK: Top-level lines

    private mutating func endCommentLine() {
        let text = lineText()
        if section.kind == .prologue {
            if text == "-- PostgreSQL database cluster dump" { isClusterDump = true }
            if let version = text.value(after: "-- Dumped from database version ") {
                prologue.serverVersion = version
            } else if let version = text.value(after: "-- Dumped by pg_dump version ") {
                prologue.pgDumpVersion = version
            } else if let started = text.value(after: "-- Started on ") {
                prologue.startedAt = started
            }
        }
        if let completed = text.value(after: "-- Completed on ") {
            epilogue.completedAt = completed
        }
        guard !epilogueStarted, let block = headerBlock.feed(text) else { return }
        switch block {
        case let .entry(header): startSection(.entry, header: header)
        case .epilogue: startSection(.epilogue, header: nil)
        }
    }

    /// Meta-commands are not decoration: like statements, they stay with what precedes them.
    private mutating func endMetaLine() {
        headerBlock.reset()
        if !epilogueStarted { runStart = nil }
        let text = lineText()
        // pg_dump writes `\connect` only in an entry (a --create dump's DATABASE); pg_dumpall before each database.
        if section.kind == .prologue && text.hasPrefix("\\connect") { isClusterDump = true }
        if let key = text.value(after: "\\restrict "), section.kind == .prologue, prologue.restrictKey == nil {
            prologue.restrictKey = key
        } else if let key = text.value(after: "\\unrestrict "), epilogueStarted {
            epilogue.unrestrictKey = key
        }
    }

    private mutating func startSection(_ kind: DumpSection.Kind, header: TOCHeader?) {
        let start = runStart ?? lineStart
        events.append(.sectionEnded(section.build(length: start - section.offset)))
        if section.kind == .prologue {
            prologue.settings = prologueSettings.filter { $0.offset < start }.map(\.setting)
            prologueSettings = []
        }
        section = SectionBuilder(kind: kind, offset: start, header: header)
        events.append(.sectionStarted(offset: start))
        epilogueStarted = kind == .epilogue
        runStart = nil
    }

    // MARK: Helpers

    private mutating func announce() {
        guard !announced else { return }
        announced = true
        events.append(.sectionStarted(offset: 0))
    }

    private mutating func takeEvents() -> [DumpEvent] {
        defer { events = [] }
        return events
    }

    private func offset(_ i: Int) -> UInt64 {
        chunkBase + UInt64(i)
    }

    private func lineText() -> String {
        var bytes = line[...]
        if bytes.last == ASCII.carriageReturn { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The trimmed rest of the line after `prefix`, if it starts with it.
    fileprivate func value(after prefix: String) -> String? {
        guard hasPrefix(prefix) else { return nil }
        return String(dropFirst(prefix.count).drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
