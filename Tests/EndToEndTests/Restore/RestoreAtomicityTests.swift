import Foundation
import Testing
import TestSupport

/// `restore -t` into a database is one transaction: when the target's session dies
/// during the load (the server stopped, the backend terminated), nothing of the
/// restore is left, not a table created and empty that the same restore, run again,
/// would refuse as there already.
@Suite struct RestoreAtomicityTests {
    private static func psql(_ database: String, _ sql: String, env: [String: String]) throws -> String {
        let outcome = try CLI.run("psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", database], environment: env,
                                  input: Data(sql.utf8))
        guard outcome.status == 0 else { throw TestFailure("psql: \(outcome.errors)") }
        return outcome.text.trimmingCharacters(in: .newlines)
    }

    @Test(arguments: [1, 2])
    func aSessionKilledDuringTheLoadLeavesNothingAndARerunSucceeds(jobs: Int) throws {
        let env = try TestServer.environment()
        let source = try TestServer.makeDatabase("atomic_source")
        try _ = Self.psql(source, """
            CREATE SCHEMA app;
            CREATE TABLE app.small (id int PRIMARY KEY);
            INSERT INTO app.small SELECT generate_series(1, 10);
            CREATE TABLE app.big (id int PRIMARY KEY, pad text);
            INSERT INTO app.big SELECT g, repeat(md5(g::text), 4) FROM generate_series(1, 600000) g;
            """, env: env)
        let scratch = try ScratchFolder()
        let archive = scratch.file("big.scalpel.sql.gz")
        let backup = try CLI.pgscalpel(["backup", "-d", source, "-f", archive], environment: env)
        try #require(backup.status == 0, "\(backup.errors)")
        let target = try TestServer.makeDatabase("atomic_target")
        let arguments = ["restore", archive, "-t", "app.small", "-t", "app.big", "--into", target, "-j", String(jobs)]

        let restore = Process()
        restore.executableURL = URL(fileURLWithPath: CLI.pgscalpel)
        restore.arguments = arguments
        restore.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let errors = Pipe()
        restore.standardOutput = FileHandle.nullDevice
        restore.standardError = errors
        try restore.run()
        // The big table's COPY running: its session is terminated from another one.
        var terminated = false
        let deadline = Date().addingTimeInterval(60)
        while !terminated && restore.isRunning && Date() < deadline {
            terminated = try Self.psql("postgres", """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = '\(target)' AND state = 'active' AND query LIKE 'COPY "app"."big"%'
                """, env: env) != "0"
            if !terminated { usleep(20_000) }
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        restore.waitUntilExit()
        try #require(terminated, "the load ended before it could be interrupted: \(message)")
        #expect(restore.terminationStatus == 2, "\(message)")
        // (libpq itself prints the server's FATAL line before it: not pgscalpel's line.)
        let last = message.split(separator: "\n").last ?? ""
        #expect(last.hasPrefix("pgscalpel: ") && last.hasSuffix("rolled back: the target's tables are as they were"), "\(message)")

        // Nothing of it is there: the tables, their schema.
        #expect(try Self.psql(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'app'", env: env) == "0")
        #expect(try Self.psql(target, "SELECT count(*) FROM pg_class WHERE relname IN ('big', 'small')", env: env) == "0")

        // The same restore again: done.
        let again = try CLI.pgscalpel(arguments, environment: env)
        #expect(again.status == 0, "\(again.errors)")
        #expect(try Self.psql(target, "SELECT (SELECT count(*) FROM app.big) || ' ' || (SELECT count(*) FROM app.small)",
                              env: env) == "600000 10")
        if jobs > 1 {
            #expect(again.text.contains("restoring into a database in one transaction: data loaded over one connection, not 2"),
                    "\(again.text)")
        }
    }

    /// A load the target refuses leaves no table either, where it used to leave the
    /// table created and empty.
    @Test func aFailedStatementLeavesNothingAndARerunSucceeds() throws {
        let env = try TestServer.environment()
        let source = try TestServer.makeDatabase("atomic_fail_source")
        try _ = Self.psql(source, """
            CREATE TABLE t (id int PRIMARY KEY, n int CHECK (n > 0));
            INSERT INTO t SELECT g, g FROM generate_series(1, 100) g;
            """, env: env)
        let scratch = try ScratchFolder()
        let archive = scratch.file("t.scalpel.sql.gz")
        #expect(try CLI.pgscalpel(["backup", "-d", source, "-f", archive], environment: env).status == 0)
        let target = try TestServer.makeDatabase("atomic_fail_target")
        // The target refuses the rows: as the table is created, an event trigger adds a
        // CHECK that no row passes, so its COPY fails.
        try _ = Self.psql(target, """
            CREATE FUNCTION refuse() RETURNS event_trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE') THEN
                    ALTER TABLE public.t ADD CONSTRAINT nobody CHECK (n < 0) NOT VALID;
                END IF;
            END $$;
            CREATE EVENT TRIGGER refuse ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION refuse();
            """, env: env)
        let failed = try CLI.pgscalpel(["restore", archive, "-t", "t", "--into", target], environment: env)
        #expect(failed.status == 2)
        #expect(failed.errors.contains("nobody") && failed.errors.contains("rolled back"), "\(failed.errors)")
        #expect(try Self.psql(target, "SELECT to_regclass('public.t') IS NULL", env: env) == "t")

        try _ = Self.psql(target, "DROP EVENT TRIGGER refuse", env: env)
        let again = try CLI.pgscalpel(["restore", archive, "-t", "t", "--into", target], environment: env)
        #expect(again.status == 0, "\(again.errors)")
        #expect(try Self.psql(target, "SELECT count(*) FROM public.t", env: env) == "100")
    }
}
