import PostgresAccess
import ScalpelArchive
import Support

/// The drill's findings as an incident record: the verdict, what was drilled
/// (which file, of which dump), how long each phase took, and every check, for
/// the operator (`renderText`), an incident tool (`renderMarkdown`) and scripts (JSON).
public struct DrillReport: Codable, Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, markdown
    }

    public struct Count: Codable, Sendable, Equatable {
        public var table: QualifiedName
        /// The index's rows for the table's data.
        public var expected: UInt64
        /// `SELECT count(*)` on the restored table.
        public var found: UInt64?
        /// With `--compare-with`: the table's rows in production now; nil when
        /// production has no such table (or there was no comparison).
        public var production: UInt64?
        public var ok: Bool { found == expected }

        /// Production's rows less the archive's: what changed since the dump.
        public var productionDelta: Int64? { production.map { Int64($0) - Int64(expected) } }

        /// The delta as a percentage of the archive's rows (of one row for an empty table).
        public var drift: Double? { productionDelta.map { Double(abs($0)) * 100 / Double(max(expected, 1)) } }

        init(table: QualifiedName, expected: UInt64, found: UInt64?, production: UInt64? = nil) {
            self.table = table
            self.expected = expected
            self.found = found
            self.production = production
        }

        private enum EncodedKeys: String, CodingKey {
            case table, expected, found, production, ok, productionDelta, drift
        }

        /// With the verdict and the delta spelled out, so that a script need not redo them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: EncodedKeys.self)
            try container.encode(table, forKey: .table)
            try container.encode(expected, forKey: .expected)
            try container.encodeIfPresent(found, forKey: .found)
            try container.encodeIfPresent(production, forKey: .production)
            try container.encode(ok, forKey: .ok)
            try container.encodeIfPresent(productionDelta, forKey: .productionDelta)
            try container.encodeIfPresent(drift, forKey: .drift)
        }
    }

    /// One TOC type of the archive, looked up in the restored database's catalogs.
    public struct Kind: Codable, Sendable, Equatable {
        public var type: String
        public var expected: Int
        public var found: Int
        /// Those not found: `schema.name`, or `schema.table.name` for what is named
        /// per table (constraints, triggers, rules, policies).
        public var missing: [String]
    }

    public struct Extension: Codable, Sendable, Equatable {
        public var name: String
        /// The version `backup` recorded; nil for an archive made by `pack`.
        public var archive: String?
        /// The version installed by the restore; nil when it is missing.
        public var restored: String?
    }

    /// What was drilled. `indexCRC32` (the CRC-32 of the archive's index, from its
    /// footer) with `bytes` identifies the file cheaply: the index holds every
    /// member's offset, length and CRC-32, so it changes with any byte of the dump.
    /// It is not a cryptographic checksum; `sha256sum FILE` is, at a full read's cost.
    public struct Archive: Codable, Sendable, Equatable {
        public var path: String
        public var bytes: UInt64
        public var indexCRC32: String
        public var database: String?
        public var serverVersion: String?
        public var dumpStartedAt: String?
        public var dumpCompletedAt: String?
    }

    /// `--keep-on-failure`: the sidecar left running for inspection.
    public struct KeptServer: Codable, Sendable, Equatable {
        public var conninfo: String
        public var removeCommand: String
    }

    public var ok: Bool
    /// From the start (the sidecar's included) to the end of the checks.
    public var seconds: Double
    public var archive: Archive
    public var restore: RestoreAllReport
    public var counts: [Count]
    public var kinds: [Kind]
    public var extensions: [Extension]
    /// Entry types the drill does not look up (COMMENT, ACL, DEFAULT, ...).
    public var unchecked: [String]
    /// sidecar (with `--into auto`), schema, data, post-data, checks.
    public var phases: [RestoreAllReport.Phase]
    /// With `--compare-with`: where the production counts come from.
    public var production: ConnectionEndpoint?
    /// With `--max-row-drift`: the percentage beyond which production's rows fail the drill.
    public var maxRowDrift: Double?
    public var kept: KeptServer?

    init(seconds: Double, archive: Archive, restore: RestoreAllReport, checks: DrillChecks.Result,
         phases: [RestoreAllReport.Phase], production: ConnectionEndpoint?, maxRowDrift: Double?) {
        self.seconds = seconds
        self.archive = archive
        self.restore = restore
        counts = checks.counts
        kinds = checks.kinds
        extensions = checks.extensions
        unchecked = checks.unchecked
        self.phases = phases
        self.production = production
        self.maxRowDrift = maxRowDrift
        ok = false
        ok = countsMatch && missing.isEmpty && drifted.isEmpty && restore.errors.isEmpty
    }

    var countsMatch: Bool { counts.allSatisfy(\.ok) }
    /// Every object not found, as `TYPE name`.
    var missing: [String] { kinds.flatMap { kind in kind.missing.map { "\(kind.type) \($0)" } } }
    /// Tables whose production rows moved further from the archive's than `maxRowDrift` allows.
    var drifted: [Count] {
        guard let maxRowDrift else { return [] }
        return counts.filter { ($0.drift ?? 0) > maxRowDrift }
    }
    var verdict: String { ok ? "passed" : "FAILED" }
}

extension DrillReport: CommandOutcome {
    public var exitStatus: ExitStatus { ok ? .success : .checkFailed }
}
