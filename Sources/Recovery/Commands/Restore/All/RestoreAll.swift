import PostgresAccess
import ScalpelArchive

/// `pgscalpel restore --all`: the whole archive into an empty database, as
/// `gunzip -c FILE | psql` would restore it, every section in dump order, but
/// with COPY data loaded over `jobs` connections, the post-data indexes and
/// constraints built on the same connections as each table's data is in, then
/// the foreign keys (triggers, rules, comments, ... follow serially, in dump
/// order). Large objects run as psql runs them, a statement at a time on one
/// connection, their BEGIN and COMMIT included.
public struct RestoreAll: Sendable {
    public var archive: String
    public var jobs: Int
    /// Passed to the loader: `drill` turns it off to report count differences itself.
    var checkRows = true
    /// Stop at the first statement that fails unexpectedly (pg_restore's
    /// `--exit-on-error`); otherwise it is recorded in the report and the restore
    /// goes on, as psql and pg_restore go on.
    public var exitOnError = true
    /// Phases, and the data's bytes against the index's.
    public var progress: Progress?
    /// Which PostgreSQL programs a sidecar uses, and whether an older server may be the target.
    public var binaries = BinaryChoice()
    /// `--create`: make the database first (see `createDatabase`), named `createName`
    /// or as the archive names it.
    public var create = false
    public var createName: String?

    public init(archive: String, jobs: Int = 1) {
        self.archive = archive
        self.jobs = jobs
    }

    /// Section types of pg_dump's data section that are not table data; they run
    /// serially after the COPY loads, in dump order. Since pg_dump 17, `BLOB
    /// METADATA` entries (the `lo_create` calls) sit in the data section too, just
    /// before the `BLOBS` entries that write into those objects: left to the
    /// post-data phase, they would run after them, and every large object be lost.
    static let serialData: Set<String> = ["SEQUENCE SET", "BLOB METADATA", "BLOBS", "LARGE OBJECTS"]

    public func run(into given: ConnectionTarget) throws -> RestoreAllReport {
        defer { progress?.finish() }
        let reader = try ArchiveReader.open(archive, checkingRows: checkRows)
        let index = reader.index
        let created = create ? try createDatabase(on: given, index: index) : nil
        let target = created?.target ?? given
        let settings = try index.prologue.map { SectionStatement.split(try reader.text(of: $0)).map(\.text) } ?? []
        let session = try RestoreSession(target: target, settings: settings, dataStyles: index.dump.settings)
        session.continueOnError = !exitOnError
        try RestoreTargetChecks(connection: session.connection)
            .requireMajor(atLeastSourceOf: index.dump, allowOlder: binaries.allowOlderServer)
        try Self.requireNoTables(session.connection)
        var report = RestoreAllReport(archive: archive, target: target.redacted)
        report.connection = session.connection.endpoint
        report.createdDatabase = created?.name

        let entries = index.sections.filter { $0.kind == .entry }
        let firstData = entries.firstIndex { $0.type == "TABLE DATA" || Self.serialData.contains($0.type ?? "") } ?? entries.count
        let later = entries[firstData...]
        var missing = RestoreSession.MissingRoles()
        func runSerially(_ sections: some Sequence<Section>) throws {
            for section in sections {
                progress?.update(section.label)
                defer { progress?.advance(items: 1) }
                if section.type?.hasPrefix("DATABASE") == true {
                    report.notes.append("\(section.label) skipped: " + (created.map { "--create made database \($0.name)" }
                        ?? "the archive is restored into the target database"))
                    continue
                }
                if section.type == "TABLE DATA" && section.copyTarget == nil {
                    // --inserts data, streamed: a big table's INSERTs are never held whole.
                    do {
                        let rows = try session.insertRows(section, from: reader)
                        if let table = section.table { report.tables.append(RestoreReport.Table(table: table, rows: rows)) }
                    } catch where session.continueOnError {
                        try session.failed(section, error)
                    }
                } else if case .skipped(let reason) = try session.run(section, text: reader.text(of: section), missing: &missing) {
                    report.notes.append(reason)
                }
                report.sections += 1
            }
        }

        var buildNotes: [String] = []
        var phases: [RestoreAllReport.Phase] = []
        phases.append(try .measure("schema") {
            progress?.begin("schema", items: firstData, unit: "sections")
            try runSerially(entries[..<firstData])
            report.errors += session.takeErrors()
        })
        phases.append(try .measure("data") {
            let builds = later.filter { RestoreParallelPhase.types.contains($0.type ?? "") }
            let copies = later.filter { $0.type == "TABLE DATA" && $0.copyTarget != nil }
            let serial = later.filter { ($0.type == "TABLE DATA" && $0.copyTarget == nil) || Self.serialData.contains($0.type ?? "") }
            progress?.begin("data", bytes: copies.reduce(0) { $0 + $1.uncompressedLength },
                            items: copies.count + builds.count + serial.count, unit: "sections")
            var loader = RestoreLoader(archive: archive, target: target, settings: settings, dataStyles: index.dump.settings,
                                       truncateFirst: true, checkRows: checkRows)
            loader.progress = progress
            let loaded = try RestoreParallelPhase(loader: loader, continueOnError: !exitOnError)
                .run(copies: Array(copies), builds: Array(builds), jobs: jobs)
            report.sections += copies.count + builds.count
            buildNotes = loaded.notes
            report.errors += loaded.errors
            for (section, count) in zip(copies, loaded.rows) where count != RestoreParallelPhase.notLoaded {
                if let table = section.table ?? section.copyTarget { report.tables.append(RestoreReport.Table(table: table, rows: count)) }
            }
            try runSerially(serial)
            report.errors += session.takeErrors()
        })
        phases.append(try .measure("post-data") {
            let rest = later.filter { $0.type != "TABLE DATA" && !Self.serialData.contains($0.type ?? "")
                && !RestoreParallelPhase.types.contains($0.type ?? "") }
            progress?.begin("post-data", items: rest.count, unit: "sections")
            try runSerially(rest)
            report.errors += session.takeErrors()
        })
        report.phases = phases
        // Every connection applied the dump's settings: a refused one is noted once.
        for note in session.notes + buildNotes + missing.notes where !report.notes.contains(note) {
            report.notes.append(note)
        }
        report.missingRoles = missing.absent(on: session.connection)
        if let note = Self.rolesNote(report.missingRoles) { report.notes.append(note) }
        return report
    }

    /// The one line that says where the missing roles come from, as the per-role
    /// notes cannot: the fix is on the source server, not in the archive.
    static func rolesNote(_ roles: [String]) -> String? {
        guard !roles.isEmpty else { return nil }
        let shown = roles.prefix(5).joined(separator: ", ") + (roles.count > 5 ? " and \(roles.count - 5) more" : "")
        return "roles: the target lacks \(roles.count) role\(roles.count == 1 ? "" : "s") the archive names (\(shown)) "
            + "and pg_dump dumps none: pg_dumpall --roles-only on the source server writes them, to run on the target first"
    }

    /// The one check before anything runs: the target has no table of its own,
    /// so the restore cannot mix with (or fail halfway on) existing objects.
    static func requireNoTables(_ connection: Connection) throws {
        let tables = try connection.execute("""
            SELECT count(*) FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND n.nspname NOT LIKE 'pg\\_toast%'
            """)[0, 0] ?? "0"
        guard tables == "0" else {
            throw RestoreError("the target database has \(tables) table\(tables == "1" ? "" : "s") already: restore --all needs an empty database")
        }
    }
}

extension RestoreSession.MissingRoles {
    /// The roles skipped statements named that the target has not got, sorted: an
    /// OWNER TO is also skipped for a role that exists but this user may not give
    /// objects to, which no role from pg_dumpall would change. A role whose
    /// lookup fails is left out: the restore itself is done.
    func absent(on connection: Connection) -> [String] {
        Set(owners.keys).union(grantees.keys).sorted().filter { role in
            (try? connection.execute("SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = $1", [role])[0, 0]) == "0"
        }
    }

    /// The skipped ownership changes and grants, as report notes.
    var notes: [String] {
        owners.sorted { $0.key < $1.key }.map { role, count in
            "role \(role) is missing on the target (or may not own objects): \(count) OWNER TO "
                + "statement\(count == 1 ? "" : "s") skipped, so those objects belong to the restoring user"
        } + grantees.sorted { $0.key < $1.key }.map { role, count in
            "role \(role) is missing on the target: \(count) GRANT/REVOKE statement\(count == 1 ? "" : "s") skipped"
        }
    }
}
