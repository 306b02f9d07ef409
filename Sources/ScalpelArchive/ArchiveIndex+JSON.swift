import Support

/// Reading the index from its JSON (docs/FORMAT.md, "Index JSON"). Writing goes
/// through `Encodable`; reading is by hand because `JSONDecoder` cost more than the
/// rest of `cat` on archives of many tables. `IndexReadingTests` round-trips an index
/// with every field set, so a field added to the types but not here fails a test.
extension ArchiveIndex {
    /// A slice, so the index payload's JSON is read where it lies: copying it
    /// cost a page fault per 4 KiB.
    init(json: ArraySlice<UInt8>) throws(JSONError) {
        self = try JSONReader.read(json) { (reader) throws(JSONError) in try ArchiveIndex(reading: &reader) }
    }

    private init(reading reader: inout JSONReader) throws(JSONError) {
        var format: String?, version: Int?, pgscalpelVersion: String?, dump: DumpInfo?
        var members: [Member]?, sections: [Section]?
        try reader.readObject { (reader, key) throws(JSONError) in
            switch key {
            case "format": format = try reader.readString()
            case "version": version = try reader.readInteger()
            case "pgscalpelVersion": pgscalpelVersion = try reader.readString()
            case "dump": dump = try DumpInfo(reading: &reader)
            case "members":
                var list: [Member] = []
                try reader.readArray { (reader) throws(JSONError) in list.append(try Member(reading: &reader)) }
                members = list
            case "sections":
                var list: [Section] = []
                try reader.readArray { (reader) throws(JSONError) in list.append(try Section(reading: &reader)) }
                sections = list
            default: try reader.skipValue()
            }
        }
        guard let format else { throw reader.missing("format") }
        guard let version else { throw reader.missing("version") }
        guard let pgscalpelVersion else { throw reader.missing("pgscalpelVersion") }
        guard let dump else { throw reader.missing("dump") }
        guard let members else { throw reader.missing("members") }
        guard let sections else { throw reader.missing("sections") }
        self.init(pgscalpelVersion: pgscalpelVersion, dump: dump, members: members, sections: sections)
        self.format = format
        self.version = version
    }
}

extension DumpInfo {
    fileprivate init(reading reader: inout JSONReader) throws(JSONError) {
        self.init()
        var settings: [String: String]?, pgDumpArguments: [String]?
        try reader.readObject { (reader, key) throws(JSONError) in
            switch key {
            case "database": database = try reader.readOptionalString()
            case "serverVersion": serverVersion = try reader.readOptionalString()
            case "pgDumpVersion": pgDumpVersion = try reader.readOptionalString()
            case "startedAt": startedAt = try reader.readOptionalString()
            case "completedAt": completedAt = try reader.readOptionalString()
            case "settings": settings = try reader.readStringMap()
            case "pgDumpArguments": pgDumpArguments = try reader.readStrings()
            case "extensions": extensions = try reader.readNull() ? nil : try reader.readStringMap()
            case "undo": undo = try reader.readNull() ? nil : try UndoScope(reading: &reader)
            default: try reader.skipValue()
            }
        }
        guard let settings else { throw reader.missing("settings") }
        guard let pgDumpArguments else { throw reader.missing("pgDumpArguments") }
        self.settings = settings
        self.pgDumpArguments = pgDumpArguments
    }
}

extension UndoScope {
    fileprivate init(reading reader: inout JSONReader) throws(JSONError) {
        var table: QualifiedName?, key: [String]?, insertedKeys: QualifiedName?
        try reader.readObject { (reader, name) throws(JSONError) in
            switch name {
            case "table": table = try QualifiedName(reading: &reader)
            case "key": key = try reader.readStrings()
            case "insertedKeys": insertedKeys = try QualifiedName(reading: &reader)
            default: try reader.skipValue()
            }
        }
        guard let table else { throw reader.missing("table") }
        guard let key else { throw reader.missing("key") }
        guard let insertedKeys else { throw reader.missing("insertedKeys") }
        self.init(table: table, key: key, insertedKeys: insertedKeys)
    }
}

extension Member {
    /// `[offset, length, uncompressedOffset, uncompressedLength, crc32]`.
    fileprivate init(reading reader: inout JSONReader) throws(JSONError) {
        var numbers: [UInt64] = []
        numbers.reserveCapacity(5)
        try reader.readArray { (reader) throws(JSONError) in
            numbers.append(numbers.count == 4 ? UInt64(try reader.readInteger(UInt32.self)) : try reader.readInteger())
        }
        guard numbers.count == 5 else { throw reader.invalid("an array of five integers") }
        self.init(offset: numbers[0], length: numbers[1], uncompressedOffset: numbers[2],
                  uncompressedLength: numbers[3], crc32: UInt32(numbers[4]))
    }
}

extension QualifiedName {
    fileprivate init(reading reader: inout JSONReader) throws(JSONError) {
        var schema: String?, name: String?
        try reader.readObject { (reader, key) throws(JSONError) in
            switch key {
            case "schema": schema = try reader.readOptionalString()
            case "name": name = try reader.readString()
            default: try reader.skipValue()
            }
        }
        guard let name else { throw reader.missing("name") }
        self.init(schema: schema, name: name)
    }
}

extension Section {
    fileprivate init(reading reader: inout JSONReader) throws(JSONError) {
        var kind: Kind?, uncompressedOffset: UInt64?, uncompressedLength: UInt64?, firstMember: Int?, memberCount: Int?
        var section = Section(kind: .entry, uncompressedOffset: 0, uncompressedLength: 0)
        try reader.readObject { (reader, key) throws(JSONError) in
            switch key {
            case "kind":
                kind = Kind(rawValue: try reader.readString())
                guard kind != nil else { throw reader.invalid("prologue, entry or epilogue") }
            case "type": section.type = try reader.readOptionalString()
            case "schema": section.schema = try reader.readOptionalString()
            case "name": section.name = try reader.readOptionalString()
            case "owner": section.owner = try reader.readOptionalString()
            case "dumpID": section.dumpID = try reader.readNull() ? nil : try reader.readInteger()
            case "dependencies":
                guard try !reader.readNull() else { section.dependencies = nil; break }
                var ids: [Int] = []
                try reader.readArray { (reader) throws(JSONError) in ids.append(try reader.readInteger()) }
                section.dependencies = ids
            case "table": section.table = try reader.readNull() ? nil : try QualifiedName(reading: &reader)
            case "copyTarget": section.copyTarget = try reader.readNull() ? nil : try QualifiedName(reading: &reader)
            case "columns": section.columns = try reader.readNull() ? nil : try reader.readStrings()
            case "rows": section.rows = try reader.readNull() ? nil : try reader.readInteger()
            case "uncompressedOffset": uncompressedOffset = try reader.readInteger()
            case "uncompressedLength": uncompressedLength = try reader.readInteger()
            case "firstMember": firstMember = try reader.readInteger()
            case "memberCount": memberCount = try reader.readInteger()
            default: try reader.skipValue()
            }
        }
        guard let kind else { throw reader.missing("kind") }
        guard let uncompressedOffset else { throw reader.missing("uncompressedOffset") }
        guard let uncompressedLength else { throw reader.missing("uncompressedLength") }
        guard let firstMember else { throw reader.missing("firstMember") }
        guard let memberCount else { throw reader.missing("memberCount") }
        section.kind = kind
        section.uncompressedOffset = uncompressedOffset
        section.uncompressedLength = uncompressedLength
        section.firstMember = firstMember
        section.memberCount = memberCount
        self = section
    }
}

extension JSONReader {
    fileprivate mutating func readOptionalString() throws(JSONError) -> String? {
        try readNull() ? nil : try readString()
    }

    fileprivate mutating func readStrings() throws(JSONError) -> [String] {
        var strings: [String] = []
        try readArray { (reader) throws(JSONError) in strings.append(try reader.readString()) }
        return strings
    }

    /// An object whose members are all strings (`settings`, `extensions`).
    fileprivate mutating func readStringMap() throws(JSONError) -> [String: String] {
        var map: [String: String] = [:]
        try readObject { (reader, key) throws(JSONError) in map[key.text] = try reader.readString() }
        return map
    }
}
