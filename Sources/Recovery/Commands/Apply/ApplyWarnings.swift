extension ApplyReport {
    /// The warnings a plan earns. A row in production that the backup lacks was, in
    /// all likelihood, added since the backup: `merge` and `replace` delete it, and
    /// a whole-table merge also undoes every edit made since, legitimate ones
    /// included. A filter that leaves no backup row plans nothing, which is easy to
    /// take for "nothing to repair". Not for an undo archive, whose deletions are
    /// the rows its apply inserted. And whatever the rows, a BEFORE trigger (an
    /// `updated_at` stamp) rewrites each one written, so that `--execute` would fail
    /// its final check and roll back: said before, with the way out.
    mutating func addWarnings(undoing: Bool, columnsGiven: Bool) {
        if !firingTriggers.isEmpty {
            warnings.append("BEFORE triggers fire on every row this writes and may change it "
                + "(\(firingTriggers.joined(separator: ", "))): then the rows no longer match the backup and "
                + "--execute rolls back; --disable-triggers writes the backup's values as they are")
        }
        guard !undoing else { return }
        if deleted > 0 {
            let examples = sample["delete"].map { " (e.g. " + $0.joined(separator: "; ") + ")" } ?? ""
            warnings.append("this deletes \(deleted) rows that production has and the backup does not, rows added "
                + "since the backup among them\(examples); --mode missing, --columns or --production-where keep them")
        }
        if mode == .merge && updated > 0 && whereClause == nil && productionWhere == nil && !columnsGiven {
            warnings.append("this rewrites \(updated) rows to the backup's values, undoing every edit made to them since "
                + "the backup; --columns or --production-where limit it to the damage")
        }
        if backupRows == 0 {
            if let productionWhere {
                warnings.append("--production-where \(productionWhere) matches no row of production that the backup holds")
            } else if let whereClause {
                warnings.append("--where \(whereClause) matches none of the backup's rows: it chooses rows by the "
                    + "backup's values (and production's); to choose the rows damaged now by production's values, "
                    + "use --production-where")
            }
        }
    }
}
