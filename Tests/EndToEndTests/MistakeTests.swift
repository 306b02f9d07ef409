import Foundation
import Testing
import TestSupport

/// What a new user types wrong, answered in one line that says what they meant:
/// an option misspelled, a table name misspelled or miscased, production not named.
@Suite struct MistakeTests {
    private func expectOneLine(_ outcome: CLI.Outcome, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == 2, "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.split(separator: "\n").count == 1, "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.hasPrefix("pgscalpel: "), "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.contains(text), "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.output.isEmpty, sourceLocation: sourceLocation)
    }

    private static func pack(in scratch: ScratchFolder) throws -> String {
        let path = scratch.file("a.scalpel.sql.gz")
        let packed = try CLI.pgscalpel(["pack", "-f", path],
                                       input: try Data(contentsOf: URL(fileURLWithPath: Fixture.path("awkward-verbose.sql"))))
        guard packed.status == 0 else { throw TestFailure("pack: \(packed.errors)") }
        return path
    }

    /// `--tabel` used to be reported as the `--table` it left missing.
    @Test func aMistypedOptionIsNamedWithTheOneMeant() throws {
        expectOneLine(try CLI.pgscalpel(["cat", "x.gz", "--tabel", "users"]),
                      "unknown option '--tabel'; did you mean '--table'? (see pgscalpel cat --help)")
        expectOneLine(try CLI.pgscalpel(["export", "x.gz", "-t", "users", "--formt", "csv"]),
                      "unknown option '--formt'; did you mean '--format'?")
        expectOneLine(try CLI.pgscalpel(["restore", "x.gz", "--tabel=users", "--into", "auto"]),
                      "unknown option '--tabel'; did you mean '--table'?")
        expectOneLine(try CLI.pgscalpel(["cat", "x.gz", "-tabel", "users"]), "unknown option '-tabel'; did you mean '--table'?")
        expectOneLine(try CLI.pgscalpel(["apply", "x.gz", "-t", "users", "--into", "db", "--exceute"]),
                      "unknown option '--exceute'; did you mean '--execute'?")
        expectOneLine(try CLI.pgscalpel(["--verison"]), "unknown option '--verison'; did you mean '--version'?")
        expectOneLine(try CLI.pgscalpel(["ls", "x.gz", "--frobnicate"]), "unknown option '--frobnicate' (see pgscalpel ls --help)")
        // An option's value is not an option, combined short flags are flags, `--` ends the options.
        let flags = try CLI.pgscalpel(["cat", "/nonexistent/x.gz", "-t", "users", "-as"])
        #expect(flags.status == 2 && flags.errors.contains("--data-only and --schema-only"), "\(flags.errors)")
        let value = try CLI.pgscalpel(["export", "/nonexistent/x.gz", "-t", "--tabel"])
        #expect(value.status == 2 && !value.errors.contains("unknown option"), "\(value.errors)")
    }

    /// Every command that takes `-t` of an archive offers the closest names, spelled
    /// to paste: a typo, a case pg_dump's folding lost, a prefix.
    @Test func aTableNotInTheArchiveIsAnsweredWithTheClosestNames() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.pack(in: scratch)
        let nowhere = "host=/nonexistent dbname=x"
        let commands: [[String]] = [
            ["cat", archive], ["export", archive], ["restore", archive, "--into", nowhere],
            ["diff", archive, "--against", nowhere], ["apply", archive, "--into", nowhere],
        ]
        for command in commands {
            expectOneLine(try CLI.pgscalpel(command + ["-t", "plian"]),
                          "no table plian in the archive; did you mean public.plain? (pgscalpel ls lists them)")
        }
        expectOneLine(try CLI.pgscalpel(["cat", archive, "-t", "mixedcase"]), "did you mean public.\"MixedCase\"?")
        expectOneLine(try CLI.pgscalpel(["cat", archive, "-t", "Sales.order*"]), "did you mean \"Sales\".\"Order Items\"?")
        expectOneLine(try CLI.pgscalpel(["cat", archive, "-t", "measurement"]), "did you mean public.measurements?")
        expectOneLine(try CLI.pgscalpel(["cat", archive, "-t", "dpu"]), "did you mean other.dup or public.dup?")
        expectOneLine(try CLI.pgscalpel(["cat", archive, "-t", "zzzzzz"]), "no table zzzzzz in the archive (pgscalpel ls lists them)")
        // The suggestion, pasted, works.
        let pasted = try CLI.pgscalpel(["cat", archive, "-t", "public.\"MixedCase\"", "--schema-only"])
        #expect(pasted.status == 0, "\(pasted.errors)")
    }

    /// diff without --against used to compare with libpq's default database.
    @Test func diffAndApplyNameTheirProductionDatabase() throws {
        expectOneLine(try CLI.pgscalpel(["diff", "x.gz", "-t", "users"]), "Missing expected argument '--against <CONN>'")
        expectOneLine(try CLI.pgscalpel(["diff", "x.gz", "-t", "users", "--against", " "]),
                      "--against needs the production database")
        expectOneLine(try CLI.pgscalpel(["apply", "x.gz", "-t", "users"]), "Missing expected argument '--into <CONN>'")
        expectOneLine(try CLI.pgscalpel(["apply", "x.gz", "-t", "users", "--into", ""]), "--into needs the database to write")
    }
}
