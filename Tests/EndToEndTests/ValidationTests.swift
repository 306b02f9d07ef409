import Foundation
import Testing
import TestSupport

/// Values a command cannot use are refused in one line with exit status 2, saying
/// what is wrong with them: never "Missing value" for a value that was given, never
/// an empty listing for a misspelled type, never "no row" for a key of the wrong shape.
@Suite struct ValidationTests {
    private func expectRefusal(_ outcome: CLI.Outcome, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == 2, "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.split(separator: "\n").count == 1, "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.errors.hasPrefix("pgscalpel: "), sourceLocation: sourceLocation)
        #expect(outcome.errors.contains(text), "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(!outcome.errors.contains("Missing value"), "\(outcome.errors)", sourceLocation: sourceLocation)
        #expect(outcome.output.isEmpty, sourceLocation: sourceLocation)
    }

    private static func pack(_ fixture: String, in scratch: ScratchFolder) throws -> String {
        let path = scratch.file("a.scalpel.sql.gz")
        let packed = try CLI.pgscalpel(["pack", "-f", path], input: try Data(contentsOf: URL(fileURLWithPath: Fixture.path(fixture))))
        guard packed.status == 0 else { throw TestFailure("pack: \(packed.errors)") }
        return path
    }

    /// A negative number or duration is taken as the option's value, then refused:
    /// every option of every command that takes a number or a duration.
    @Test func negativeNumbersAndDurationsAreValuesToRefuse() throws {
        let cases: [([String], String)] = [
            (["restore", "x.gz", "-t", "a", "--into", "auto", "-j", "-1"], "-j needs at least 1"),
            (["restore", "x.gz", "-t", "a", "--into", "auto", "--jobs", "-1"], "-j needs at least 1"),
            (["restore", "x.gz", "--all", "--into", "auto", "-j", "-3"], "-j needs at least 1"),
            (["drill", "x.gz", "-j", "-1"], "-j needs at least 1"),
            (["diff", "x.gz", "-t", "a", "--against", "db", "--limit", "-5"], "--limit must be 0 or more"),
            (["apply", "x.gz", "-t", "a", "--into", "db", "--lock-timeout", "-5s"],
             "--lock-timeout: -5s is not a PostgreSQL duration of 0 or more"),
            (["apply", "x.gz", "-t", "a", "--into", "db", "--statement-timeout", "-1min"],
             "--statement-timeout: -1min is not a PostgreSQL duration of 0 or more"),
            (["pack", "--level", "-1", "-f", "x.gz"], "--level for adaptive is 1 to 12"),
            (["pack", "--member-kib", "-16", "-f", "x.gz"], "--member-kib is at least 16"),
            (["doctor", "-p", "-5"], "-p: -5 is not a port number"),
            (["backup", "-p", "-5432", "-f", "x.gz"], "-p: -5432 is not a port number"),
        ]
        for (arguments, message) in cases {
            expectRefusal(try CLI.pgscalpel(arguments), message)
        }
    }

    /// What the server would refuse half-way through apply's transaction is refused
    /// before anything connects; what it takes passes.
    @Test func durationsAreCheckedAsPostgreSQLReadsThem() throws {
        for bad in ["5 sec", "10S", "abc", "", "1e3", "1.2.3s", "3000000000", "25d"] {
            expectRefusal(try CLI.pgscalpel(["apply", "x.gz", "-t", "a", "--into", "db", "--lock-timeout", bad]),
                          "--lock-timeout: \(bad) is not a PostgreSQL duration")
        }
        for good in ["0", "500", "1.5s", "10 s", "2min", "1h", "250ms", "100us", "24d"] {
            let outcome = try CLI.pgscalpel(["apply", "/nonexistent/x.gz", "-t", "a", "--into", "db", "--lock-timeout", good])
            #expect(outcome.status == 2 && !outcome.errors.contains("duration"), "\(good): \(outcome.errors)")
        }
    }

    /// `export --key -5`: a negative key is a key.
    @Test func aNegativeKeyIsAKey() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.pack("awkward-verbose.sql", in: scratch)
        let outcome = try CLI.pgscalpel(["export", archive, "-t", "plain", "--key", "-5", "--key", "2"])
        #expect(outcome.status == 1, "\(outcome.errors)")
        #expect(outcome.errors == "pgscalpel: no row with key -5 in public.plain\n")
        #expect(outcome.text.hasPrefix("id,note,m,p\n2,"))
    }

    @Test func anUnknownTypeIsRefusedNamingTheTypes() throws {
        let scratch = try ScratchFolder()
        let archive = try Self.pack("awkward-verbose.sql", in: scratch)
        let outcome = try CLI.pgscalpel(["ls", archive, "--type", "NOSUCHTYPE"])
        expectRefusal(outcome, "--type NOSUCHTYPE is not a type of TOC entry")
        // The archive's own types first, then pg_dump's others, and `all`.
        #expect(outcome.errors.contains("this archive has "), "\(outcome.errors)")
        #expect(outcome.errors.contains("TABLE DATA") && outcome.errors.contains("FK CONSTRAINT"), "\(outcome.errors)")
        #expect(outcome.errors.contains("pg_dump also writes ") && outcome.errors.contains("EVENT TRIGGER"), "\(outcome.errors)")
        #expect(outcome.errors.contains("or all"), "\(outcome.errors)")
        expectRefusal(try CLI.pgscalpel(["ls", archive, "--type", "INDEX", "--type", "indexes"]), "--type indexes is not")

        // pg_dump's spelling, any case, and a type pg_dump writes that this archive lacks (nothing listed).
        let upper = try CLI.pgscalpel(["ls", archive, "--type", "INDEX", "--json"])
        let lower = try CLI.pgscalpel(["ls", archive, "--type", "index", "--json"])
        #expect(upper.status == 0 && lower.status == 0)
        #expect(upper.text == lower.text)
        let entries = try #require((try JSONSerialization.jsonObject(with: upper.output) as? [String: Any])?["entries"] as? [Any])
        #expect(!entries.isEmpty)
        let absent = try CLI.pgscalpel(["ls", archive, "--type", "Event Trigger", "--json"])
        #expect(absent.status == 0, "\(absent.errors)")
        #expect(try CLI.pgscalpel(["ls", archive, "--type", "all"]).status == 0)
        #expect(try CLI.pgscalpel(["ls", archive, "--type", "ALL"]).status == 0)
    }

    /// A key of the wrong shape for the table's primary key is a usage error naming
    /// the key's columns and how many values were given, not a row that is missing.
    @Test func aKeyWithTheWrongNumberOfValuesIsAUsageError() throws {
        let env = try TestServer.environment()
        let database = try TestServer.makeDatabase("keyshape")
        let setup = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", """
            CREATE TABLE pairs (a integer, b text, PRIMARY KEY (a, b));
            INSERT INTO pairs VALUES (1, 'x'), (2, 'y,z');
            CREATE TABLE ids (id bigint PRIMARY KEY);
            INSERT INTO ids VALUES (1), (2), (-3);
            CREATE TABLE uuids (id uuid PRIMARY KEY);
            INSERT INTO uuids VALUES ('00000000-0000-0000-0000-000000000001');
            CREATE TABLE words (w text PRIMARY KEY);
            INSERT INTO words VALUES ('a,b'), ('c');
            """], environment: env)
        try #require(setup.status == 0, "\(setup.errors)")
        let scratch = try ScratchFolder()
        let archive = scratch.file("k.scalpel.sql.gz")
        let backup = try CLI.pgscalpel(["backup", "-d", database, "-f", archive], environment: env)
        try #require(backup.status == 0, "\(backup.errors)")

        expectRefusal(try CLI.pgscalpel(["export", archive, "-t", "ids", "--key", "1,2"]),
                      "--key 1,2: the primary key of public.ids is one column (id) and 2 values were given; "
                      + "give one --key per row (--key 1 --key 2)")
        expectRefusal(try CLI.pgscalpel(["export", archive, "-t", "uuids", "--key", "00000000-0000-0000-0000-000000000001,x"]),
                      "is one column (id) and 2 values were given")
        expectRefusal(try CLI.pgscalpel(["export", archive, "-t", "pairs", "--key", "1"]),
                      "--key 1: the primary key of public.pairs has 2 columns (a, b) and 1 value was given")
        expectRefusal(try CLI.pgscalpel(["export", archive, "-t", "pairs", "--key", "1,x,3"]),
                      "has 2 columns (a, b) and 3 values were given")

        // Right shapes: found, or a key with no row (exit 1). A text key keeps its commas.
        let pair = try CLI.pgscalpel(["export", archive, "-t", "pairs", "--key", #"2,"y,z""#])
        #expect(pair.status == 0 && pair.text == "a,b\n2,\"y,z\"\n", "\(pair.errors)")
        let word = try CLI.pgscalpel(["export", archive, "-t", "words", "--key", "a,b"])
        #expect(word.status == 0 && word.text == "w\n\"a,b\"\n", "\(word.errors)")
        let negative = try CLI.pgscalpel(["export", archive, "-t", "ids", "--key", "-3", "--key", "7"])
        #expect(negative.status == 1 && negative.text == "id\n-3\n", "\(negative.errors)")
        #expect(negative.errors == "pgscalpel: no row with key 7 in public.ids\n")
    }

    /// pg_dumpall's output holds several databases and the roles: refused at its
    /// first lines, saying what to run instead, and no archive is left behind.
    @Test func pgDumpallOutputIsRefused() throws {
        let env = try TestServer.environment()
        let database = try TestServer.makeDatabase("cluster")
        let setup = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c",
                                         "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2);"],
                                environment: env)
        try #require(setup.status == 0, "\(setup.errors)")
        let scratch = try ScratchFolder()
        let archive = scratch.file("all.scalpel.sql.gz")
        for dumpall in ["pg_dumpall", "pg_dumpall --globals-only", "pg_dumpall --clean"] {
            // pg_dumpall's own complaint, when pack stops reading, is not pgscalpel's to show.
            let outcome = try CLI.shell("\(dumpall) 2>/dev/null | '\(CLI.pgscalpel)' pack -f '\(archive)'", environment: env)
            expectRefusal(outcome, "this is pg_dumpall output")
            #expect(outcome.errors.contains("pg_dump -d DB | pgscalpel pack"), "\(outcome.errors)")
            #expect(outcome.errors.contains("pgscalpel backup -d DB"), "\(outcome.errors)")
            #expect(outcome.errors.contains("pg_dumpall --roles-only"), "\(outcome.errors)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [], "\(dumpall)")
        }
        // To standard output as well.
        let piped = try CLI.shell("pg_dumpall 2>/dev/null | '\(CLI.pgscalpel)' pack > /dev/null", environment: env)
        expectRefusal(piped, "this is pg_dumpall output")

        // What the message says to do works: the same database, one pg_dump.
        let single = try CLI.shell("pg_dump -d \(database) | '\(CLI.pgscalpel)' pack -f '\(archive)'", environment: env)
        #expect(single.status == 0, "\(single.errors)")
        let listed = try CLI.pgscalpel(["ls", archive])
        #expect(listed.text.contains("(1 tables)"), "\(listed.text)")
    }
}
