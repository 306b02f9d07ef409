/// What the dump says about itself before its first TOC entry.
public struct DumpPrologue: Sendable, Equatable {
    /// From `-- Dumped from database version ...`.
    public var serverVersion: String?
    /// From `-- Dumped by pg_dump version ...`.
    public var pgDumpVersion: String?
    /// From `-- Started on ...`; only `--verbose` dumps have it.
    public var startedAt: String?
    /// The `\restrict` key: restoring a slice needs the same key in its `\unrestrict`.
    public var restrictKey: String?
    /// The session settings every slice of the dump must be replayed under, in order.
    public var settings: [DumpSetting]

    public init(
        serverVersion: String? = nil, pgDumpVersion: String? = nil, startedAt: String? = nil,
        restrictKey: String? = nil, settings: [DumpSetting] = []
    ) {
        self.serverVersion = serverVersion
        self.pgDumpVersion = pgDumpVersion
        self.startedAt = startedAt
        self.restrictKey = restrictKey
        self.settings = settings
    }
}

/// What the dump says about itself after its last TOC entry.
public struct DumpEpilogue: Sendable, Equatable {
    /// From `-- Completed on ...`; only `--verbose` dumps have it.
    public var completedAt: String?
    /// The `\unrestrict` key that ends the dump.
    public var unrestrictKey: String?

    public init(completedAt: String? = nil, unrestrictKey: String? = nil) {
        self.completedAt = completedAt
        self.unrestrictKey = unrestrictKey
    }
}

/// One `SET name = value;` or `SELECT pg_catalog.set_config('name', 'value', false);`.
public struct DumpSetting: Sendable, Equatable {
    public var name: String
    /// The value with one level of string quoting removed (`'UTF8'` gives `UTF8`,
    /// `''` gives the empty string); other values as written.
    public var value: String
    /// The statement exactly as the dump has it, for replaying it verbatim.
    public var statement: String

    public init(name: String, value: String, statement: String) {
        self.name = name
        self.value = value
        self.statement = statement
    }
}
