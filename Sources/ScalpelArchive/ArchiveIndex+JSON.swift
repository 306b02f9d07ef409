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
    /// `[offset, length, uncompressedOffset, uncompressedLength, crc32]`, read into
    /// locals: an array per member was a fifth of reading an index of many tables.
    fileprivate init(reading reader: inout JSONReader) throws(JSONError) {
        var numbers: (UInt64, UInt64, UInt64, UInt64, UInt32) = (0, 0, 0, 0, 0)
        var count = 0
        try reader.readArray { (reader) throws(JSONError) in
            switch count {
            case 0: numbers.0 = try reader.readInteger()
            case 1: numbers.1 = try reader.readInteger()
            case 2: numbers.2 = try reader.readInteger()
            case 3: numbers.3 = try reader.readInteger()
            case 4: numbers.4 = try reader.readInteger()
            default: try reader.skipValue()
            }
            count += 1
        }
        guard count == 5 else { throw reader.invalid("an array of five integers") }
        self.init(offset: numbers.0, length: numbers.1, uncompressedOffset: numbers.2,
                  uncompressedLength: numbers.3, crc32: numbers.4)
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
    /// Members are read into locals and moved into the section at the end: filling
    /// a section in place, or building one and assigning it, copied it twice over.
    fileprivate init(reading reader: inout JSONReader) throws(JSONError) {
        var kind: Kind?, type: String?, schema: String?, name: String?, owner: String?, dumpID: Int?
        var dependencies: [Int]?, table: QualifiedName?, copyTarget: QualifiedName?, columns: [String]?, rows: UInt64?
        var uncompressedOffset: UInt64?, uncompressedLength: UInt64?, firstMember: Int?, memberCount: Int?
        try reader.readObject { (reader, key) throws(JSONError) in
            switch key {
            case "kind":
                kind = try reader.readString { text in
                    switch text {
                    case "entry": .entry
                    case "prologue": .prologue
                    case "epilogue": .epilogue
                    default: nil
                    }
                }
                guard kind != nil else { throw reader.invalid("prologue, entry or epilogue") }
            case "type": type = try reader.readOptionalString()
            case "schema": schema = try reader.readOptionalString()
            case "name": name = try reader.readOptionalString()
            case "owner": owner = try reader.readOptionalString()
            case "dumpID": dumpID = try reader.readNull() ? nil : try reader.readInteger()
            case "dependencies":
                guard try !reader.readNull() else { dependencies = nil; break }
                var ids: [Int] = []
                try reader.readArray { (reader) throws(JSONError) in ids.append(try reader.readInteger()) }
                dependencies = ids
            case "table": table = try reader.readNull() ? nil : try QualifiedName(reading: &reader)
            case "copyTarget": copyTarget = try reader.readNull() ? nil : try QualifiedName(reading: &reader)
            case "columns": columns = try reader.readNull() ? nil : try reader.readStrings()
            case "rows": rows = try reader.readNull() ? nil : try reader.readInteger()
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
        self.init(kind: kind, type: type, schema: schema, name: name, owner: owner, dumpID: dumpID,
                  dependencies: dependencies, table: table, copyTarget: copyTarget, columns: columns, rows: rows,
                  uncompressedOffset: uncompressedOffset, uncompressedLength: uncompressedLength,
                  firstMember: firstMember, memberCount: memberCount)
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
