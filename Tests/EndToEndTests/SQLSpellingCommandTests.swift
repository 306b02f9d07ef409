import Foundation
import Testing
import TestSupport

/// Names that only quoting by Unicode scalar spells right, pushed through every
/// SQL pgscalpel writes, each run against a server: a `"` followed by a combining
/// mark is one Character that is not a quote, so doubling quotes by Character
/// leaves it single and the identifier ends there. Also a reserved word, a
/// domain with such a name, dots, spaces, quotes, a semicolon and backslashes,
/// in the names and in the values.
@Suite struct SQLSpellingCommandTests {
    private static let schema = "Sché\"\u{301}ma.x"
    private static let table = "T\"\u{301}b 'x' \\ ;"
    private static let domain = "Dom\"\u{301}ain"
    private static let key = "id\"\u{301}"
    private static let text = "Vé\"\u{301}l 'q' \\n"
    private static let typed = "\"\u{301}"

    /// Quoted here without pgscalpel's spelling, so the tests do not take it on trust.
    private static func identifier(_ name: String) -> String {
        "\"" + name.unicodeScalars.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }

    /// The table in SQL, and as the `-t` pattern that matches it alone.
    private static let qualified = identifier(schema) + "." + identifier(table)

    private static let definition = """
        CREATE SCHEMA \(identifier(schema));
        CREATE DOMAIN \(identifier(schema)).\(identifier(domain)) AS text CHECK (VALUE <> 'never');
        CREATE TABLE \(qualified) (\(identifier(key)) integer PRIMARY KEY, \(identifier(text)) text,
            \(identifier(typed)) \(identifier(schema)).\(identifier(domain)), "select" text);
        """

    /// Not in key order, so `diff` sorts the backup in a sidecar, which `restore` loads.
    private static let rows = """
        INSERT INTO \(qualified) VALUES
            (3, 'it''s', E'a\\\\b', '"\u{301}'), (1, E'tab\\there', 'x"\u{301}y', NULL),
            (2, NULL, '', 'z'), (5, E'line\\nbreak', '\\', 'q'), (4, 'é', 'Z', E'\\\\N');
        """

    private static let damage = """
        UPDATE \(qualified) SET \(identifier(text)) = 'changed', \(identifier(typed)) = NULL WHERE \(identifier(key)) = 1;
        DELETE FROM \(qualified) WHERE \(identifier(key)) = 2;
        INSERT INTO \(qualified) VALUES (9, 'new', 'new', 'new');
        """

    /// A database of the test server with the psql calls these tests make.
    private struct Database {
        let name: String

        init(_ prefix: String, _ setup: String) throws {
            name = try TestServer.makeDatabase(prefix)
            try psql(["-c", setup])
        }

        @discardableResult
        func psql(_ arguments: [String], input: Data = Data()) throws -> String {
            let outcome = try CLI.run("psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", name] + arguments,
                                      environment: TestServer.environment(), input: input)
            guard outcome.status == 0 else { throw TestFailure("psql \(arguments): \(outcome.errors)") }
            return outcome.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Every row of the table, exactly, as one md5.
        func hash(where condition: String = "true") throws -> String {
            try psql(["-c", "SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x.\(identifier(key))), '')) "
                + "FROM \(qualified) x WHERE \(condition)"])
        }

        func backup(into scratch: ScratchFolder) throws -> String {
            let archive = scratch.file("backup.scalpel.sql.gz")
            let outcome = try CLI.pgscalpel(["backup", "-d", name, "-f", archive], environment: TestServer.environment())
            guard outcome.status == 0 else { throw TestFailure("backup: \(outcome.errors)") }
            return archive
        }

        func diff(_ archive: String, _ options: [String] = []) throws -> CLI.Outcome {
            try CLI.pgscalpel(["diff", archive, "-t", qualified, "--against", name] + options, environment: TestServer.environment())
        }
    }

    @Test func theDiffPatchBringsBackTheBackupsRows() throws {
        let scratch = try ScratchFolder()
        let production = try Database("spell_diff", Self.definition + Self.rows)
        let archive = try production.backup(into: scratch)
        let original = try production.hash()
        try production.psql(["-c", Self.damage])

        let patch = try production.diff(archive, ["--format", "sql"])
        #expect(patch.status == 1, "\(patch.errors)")
        #expect(patch.text.contains("backup read from the archive, sorted by the key"), "\(patch.text)")
        try production.psql([], input: patch.output)
        #expect(try production.hash() == original, "\(patch.text)")
        let again = try production.diff(archive)
        #expect(again.status == 0, "\(again.text)\(again.errors)")
    }

    @Test func exportedSQLLoadsTheSameRows() throws {
        let scratch = try ScratchFolder()
        let source = try Database("spell_export", Self.definition + Self.rows)
        let archive = try source.backup(into: scratch)
        let condition = "\(Self.identifier(Self.key)) >= 2"
        // From the archive alone, and with --where through a sidecar server.
        for (number, options) in [[], ["--where", condition]].enumerated() {
            let loaded = try Database("spell_export_sql", Self.definition)
            let file = scratch.file("export\(number).sql")
            let exported = try CLI.pgscalpel(["export", archive, "-t", Self.qualified, "--format", "sql", "-o", file] + options,
                                             environment: ["TMPDIR": scratch.path])
            try #require(exported.status == 0, "\(options): \(exported.errors)")
            try loaded.psql(["-f", file])
            #expect(try loaded.hash() == source.hash(where: options.isEmpty ? "true" : condition), "\(options)")
        }
    }

    @Test func applyPutsTheRowsBackAndItsUndoArchiveLoads() throws {
        let scratch = try ScratchFolder()
        let production = try Database("spell_apply", Self.definition + Self.rows)
        let archive = try production.backup(into: scratch)
        let original = try production.hash()
        try production.psql(["-c", Self.damage])
        let damaged = try production.hash(where: "\(Self.identifier(Self.key)) IN (1, 9)")

        let undo = scratch.file("undo.scalpel.sql.gz")
        let applied = try CLI.pgscalpel(["apply", archive, "-t", Self.qualified, "--into", production.name, "--execute", "--undo", undo],
                                        environment: TestServer.environment())
        #expect(applied.status == 0, "\(applied.errors)")
        #expect(try production.hash() == original)
        let again = try production.diff(archive)
        #expect(again.status == 0, "\(again.text)\(again.errors)")

        // The undo archive is pg_dump's plain format: psql recreates the rows apply
        // changed, as they were, where their schema and domain exist.
        let restored = try Database("spell_undo", "CREATE SCHEMA \(Self.identifier(Self.schema)); CREATE DOMAIN "
            + "\(Self.identifier(Self.schema)).\(Self.identifier(Self.domain)) AS text")
        let text = try CLI.run("gzip", ["-dc", undo])
        try restored.psql([], input: text.output)
        #expect(try restored.hash() == damaged, "\(text.text)")
        #expect(try restored.psql(["-c", "SELECT string_agg(\(Self.identifier(Self.key))::text, ',') FROM pgscalpel_undo.inserted_keys"]) == "2")
    }
}
