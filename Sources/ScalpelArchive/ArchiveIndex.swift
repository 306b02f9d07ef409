import Support

/// What the archive knows about itself: the dump it holds, where each gzip member
/// lies, and which members hold each pg_dump section. Serialised as JSON in the
/// index member (docs/FORMAT.md, "Index").
public struct ArchiveIndex: Encodable, Sendable, Equatable {
    public var format: String = "pgscalpel-index"
    public var version: Int = Int(ArchiveLayout.formatVersion)
    public var pgscalpelVersion: String
    public var dump: DumpInfo
    public var members: [Member]
    public var sections: [Section]

    public init(pgscalpelVersion: String, dump: DumpInfo, members: [Member], sections: [Section]) {
        self.pgscalpelVersion = pgscalpelVersion
        self.dump = dump
        self.members = members
        self.sections = sections
    }

    /// Length of pg_dump's output held in the archive (the index line excluded).
    public var uncompressedSize: UInt64 { members.last.map { $0.uncompressedOffset + $0.uncompressedLength } ?? 0 }
    /// Bytes of the data members (index and footer excluded).
    public var compressedSize: UInt64 { members.last.map { $0.offset + $0.length } ?? 0 }

    public func members(of section: Section) -> ArraySlice<Member> {
        members[section.firstMember..<(section.firstMember + section.memberCount)]
    }
}

/// Facts about the pg_dump run that produced the archive.
public struct DumpInfo: Encodable, Sendable, Equatable {
    public var database: String?
    public var serverVersion: String?
    public var pgDumpVersion: String?
    /// ISO 8601, UTC.
    public var startedAt: String?
    public var completedAt: String?
    /// Session settings in force while pg_dump wrote the data: how its COPY text
    /// of dates, floats and bytea must be read. Unknown settings are absent.
    public var settings: [String: String]
    /// pg_dump's selection options (`-t`, `-n`, ...), so `ls` can say what is in scope.
    public var pgDumpArguments: [String]
    /// Extension name → version installed in the dumped database, so a restore can
    /// say which version the target lacks: pg_dump's `CREATE EXTENSION` names none.
    /// Nil when unknown (`pack`, and archives written before it was recorded).
    public var extensions: [String: String]?
    /// Set in an undo archive that `apply` wrote: it holds only the rows `apply`
    /// changed, so restoring it must touch only those rows and the ones `apply` added.
    public var undo: UndoScope?

    public init(database: String? = nil, serverVersion: String? = nil, pgDumpVersion: String? = nil,
                startedAt: String? = nil, completedAt: String? = nil,
                settings: [String: String] = [:], pgDumpArguments: [String] = [], extensions: [String: String]? = nil) {
        self.database = database
        self.serverVersion = serverVersion
        self.pgDumpVersion = pgDumpVersion
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.settings = settings
        self.pgDumpArguments = pgDumpArguments
        self.extensions = extensions
    }
}

/// What an undo archive covers: the rows of `table` it holds (as they were before
/// `apply` changed or deleted them) and, in the pseudo-table `insertedKeys` (in
/// the same archive), the keys of the rows `apply` inserted, which undoing deletes.
public struct UndoScope: Encodable, Sendable, Equatable {
    public var table: QualifiedName
    public var key: [String]
    public var insertedKeys: QualifiedName

    public init(table: QualifiedName, key: [String], insertedKeys: QualifiedName) {
        self.table = table
        self.key = key
        self.insertedKeys = insertedKeys
    }
}

/// One gzip member. Encoded as a five-number JSON array to keep big indexes small.
public struct Member: Encodable, Sendable, Equatable {
    public var offset: UInt64
    public var length: UInt64
    public var uncompressedOffset: UInt64
    public var uncompressedLength: UInt64
    public var crc32: UInt32

    public init(offset: UInt64, length: UInt64, uncompressedOffset: UInt64, uncompressedLength: UInt64, crc32: UInt32) {
        self.offset = offset
        self.length = length
        self.uncompressedOffset = uncompressedOffset
        self.uncompressedLength = uncompressedLength
        self.crc32 = crc32
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.unkeyedContainer()
        try values.encode(offset)
        try values.encode(length)
        try values.encode(uncompressedOffset)
        try values.encode(uncompressedLength)
        try values.encode(crc32)
    }
}

/// One pg_dump TOC entry, or the prologue before the first one, or the epilogue.
public struct Section: Encodable, Sendable, Equatable {
    public enum Kind: String, Encodable, Sendable {
        case prologue, entry, epilogue
    }

    public var kind: Kind
    /// pg_dump's TOC descriptor (`TABLE`, `TABLE DATA`, `INDEX`, ...); nil for prologue and epilogue.
    public var type: String?
    public var schema: String?
    public var name: String?
    public var owner: String?
    /// pg_dump's dump id and dependencies, present when it ran with `--verbose`.
    public var dumpID: Int?
    public var dependencies: [Int]?
    /// The table this section belongs to (its definition, data, defaults, indexes,
    /// constraints, triggers, comments, grants, owned sequences).
    public var table: QualifiedName?
    /// For table data: the COPY target (the partition root under
    /// `--load-via-partition-root`), its column list, and its row count.
    public var copyTarget: QualifiedName?
    public var columns: [String]?
    public var rows: UInt64?
    public var uncompressedOffset: UInt64
    public var uncompressedLength: UInt64
    public var firstMember: Int
    public var memberCount: Int

    public init(kind: Kind, type: String? = nil, schema: String? = nil, name: String? = nil, owner: String? = nil,
                dumpID: Int? = nil, dependencies: [Int]? = nil, table: QualifiedName? = nil,
                copyTarget: QualifiedName? = nil, columns: [String]? = nil, rows: UInt64? = nil,
                uncompressedOffset: UInt64, uncompressedLength: UInt64, firstMember: Int = 0, memberCount: Int = 0) {
        self.kind = kind
        self.type = type
        self.schema = schema
        self.name = name
        self.owner = owner
        self.dumpID = dumpID
        self.dependencies = dependencies
        self.table = table
        self.copyTarget = copyTarget
        self.columns = columns
        self.rows = rows
        self.uncompressedOffset = uncompressedOffset
        self.uncompressedLength = uncompressedLength
        self.firstMember = firstMember
        self.memberCount = memberCount
    }

    /// A readable label for messages: `TABLE DATA public.users`.
    public var label: String {
        switch kind {
        case .prologue: return "prologue"
        case .epilogue: return "epilogue"
        case .entry:
            let what = [schema, name].compactMap { $0 }.joined(separator: ".")
            return "\(type ?? "entry") \(what)"
        }
    }
}
