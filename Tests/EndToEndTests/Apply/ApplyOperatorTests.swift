import Foundation
import TestSupport
import Testing

/// What an operator at 3 a.m. must not miss in a plan: rows added since the backup
/// that merge would delete, a filter that leaves nothing, and a dry run that a
/// script could take for a finished repair.
@Suite struct ApplyOperatorTests {
    @Test func aMergeThatDeletesRowsAddedSinceTheBackupSaysSoFirstAndExitsAsADryRun() throws {
        let items = try DamagedItems("apply_newer")
        let plan = try items.db.apply(items.archive, "items", [])
        #expect(plan.status == 3, "\(plan.errors)")
        let lines = plan.text.split(separator: "\n").map(String.init)
        #expect(lines.count > 3 && lines[1].hasPrefix("connected to database \(items.db.name) on ") && lines[2].hasPrefix("WARNING: this deletes 40 rows that production has and the backup "
            + "does not, rows added since the backup among them (e.g. id=5001; id=5002;"), "\(plan.text)")
        #expect(plan.text.contains("WARNING: this rewrites 150 rows to the backup's values, undoing every edit"), "\(plan.text)")
        let report = try items.db.applyReport(items.archive, "items", [])
        let warnings = report["warnings"] as? [String] ?? []
        #expect(warnings.count == 2 && warnings[0].hasPrefix("this deletes 40 rows"), "\(warnings)")
        // --mode missing deletes nothing: no warning, and still a dry run with work to do.
        let missing = try items.db.applyReport(items.archive, "items", ["--mode", "missing"])
        #expect(missing["warnings"] as? [String] == [] && missing["inserted"] as? Int == 50)
    }

    /// "Only the rows damaged now": --where holds the filter against the backup's
    /// rows too, where the damage is not, so it plans nothing and says what to use;
    /// --production-where chooses the rows by production's values and restores them.
    @Test func productionWhereRestoresTheRowsDamagedNow() throws {
        let items = try DamagedItems("apply_prodwhere")
        let damagedNow = "name LIKE 'renamed%'"
        let nothing = try items.db.applyReport(items.archive, "items", ["--where", damagedNow, "--columns", "name"])
        #expect(nothing["backupRows"] as? Int == 0 && nothing["updated"] as? Int == 0)
        let hint = (nothing["warnings"] as? [String])?.first ?? ""
        #expect(hint.hasPrefix("--where \(damagedNow) matches none of the backup's rows") && hint.contains("--production-where"),
                "\(hint)")

        let plan = try items.db.applyReport(items.archive, "items", ["--production-where", damagedNow, "--columns", "name"])
        #expect(plan["backupRows"] as? Int == 100 && plan["updated"] as? Int == 100, "\(plan)")
        #expect(plan["inserted"] as? Int == 0 && plan["deleted"] as? Int == 0 && plan["productionWhere"] as? String == damagedNow)
        _ = try items.db.applyReport(items.archive, "items",
                                     ["--production-where", damagedNow, "--columns", "name", "--execute", "--undo", items.undo])
        // The renamed rows have their names back; every other change since the backup stays.
        try items.expectOnlyRestored("id BETWEEN 150 AND 249 AND id NOT BETWEEN 150 AND 199",
                                     others: "id NOT BETWEEN 150 AND 249")
        #expect(try items.db.psql("SELECT count(*) FROM items WHERE id BETWEEN 150 AND 199 AND name LIKE 'renamed%'") == "0")
        #expect(try items.db.psql("SELECT count(*) FROM items WHERE id > 5000") == "40")

        // Whole rows in scope: production's rows the backup lacks are in scope too, and warned of.
        let whole = try items.db.applyReport(items.archive, "items", ["--production-where", "qty = 0"])
        #expect(whole["deleted"] as? Int == 40 && ((whole["warnings"] as? [String])?.first ?? "").hasPrefix("this deletes 40"))
    }

    @Test func aProductionWhereNamingAColumnOnlyTheBackupHasIsRefused() throws {
        let items = try DamagedItems("apply_prodwhere_col")
        try items.db.psql("ALTER TABLE items DROP COLUMN note")
        let outcome = try items.db.apply(items.archive, "items", ["--production-where", "note IS NULL"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.hasPrefix("pgscalpel: --production-where note IS NULL: ") && outcome.errors.contains("note"),
                "\(outcome.errors)")
    }
}
