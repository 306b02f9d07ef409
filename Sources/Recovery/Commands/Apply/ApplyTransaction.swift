import FoundationEssentials
import PostgresAccess
import ScalpelArchive
import Support

/// The inside of apply's one transaction, in the order it runs: settings, scope
/// (and, with `--execute`, the lock), load, plan, checks, then write and verify.
/// A dry run stops after the checks; `Apply.run` rolls back or commits around it.
struct ApplyTransaction {
    let options: Apply
    let table: QualifiedName
    let reader: ArchiveReader
    let session: ArchiveTextSession
    let connection: Connection
    let progress: Progress?

    func run(sections: [Section], backupColumns: [(name: String, typeText: String)], archiveKey: [String]?,
             undoKeys: [Section]?, undoFile: String, started: Date) throws -> ApplyReport {
        try applySettings()
        let scope = try ApplyScope(options: options, table: table, backupColumns: backupColumns, archiveKey: archiveKey,
                                   restrictedToUndo: undoKeys != nil, connection: connection, progress: progress)
        try load(scope, sections: sections, undoKeys: undoKeys)
        let plan = try ApplyPlan(scope: scope, options: options, connection: connection, progress: progress)
        var (report, sequences) = try check(plan, scope: scope)
        guard options.execute else {
            report.seconds = Date().timeIntervalSince(started)
            return report
        }
        try write(plan, scope: scope, sequences: sequences, undoFile: undoFile, report: &report)
        try verify(plan, scope: scope, firingTriggers: report.firingTriggers)
        report.executed = true
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Bounds on waiting, and the settings the archive's text was written under.
    private func applySettings() throws {
        // First, as the literals sent after it are standard strings.
        try session.set(on: connection)
        try connection.execute("SET LOCAL lock_timeout = \(options.lockTimeout.sqlLiteral)")
        // The plan's joins hash the whole table; at the default 4MB they spill to
        // temporary files, which cost more than the joins themselves.
        try connection.execute("SET LOCAL work_mem = '256MB'")
        if let statementTimeout = options.statementTimeout {
            try connection.execute("SET LOCAL statement_timeout = \(statementTimeout.sqlLiteral)")
        }
    }

    /// The backup's rows in scope into a temporary table, and for an undo archive
    /// the keys of the rows its apply inserted.
    private func load(_ scope: ApplyScope, sections: [Section], undoKeys: [Section]?) throws {
        let sql = scope.sql
        try connection.execute(sql.createBackupTable)
        do {
            try loadRows(of: sections, columns: scope.loaded, into: sql.copyIntoBackupTable)
        } catch let error as PostgresError where ["22", "23"].contains(error.sqlState?.prefix(2)) && !scope.drift.retyped.isEmpty {
            // The temporary table has production's types: a value of the backup that
            // the new type cannot hold (too long, out of range, not a number, refused
            // by a domain's CHECK) stops here.
            let retyped = scope.drift.retyped.map { "\($0.column) \($0.backup) -> \($0.production)" }.joined(separator: ", ")
            throw ApplyError("the backup's rows do not fit production's column types (retyped since the backup: \(retyped)): "
                + "\(error); nothing was changed (restore other columns with --columns)")
        }
        if let narrow = sql.narrowBackupTable { try connection.execute(narrow) }
        if options.key != nil {
            // A primary key is one by construction; columns the user names must be shown to be.
            try requireUniqueKey(scope.key, in: sql.target, side: "production")
            try requireUniqueKey(scope.key, in: ApplyStatements.backupTable, side: "the backup")
        }
        if let undoKeys {
            try connection.execute(sql.createInsertedKeysTable)
            try loadRows(of: undoKeys, columns: scope.key, into: sql.copyIntoInsertedKeysTable)
        }
    }

    /// What would stop `--execute`: deletes that other tables' rows still
    /// reference refuse at once; lacking privileges and constraints the rows
    /// would break go into the report (and refuse too, when executing).
    private func check(_ plan: ApplyPlan, scope: ApplyScope) throws -> (ApplyReport, [LiveTable.OwnedSequence]) {
        if plan.deletes > 0 { try refuseReferencedDeletes(scope) }
        // Only written values can pass a sequence: re-inserted rows, or an updated
        // column that a sequence feeds.
        let sequences = try scope.live.ownedSequences(on: connection).filter { owned in
            plan.inserts > 0 || (plan.updates > 0 && scope.updated.contains(owned.column))
        }
        let privileges = ApplyPrivileges(insertColumns: plan.inserts > 0 ? scope.shared : [],
                                         updateColumns: plan.updates > 0 ? scope.updated : [],
                                         delete: plan.deletes > 0, sequences: sequences.map(\.sequence),
                                         owner: options.disableTriggers)
        if options.execute { try privileges.require(on: scope.live, connection: connection) }
        let lacking = options.execute ? [] : try privileges.lacking(on: scope.live, connection: connection)
        progress?.begin("checking the rows against production's constraints")
        let foreseen = try ApplyConstraintCheck(sql: scope.sql, live: scope.live, keyNames: scope.key,
                                                inserts: plan.inserts > 0, updates: plan.writesUpdates(scope),
                                                deletes: plan.deletes > 0, sampleSize: options.sampleSize).run(on: connection)
        // A BEFORE trigger may mend a row on its way in: then only the server can tell.
        let menders = options.disableTriggers || foreseen.violations.isEmpty ? [] : foreseen.beforeTriggers
        if options.execute && !foreseen.violations.isEmpty && menders.isEmpty {
            throw ApplyError("production's constraints would refuse rows this writes: "
                + foreseen.violations.map(\.text).joined(separator: "; ") + "; nothing was changed")
        }
        let dump = reader.index.dump
        var report = ApplyReport(
            table: table.description, archive: options.archive, backupStartedAt: dump.startedAt, backupDatabase: dump.database,
            target: options.target.redacted, targetDatabase: connection.database, connection: connection.endpoint, mode: options.mode, key: scope.key,
            columns: scope.updated, whereClause: options.whereClause, productionWhere: options.productionWhere,
            executed: false, backupRows: plan.backupRows,
            inserted: plan.inserts, updated: plan.updates,
            changedColumns: zip(scope.updated, plan.perColumn).map { ChangedColumn(column: $0, rows: $1) },
            deleted: plan.deletes, sample: plan.sample, schemaDrift: scope.drift, sequences: sequences.map(\.sequence),
            undoArchive: nil, undoRows: nil, seconds: 0)
        report.constraintViolations = foreseen.violations
        report.uncheckedConstraints = foreseen.unchecked
        if !menders.isEmpty { report.beforeTriggers = menders }
        if !options.disableTriggers && (plan.inserts > 0 || plan.writesUpdates(scope)) {
            report.firingTriggers = foreseen.beforeTriggers
        }
        report.addWarnings(undoing: reader.index.dump.undo != nil, columnsGiven: options.columns != nil)
        if !lacking.isEmpty {
            report.role = try connection.currentRole()
            report.lackingPrivileges = lacking
        }
        return (report, sequences)
    }

    /// The undo archive first, fsynced, then the writes and the sequences.
    private func write(_ plan: ApplyPlan, scope: ApplyScope, sequences: [LiveTable.OwnedSequence], undoFile: String,
                       report: inout ApplyReport) throws {
        let sql = scope.sql
        let live = scope.live
        let undo = UndoArchive(path: undoFile, table: table, live: live, key: scope.key, owner: try live.owner(on: connection))
        let saved = undo.columns.map(\.name.sqlIdentifier).joined(separator: ", ")
        progress?.begin("saving the rows about to change to \(undo.path)")
        let aboutToChange = sql.rowsAboutToChange(columns: saved, updating: plan.updates > 0, deleting: plan.deletes > 0)
        report.undoRows = try undo.write(
            rows: "COPY (\(aboutToChange)) TO STDOUT",
            insertedKeys: plan.inserts > 0 ? "COPY (\(sql.sample(ApplyStatements.missingTable, limit: nil))) TO STDOUT" : nil,
            on: connection, settings: session.settings, database: connection.database, progress: progress)
        report.undoArchive = undo.path

        progress?.begin("writing")
        let triggers = options.disableTriggers ? try live.enabledUserTriggers(on: connection) : []
        for trigger in triggers {
            try connection.execute("ALTER TABLE \(sql.target) DISABLE TRIGGER \(trigger.name.sqlIdentifier)")
        }
        // Deletes first, so a re-inserted row may take back a unique value that a row
        // added since holds; inserts before updates, so an updated row may point
        // at a re-inserted one (ON DELETE SET NULL children of deleted rows).
        if plan.deletes > 0 { try connection.execute(sql.deleteExtra) }
        if plan.inserts > 0 { try connection.execute(sql.insertMissing) }
        if plan.writesUpdates(scope) { try connection.execute(sql.updateChanged) }
        for trigger in triggers {
            try connection.execute("ALTER TABLE \(sql.target) \(trigger.enable) TRIGGER \(trigger.name.sqlIdentifier)")
        }
        for owned in sequences {
            try moveSequence(owned, table: sql.target)
        }
    }

    /// The table compared with the backup again: only a match may commit.
    private func verify(_ plan: ApplyPlan, scope: ApplyScope, firingTriggers: [String]) throws {
        progress?.begin("checking the result against the backup")
        let unrestored = try connection.count(scope.sql.countUnrestored(inserted: plan.inserts > 0,
                                                                        updated: plan.writesUpdates(scope)))
        let remaining = plan.deletes > 0 ? try connection.count(scope.sql.countRemaining) : 0
        guard unrestored == 0 && remaining == 0 else {
            let cause = firingTriggers.isEmpty ? "a rule or trigger changed them?"
                : "BEFORE triggers \(firingTriggers.joined(separator: ", ")) changed them; --disable-triggers writes the "
                    + "backup's values as they are"
            throw ApplyError("after the writes, \(unrestored) rows still differ from the backup and \(remaining) rows "
                + "to delete remain (\(cause)); rolled back, nothing was changed")
        }
    }

    /// Streams rows of the archive into a temporary table, as COPY data only: the
    /// archive's SQL is never run on production.
    private func loadRows(of sections: [Section], columns: [String], into copy: String) throws {
        // The index counts every section's rows, and all of them are loaded.
        progress?.begin("loading the backup's rows", rows: sections.indexedRows)
        progress?.set(active: table.description)
        try connection.copyIn(copy) { writer in
            var buffer: [UInt8] = []
            var rows: UInt64 = 0
            try reader.forEachRow(in: sections, as: columns) { row in
                buffer.append(bytes: row)
                buffer.append(0x0A)
                rows += 1
                if buffer.count >= 1 << 20 {
                    try writer.write(buffer)
                    buffer.removeAll(keepingCapacity: true)
                    progress?.set(rows: rows)
                }
            }
            try writer.write(buffer)
        }
    }

    /// A delete that rows of other tables still use would fail, or cascade into
    /// them: the plan stops first, naming the constraint and how many rows.
    private func refuseReferencedDeletes(_ scope: ApplyScope) throws {
        for reference in try scope.live.referencingKeys(on: connection) {
            let referencing = try connection.count(scope.sql.countReferencing(reference))
            if referencing > 0 {
                throw ApplyError("the plan deletes rows of \(table) that \(referencing) rows of \(reference.table) still "
                    + "reference through \(reference.constraint); nothing was changed (keep them with --mode missing, "
                    + "--columns or --where)")
            }
        }
    }

    /// Rows are matched one to one: a NULL or repeated key would pair a row with
    /// none or several.
    private func requireUniqueKey(_ key: [String], in table: String, side: String) throws {
        let columns = key.map(\.sqlIdentifier)
        let anyNull = columns.map { "\($0) IS NULL" }.joined(separator: " OR ")
        let found = try connection.execute("SELECT count(*) FILTER (WHERE \(anyNull)), count(*) - count(DISTINCT (\(columns.joined(separator: ", ")))) FROM \(table)")
        let nulls = Int(found[0, 0] ?? "0") ?? 0, repeats = Int(found[0, 1] ?? "0") ?? 0
        let problem = nulls > 0 ? "\(nulls) rows have a NULL in it" : repeats > 0 ? "\(repeats) rows repeat another row's key" : nil
        if let problem {
            throw ApplyError("--key \(key.joined(separator: ",")) does not identify one row in \(side): \(problem); nothing was changed")
        }
    }

    /// Moves a sequence to at least the largest restored value, so the
    /// application's next insert does not collide with a restored row.
    private func moveSequence(_ owned: LiveTable.OwnedSequence, table: String) throws {
        let column = owned.column.sqlIdentifier
        try connection.execute("""
            SELECT pg_catalog.setval($1::pg_catalog.regclass, m) FROM (SELECT max(\(column))::bigint AS m FROM \(table)) AS x
            WHERE m IS NOT NULL AND m >= (SELECT last_value FROM \(owned.sequence))
            """, [owned.sequence])
    }
}

extension Connection {
    /// The one number a `SELECT count(*) ...` returns.
    func count(_ query: String) throws -> Int {
        Int(try execute(query)[0, 0] ?? "0") ?? 0
    }
}
