import PostgresAccess
import ScalpelArchive

/// What `diff` found, as its summary prints it and `--json` writes it.
public struct DiffSummary: Codable, Sendable {
    public var table: String
    public var archive: String
    public var dumpStartedAt: String?
    /// The database the archive is a backup of, when it says.
    public var backupDatabase: String?
    public var production: String
    /// The database production's connection reached.
    public var productionDatabase: String
    /// Where production's connection went: database, host, port and role.
    public var productionConnection: ConnectionEndpoint
    public var key: [String]
    public var keySource: DiffKey.Source
    /// The columns compared, key included, in the backup's order.
    public var columns: [String]
    public var whereClause: String?
    /// Where the backup's rows were read: straight from the archive, or from a
    /// sidecar they were restored into (to sort them, or to filter with `--where`).
    public var backupReadFrom: String
    public var backupRows: Int
    public var productionRows: Int
    /// Rows only in the backup: deleted from production since.
    public var deleted: Int
    /// Rows only in production: inserted since.
    public var inserted: Int
    /// Rows whose key is on both sides with other values.
    public var changed: Int
    public var changedColumns: [ChangedColumn]
    public var schemaDrift: SchemaDrift
    /// Differences listed after the summary; the rest are only counted.
    public var listed: Int
    /// Production's enabled BEFORE row triggers on INSERT or UPDATE: they would
    /// change the rows a patch (or apply) writes, so that they differ again.
    public var firingTriggers: [String]

    public var isDifferent: Bool {
        deleted + inserted + changed > 0 || !schemaDrift.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case table, archive, dumpStartedAt, backupDatabase, production, productionDatabase, productionConnection, key, keySource, columns
        case whereClause = "where"
        case backupReadFrom, backupRows, productionRows, deleted, inserted, changed, changedColumns, schemaDrift, listed
        case firingTriggers
    }
}

extension DiffSummary: CommandOutcome {
    public var exitStatus: ExitStatus { isDifferent ? .checkFailed : .success }
}
