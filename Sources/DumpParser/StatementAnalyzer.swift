import Support

/// Reads the facts an index needs from the statements themselves, because
/// the TOC headers are only hints (unquoted, sanitised names).
enum StatementAnalyzer {
    /// With `copyOnly`, every statement but COPY is skipped after its first
    /// word: once a section's object is known only COPY still matters, and
    /// most statements (`ALTER ... OWNER TO`, grants, `INSERT`s) come after.
    static func analyze(_ bytes: [UInt8], copyOnly: Bool = false) -> StatementFacts {
        var reader = TokenReader(bytes)
        guard let first = reader.next() else { return StatementFacts() }
        if copyOnly && !first.isKeyword("COPY") { return StatementFacts() }
        let facts: StatementFacts? =
            if first.isKeyword("COPY") { copy(&reader) }
            else if first.isKeyword("CREATE") { create(&reader) }
            else if first.isKeyword("ALTER") { alter(&reader) }
            else if first.isKeyword("COMMENT") { reader.accept("ON") ? target(&reader) : nil }
            else if first.isKeyword("SECURITY") { securityLabel(&reader) }
            else if first.isKeyword("GRANT") || first.isKeyword("REVOKE") { grant(&reader) }
            else if first.isKeyword("SELECT") { select(&reader) }
            else if first.isKeyword("SET") { set(&reader) }
            else if first.isKeyword("INSERT") { insert(&reader) }
            else if first.isKeyword("REFRESH") { refresh(&reader) }
            else { nil }
        return facts ?? StatementFacts()
    }

    // MARK: Data

    private static func copy(_ reader: inout TokenReader) -> StatementFacts? {
        guard let target = reader.qualifiedName() else { return nil }
        var columns: [String]?
        if reader.peek() == .symbol(ASCII.openParen) {
            guard let list = reader.identifierList() else { return nil }
            columns = list
        }
        let fromStdin = reader.accept("FROM", "STDIN")
        let command = CopyCommand(target: target, columns: columns, fromStdin: fromStdin)
        return StatementFacts(kind: .copy(command), object: target, table: target)
    }

    private static func insert(_ reader: inout TokenReader) -> StatementFacts? {
        guard reader.accept("INTO"), let target = reader.qualifiedName() else { return nil }
        return StatementFacts(kind: .insert, object: target, table: target)
    }

    private static func refresh(_ reader: inout TokenReader) -> StatementFacts? {
        guard reader.accept("MATERIALIZED", "VIEW") else { return nil }
        _ = reader.accept("CONCURRENTLY")
        guard let view = reader.qualifiedName() else { return nil }
        return StatementFacts(object: view, table: view)
    }

    /// `setval`, `lo_create` and `set_config`, the function calls pg_dump writes,
    /// and pg_dump 18's `SELECT * FROM pg_catalog.pg_restore_*_stats(...)`.
    private static func select(_ reader: inout TokenReader) -> StatementFacts? {
        if reader.accept(symbol: ASCII.star) { return statistics(&reader) }
        guard let parts = reader.nameParts(), parts.count <= 2, parts.count == 1 || parts[0] == "pg_catalog",
              reader.accept(symbol: ASCII.openParen), case let .string(argument)? = reader.next()
        else { return nil }
        switch parts.last {
        case "setval":
            var inner = TokenReader(Array(argument.utf8))
            guard let sequence = inner.qualifiedName(), inner.peek() == nil else { return nil }
            return StatementFacts(kind: .sequenceSet, object: sequence)
        case "lo_create":
            return StatementFacts(object: QualifiedName(schema: nil, name: argument))
        case "set_config":
            guard reader.accept(symbol: ASCII.comma), case let .string(value)? = reader.next() else { return nil }
            let setting = DumpSetting(name: argument, value: value, statement: statementText(reader.bytes))
            return StatementFacts(kind: .setting(setting))
        default:
            return nil
        }
    }

    /// The relation a statistics call restores, from its `'schemaname', '...'` and
    /// `'relname', '...'` argument pairs (each value a string, perhaps cast).
    private static func statistics(_ reader: inout TokenReader) -> StatementFacts? {
        guard reader.accept("FROM"), let parts = reader.nameParts(), parts.count == 2, parts[0] == "pg_catalog",
              ["pg_restore_relation_stats", "pg_restore_attribute_stats"].contains(parts[1]),
              reader.accept(symbol: ASCII.openParen)
        else { return nil }
        var schema: String?
        var name: String?
        while let token = reader.next() {
            guard case let .string(key) = token, key == "schemaname" || key == "relname",
                  reader.accept(symbol: ASCII.comma), case let .string(value)? = reader.next() else { continue }
            if key == "schemaname" { schema = value } else { name = value }
        }
        guard let name else { return nil }
        return StatementFacts(kind: .relationStatistics, object: QualifiedName(schema: schema, name: name))
    }

    private static func set(_ reader: inout TokenReader) -> StatementFacts? {
        let name: String
        if reader.accept("SESSION", "AUTHORIZATION") {
            name = "session authorization"
        } else {
            _ = reader.accept(oneOf: [["SESSION"], ["LOCAL"]])
            guard let parts = reader.nameParts() else { return nil }
            name = parts.joined(separator: ".")
            guard reader.accept(symbol: UInt8(ascii: "=")) || reader.accept("TO") else { return nil }
        }
        guard let start = reader.range()?.lowerBound else { return nil }
        var end = start
        var tokens: [SQLTokenizer.Token] = []
        while let token = reader.peek(), token != .symbol(ASCII.semicolon), let range = reader.range() {
            tokens.append(token)
            end = range.upperBound
            reader.next()
        }
        let value: String =
            if tokens.count == 1, case let .string(text) = tokens[0] { text }
            else { String(decoding: reader.bytes[start..<end], as: UTF8.self) }
        let setting = DumpSetting(name: name, value: value, statement: statementText(reader.bytes))
        return StatementFacts(kind: .setting(setting))
    }

    // MARK: DDL

    private static func create(_ reader: inout TokenReader) -> StatementFacts? {
        _ = reader.accept("OR", "REPLACE")
        while reader.accept(oneOf: createModifiers) != nil {}
        guard let kind = reader.accept(oneOf: ObjectKind.creatableWords).flatMap(ObjectKind.named) else {
            return nil
        }
        switch kind.words {
        case ["INDEX"]:
            _ = reader.accept("CONCURRENTLY")
            _ = reader.accept("IF", "NOT", "EXISTS")
            guard let index = reader.identifier(), reader.accept("ON") else { return nil }
            return memberOfTable(named: index, &reader, kind: .createIndex)
        case ["TRIGGER"], ["POLICY"]:
            guard let name = reader.identifier(), reader.skip(toKeyword: "ON") else { return nil }
            return memberOfTable(named: name, &reader)
        case ["RULE"]:
            guard let name = reader.identifier(), reader.skip(toKeyword: "TO") else { return nil }
            return memberOfTable(named: name, &reader)
        case ["STATISTICS"]:
            _ = reader.accept("IF", "NOT", "EXISTS")
            guard let statistics = reader.qualifiedName() else { return nil }
            guard reader.skip(toKeyword: "FROM"), let table = reader.qualifiedName(),
                  reader.peek() == .symbol(ASCII.semicolon)
            else { return StatementFacts(object: statistics) }
            return StatementFacts(object: statistics, table: table)
        default:
            _ = reader.accept("IF", "NOT", "EXISTS")
            guard let name = reader.qualifiedName() else { return nil }
            return StatementFacts(object: name, table: kind.isRelation ? name : nil)
        }
    }

    private static let createModifiers = [
        ["UNIQUE"], ["TEMP"], ["TEMPORARY"], ["UNLOGGED"], ["GLOBAL"], ["LOCAL"], ["TRUSTED"], ["PROCEDURAL"],
        ["DEFAULT"], ["CONSTRAINT"], ["RECURSIVE"],
    ]

    private static func alter(_ reader: inout TokenReader) -> StatementFacts? {
        if reader.accept(oneOf: ObjectKind.relationWords) != nil {
            _ = reader.accept("IF", "EXISTS")
            _ = reader.accept("ONLY")
            guard let table = reader.qualifiedName() else { return nil }
            return alterTable(table, &reader)
        }
        if reader.accept("SEQUENCE") {
            _ = reader.accept("IF", "EXISTS")
            guard let sequence = reader.qualifiedName() else { return nil }
            guard reader.accept("OWNED", "BY"), let column = reader.nameParts(), column.count >= 2,
                  let table = QualifiedName(parts: Array(column.dropLast()))
            else { return StatementFacts(object: sequence) }
            return StatementFacts(kind: .sequenceOwnership, object: sequence, table: table)
        }
        if reader.accept("INDEX") {
            _ = reader.accept("IF", "EXISTS")
            guard let index = reader.qualifiedName() else { return nil }
            guard reader.accept("ATTACH", "PARTITION"), let child = reader.qualifiedName() else {
                return StatementFacts(object: index)
            }
            return StatementFacts(kind: .indexAttach(child: child), object: index)
        }
        if reader.accept("PUBLICATION") {
            guard let publication = reader.qualifiedName() else { return nil }
            guard reader.accept("ADD", "TABLE") else { return StatementFacts(object: publication) }
            _ = reader.accept("ONLY")
            return StatementFacts(object: publication, table: reader.qualifiedName())
        }
        return nil
    }

    private static func alterTable(_ table: QualifiedName, _ reader: inout TokenReader) -> StatementFacts {
        if reader.accept("ADD", "CONSTRAINT"), let constraint = reader.peek()?.identifier {
            reader.next()
            let indexed = reader.accept("PRIMARY", "KEY") || reader.accept("UNIQUE") || reader.accept("EXCLUDE")
            return StatementFacts(kind: indexed ? .createIndex : .other, object: QualifiedName(schema: table.schema, name: constraint),
                                  table: table)
        }
        if reader.accept("ATTACH", "PARTITION"), let partition = reader.qualifiedName() {
            return StatementFacts(object: table, table: partition)
        }
        if reader.accept("ALTER") {
            _ = reader.accept("COLUMN")
            reader.next()
            if reader.accept("ADD", "GENERATED"), reader.accept(oneOf: [["ALWAYS"], ["BY", "DEFAULT"]]) != nil,
               reader.accept("AS", "IDENTITY"), reader.accept(symbol: ASCII.openParen),
               reader.accept("SEQUENCE", "NAME"), let sequence = reader.qualifiedName() {
                return StatementFacts(kind: .sequenceOwnership, object: sequence, table: table)
            }
        }
        return StatementFacts(table: table)
    }

    /// An index, trigger, policy or rule: named without a schema, living in its table's.
    private static func memberOfTable(
        named name: String, _ reader: inout TokenReader, kind: StatementFacts.Kind = .other
    ) -> StatementFacts? {
        _ = reader.accept("ONLY")
        guard let table = reader.qualifiedName() else { return nil }
        return StatementFacts(kind: kind, object: QualifiedName(schema: table.schema, name: name), table: table)
    }

    // MARK: Comments, labels and privileges

    private static func securityLabel(_ reader: inout TokenReader) -> StatementFacts? {
        guard reader.accept("LABEL") else { return nil }
        if reader.accept("FOR") { reader.next() }
        return reader.accept("ON") ? target(&reader) : nil
    }

    private static func grant(_ reader: inout TokenReader) -> StatementFacts? {
        guard reader.skip(toKeyword: "ON"), reader.peek()?.isKeyword("ALL") == false else { return nil }
        if reader.accept("LARGE", "OBJECT"), let oid = reader.peek()?.identifier {
            return StatementFacts(object: QualifiedName(schema: nil, name: oid))
        }
        let kind = reader.accept(oneOf: ObjectKind.grantableWords)
        guard let name = reader.qualifiedName() else { return nil }
        let isTable = kind == nil || kind == ["TABLE"]
        return StatementFacts(object: name, table: isTable ? name : nil)
    }

    /// The object after `COMMENT ON` or `SECURITY LABEL ... ON`.
    private static func target(_ reader: inout TokenReader) -> StatementFacts? {
        if reader.accept("COLUMN") {
            guard let column = reader.nameParts(), column.count >= 2 else { return nil }
            return StatementFacts(table: QualifiedName(parts: Array(column.dropLast())))
        }
        if let kind = reader.accept(oneOf: [["CONSTRAINT"], ["TRIGGER"], ["POLICY"], ["RULE"]]) {
            guard let name = reader.identifier(), reader.accept("ON") else { return nil }
            if kind == ["CONSTRAINT"], reader.accept("DOMAIN") {
                guard let domain = reader.qualifiedName() else { return nil }
                return StatementFacts(object: QualifiedName(schema: domain.schema, name: name))
            }
            return memberOfTable(named: name, &reader)
        }
        if reader.accept("LARGE", "OBJECT"), let oid = reader.peek()?.identifier {
            return StatementFacts(object: QualifiedName(schema: nil, name: oid))
        }
        guard let words = reader.accept(oneOf: ObjectKind.commentableWords),
              let kind = ObjectKind.named(words), let name = reader.qualifiedName()
        else { return nil }
        return StatementFacts(object: name, table: kind.isRelation ? name : nil)
    }

    private static func statementText(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
