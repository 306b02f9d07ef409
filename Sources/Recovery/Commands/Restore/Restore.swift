import FoundationEssentials
import PostgresAccess
import ScalpelArchive
import Support

/// `pgscalpel restore`: some tables of an archive, with what they need, into a
/// database (a sidecar, not production: it runs the archive's SQL there, as the
/// runbook's psql did). Nothing is changed on the target before every check
/// passed: the extensions can be created, and the tables are not there already
/// (or `--clean` may drop exactly them).
public struct Restore {
    public struct Options: Sendable {
        public var tables: [TablePattern]
        public var part: RestorePlan.Part
        public var clean: Bool
        /// Connections loading data at once.
        public var jobs: Int

        public init(tables: [TablePattern], part: RestorePlan.Part = .all, clean: Bool = false, jobs: Int = 1) {
            self.tables = tables
            self.part = part
            self.clean = clean
            self.jobs = jobs
        }
    }

    public var archive: String
    public var options: Options
    /// Phases, and each table's bytes against the index's.
    public var progress: Progress?
    /// Which PostgreSQL programs a sidecar uses, and whether an older server may be the target.
    public var binaries = BinaryChoice()

    public init(archive: String, options: Options) {
        self.archive = archive
        self.options = options
    }

    /// Into a database that outlives the restore: one transaction, from the first
    /// `CREATE` to the last index (see `run(into:throwaway:)`).
    public func run(into target: ConnectionTarget) throws -> RestoreReport {
        try run(into: target, throwaway: false)
    }

    /// Creating tables is one transaction, from the first `CREATE` (or `--clean`'s
    /// `DROP`) to the last index, over one connection whatever `jobs` says, as with
    /// pg_restore's `--single-transaction`: a failure anywhere, the target server
    /// stopping included, leaves the target as it was, so running the same restore
    /// again works (a table created but left empty would be refused as there
    /// already). Only a `throwaway` target, a server pgscalpel started for this
    /// restore and removes on failure, loads over `jobs` connections, each table's
    /// data in a transaction of its own; so does `--data-only`, whose tables exist
    /// and stay empty when their load is rolled back.
    func run(into target: ConnectionTarget, throwaway: Bool) throws -> RestoreReport {
        let started = Date()
        defer { progress?.finish() }
        let reader = try ArchiveReader.open(archive)
        let plan = try RestorePlan(index: reader.index, patterns: options.tables, part: options.part, text: reader.text(of:))
        let settings = try reader.index.prologue.map { SectionStatement.split(try reader.text(of: $0)).map(\.text) } ?? []
        let dataStyles = reader.index.dump.settings
        let session = try RestoreSession(target: target, settings: settings, dataStyles: dataStyles)
        let checks = RestoreTargetChecks(connection: session.connection)
        if !throwaway {
            try checks.requireMajor(atLeastSourceOf: reader.index.dump, allowOlder: binaries.allowOlderServer)
        }
        var report = RestoreReport(archive: archive, target: target.redacted, tables: [],
                                   skippedForeignKeys: plan.skippedForeignKeys, notes: plan.notes)
        report.connection = session.connection.endpoint

        var committing = false
        var missing = RestoreSession.MissingRoles()
        do {
            if options.part == .dataOnly {
                var targets: [QualifiedName] = []
                for table in plan.data.compactMap({ $0.copyTarget ?? $0.table }) where !targets.contains(table) { targets.append(table) }
                try checks.requireEmpty(targets)
            } else {
                try checks.requireExtensions(plan.extensions)
                let existing = try checks.existing(plan.tables)
                guard existing.isEmpty || options.clean else {
                    throw RestoreError("the target already has \(existing.map(\.description).joined(separator: ", ")); "
                        + "restore replaces tables only with --clean, which drops exactly the tables restored")
                }
                if !throwaway || !existing.isEmpty {
                    try session.connection.execute("BEGIN")
                    session.inTransaction = true
                    if options.jobs > 1 {
                        let why = existing.isEmpty ? "restoring into a database" : "--clean replaces tables"
                        report.notes.append("\(why) in one transaction: data loaded over one connection, not \(options.jobs)")
                    }
                }
                if !existing.isEmpty {
                    try checks.drop(existing, restoring: plan.tables)
                    report.dropped = existing
                }
            }

            var keptDumpIDs: Set<Int> = []
            func runSchema(_ sections: [Section]) throws {
                for section in sections {
                    // The sequence was there already: its value is the target's, not the dump's.
                    progress?.update(section.label)
                    defer { progress?.advance(items: 1) }
                    if section.type == "SEQUENCE SET", (section.dependencies ?? []).contains(where: keptDumpIDs.contains) { continue }
                    switch try session.run(section, text: reader.text(of: section), missing: &missing) {
                    case .created:
                        report.created.append(section.label)
                    case .existed:
                        report.existing.append(section.label)
                        if let id = section.dumpID { keptDumpIDs.insert(id) }
                    case .skipped(let reason):
                        report.notes.append(reason)
                    case .rolesMissing:
                        break
                    }
                }
            }
            progress?.begin("schema", items: plan.preData.count, unit: "sections")
            try runSchema(plan.preData)
            var loader = RestoreLoader(archive: archive, target: target, settings: settings, dataStyles: dataStyles,
                                       truncateFirst: options.part == .all)
            loader.progress = progress
            let copies = plan.data.filter { $0.copyTarget != nil }
            progress?.begin("data", bytes: copies.reduce(0) { $0 + $1.uncompressedLength }, items: plan.data.count)
            let inOneTransaction = session.inTransaction
            let rows = inOneTransaction
                ? try copies.map { try loader.load($0, from: reader, into: session.connection, inOpenTransaction: true) }
                : try loader.load(copies, jobs: options.jobs)
            var loaded: [QualifiedName: UInt64] = [:]
            for (section, count) in zip(copies, rows) {
                if let table = section.table { loaded[table, default: 0] += count }
            }
            for section in plan.data where section.copyTarget == nil {
                let count = try session.insertRows(section, from: reader, inOpenTransaction: inOneTransaction)
                if let table = section.table { loaded[table, default: 0] += count }
                progress?.advance(items: 1)
            }
            progress?.begin("post-data", items: plan.postData.count, unit: "sections")
            try runSchema(plan.postData)
            if inOneTransaction {
                committing = true
                try session.connection.execute("COMMIT")
            }

            report.tables = plan.tables.map { RestoreReport.Table(table: $0, rows: loaded[$0]) }
        } catch {
            // A COMMIT that fails may have lost the connection after the server committed.
            guard session.inTransaction && !committing else { throw error }
            _ = try? session.connection.execute("ROLLBACK")
            throw RestoreError("\(error); rolled back: the target's tables are as they were")
        }
        report.notes += session.notes
        report.notes += missing.notes
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

/// A restore that cannot go on; the CLI prints it as one line and exits 2.
public struct RestoreError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension RestoreError: CopyDataFailure {
    static func noCopyData(in label: String) -> RestoreError {
        RestoreError("\(label) is not a COPY block")
    }

    static func unterminated(_ label: String) -> RestoreError {
        RestoreError("\(label): the archive's data ends without the \\. line that closes it")
    }
}
