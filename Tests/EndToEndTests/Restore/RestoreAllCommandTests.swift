import Foundation
import TestSupport
import Testing
@testable import ScalpelArchive

/// `pgscalpel restore --all` as an operator runs it.
@Suite struct RestoreAllCommandTests {
    @Test func restoreAllEqualsPsqlOfTheSameArchive() throws {
        let scratch = try ScratchFolder()
        let archive = try RestoreCommandTests.pack(into: scratch)
        let environment = try TestServer.environment()
        let byPsql = try TestServer.makeDatabase("psql_all")
        let psql = try CLI.shell("gunzip -c '\(archive)' | psql -X -q -d \(byPsql)", environment: environment)
        #expect(psql.status == 0, "\(psql.errors)")
        let byScalpel = try TestServer.makeDatabase("restore_all")
        let restore = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(byScalpel)", "-j", "2"],
                                        environment: environment)
        #expect(restore.status == 0, "\(restore.errors)")

        let expected = try CLI.run("pg_dump", [byPsql], environment: environment)
        let restored = try CLI.run("pg_dump", [byScalpel], environment: environment)
        #expect(expected.status == 0 && restored.status == 0)
        #expect(comparableDump(restored.text) == comparableDump(expected.text))
    }

    /// blobs-verbose.sql is a --create dump: its DATABASE entry is skipped, the rest
    /// (BLOB entries, their comment and grant, the BLOBS data) lands in the target.
    @Test func largeObjectsOfACreateDumpAreRestored() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("blobs.scalpel.sql.gz")
        let dump = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("blobs-verbose.sql")))
        #expect(try CLI.pgscalpel(["pack", "-f", archive], input: dump).status == 0)
        let environment = try TestServer.environment()
        let database = try TestServer.makeDatabase("blobs_all")
        let restore = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(database)"], environment: environment)
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(restore.text.contains("DATABASE blobs skipped"))
        let query = try CLI.run("psql", ["-X", "-At", "-d", database, "-c", """
            SELECT count(*), sum(length(lo_get(oid))), max(obj_description(oid, 'pg_largeobject'))
            FROM pg_largeobject_metadata
            """], environment: environment)
        let original = try String(contentsOfFile: Fixture.path("blobs-verbose.sql"), encoding: .utf8)
        let hexDigits = original.split(separator: "\n").filter { $0.hasPrefix("SELECT pg_catalog.lowrite(0, '\\x") }
            .map { $0.count - "SELECT pg_catalog.lowrite(0, '\\x');".count }.reduce(0, +)
        let comment = try #require(original.split(separator: "\n").first { $0.hasPrefix("COMMENT ON LARGE OBJECT 424242 IS '") })
        let commentText = comment.dropFirst("COMMENT ON LARGE OBJECT 424242 IS '".count).dropLast(2)
        #expect(query.text == "3|\(hexDigits / 2)|\(commentText)\n", "\(query.errors)")
    }

    /// pg_dump puts `SET default_tablespace` before an index kept in another
    /// tablespace; a target without it builds the index in its default one, and
    /// the report says so, though the build ran on one of the loading connections.
    @Test func aRefusedSettingOfAParallelBuildIsNoted() throws {
        let environment = try TestServer.environment()
        let header = "--\n-- Name: hot_v_idx; Type: INDEX; Schema: public; Owner: postgres\n"
        let scratch = try ScratchFolder()
        let (_, archive) = try editedDump("ts", setup: """
            CREATE TABLE hot (id int PRIMARY KEY, v text); CREATE INDEX hot_v_idx ON hot (v);
            INSERT INTO hot SELECT g, 'v' || g FROM generate_series(1, 100) g;
            """, in: scratch) {
            $0.replacingOccurrences(of: header, with: "SET default_tablespace = nosuch;\n\n" + header.dropLast() + "; Tablespace: nosuch\n")
        }
        let database = try TestServer.makeDatabase("ts_all")
        let restore = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(database)", "-j", "2", "--json"],
                                        environment: environment)
        #expect(restore.status == 0, "\(restore.errors)")
        let report = try JSONSerialization.jsonObject(with: restore.output) as? [String: Any]
        let notes = (report?["notes"] as? [String])?.filter { $0.contains("default_tablespace") }
        #expect(notes?.count == 1 && notes?.first?.hasPrefix("INDEX public.hot_v_idx: SET default_tablespace = nosuch; failed") == true,
                "\(notes ?? [])")
        let index = try CLI.run("psql", ["-X", "-At", "-d", database, "-c", "SELECT indexdef FROM pg_indexes WHERE indexname = 'hot_v_idx'"],
                                environment: environment)
        #expect(index.text == "CREATE INDEX hot_v_idx ON public.hot USING btree (v)\n", "\(index.errors)")
    }

    /// A statement that fails is passed over, as psql and pg_restore pass it over:
    /// the rest is restored as psql restores it, the report lists each failure, and
    /// the exit status is 1. With --exit-on-error the restore stops at the first.
    @Test func aFailingStatementIsPassedOverAsPsqlPassesItOver() throws {
        let environment = try TestServer.environment()
        // A language and a type the target lacks, as when the source had plperl or an
        // extension's type and the sidecar has not: table u fails, and its data with it.
        let scratch = try ScratchFolder()
        let (source, archive) = try editedDump("fail", setup: """
            CREATE TABLE t (id int PRIMARY KEY, v text); CREATE INDEX t_v_idx ON t (v);
            INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g;
            CREATE TABLE u (id int PRIMARY KEY, t_id int REFERENCES t);
            INSERT INTO u SELECT g, g FROM generate_series(1, 50) g;
            CREATE FUNCTION twice(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 * 2';
            CREATE VIEW doubled AS SELECT id, twice(id) FROM t;
            """, in: scratch) { dump in
            let edited = dump.replacingOccurrences(of: "    LANGUAGE sql IMMUTABLE", with: "    LANGUAGE nosuchlang IMMUTABLE")
                .replacingOccurrences(of: "    t_id integer\n", with: "    t_id nosuchtype\n")
            #expect(edited.contains("nosuchlang") && edited.contains("nosuchtype"))
            return edited
        }
        let database = try TestServer.makeDatabase("fail_all")
        let restore = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(database)", "-j", "2", "--json"],
                                        environment: environment)
        #expect(restore.status == 1, "\(restore.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: restore.output) as? [String: Any])
        let errors = try #require(report["errors"] as? [String])
        #expect(errors.first?.hasPrefix("FUNCTION public.twice: ERROR 42704: language \"nosuchlang\" does not exist") == true,
                "\(errors)")
        // Then the function's owner, the view and its owner, table u, its owner and its
        // data, loaded on a worker connection, fail in turn.
        #expect(errors.count == 7 && errors.allSatisfy { $0.contains("does not exist") }, "\(errors)")
        // In the order they came: the data's failure after the schema's.
        #expect(errors.last == "TABLE DATA public.u: ERROR 42P01: relation \"public.u\" does not exist", "\(errors)")
        #expect((report["tables"] as? [[String: Any]])?.compactMap { $0["rows"] as? Int } == [100], "\(report)")
        // Everything else is there: the source without what failed. (psql, reading the
        // failed COPY's rows as SQL, would also lose the statement after them: t_pkey.)
        let dropped = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", source, "-c",
                                           "DROP FUNCTION twice CASCADE; DROP TABLE u"], environment: environment)
        #expect(dropped.status == 0, "\(dropped.errors)")
        let expected = try CLI.run("pg_dump", [source], environment: environment)
        let restored = try CLI.run("pg_dump", [database], environment: environment)
        #expect(comparableDump(restored.text) == comparableDump(expected.text))
        #expect(restored.text.contains("CREATE INDEX t_v_idx") && restored.text.contains("ADD CONSTRAINT t_pkey"))

        let stopped = try TestServer.makeDatabase("fail_stop")
        let stop = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(stopped)", "--exit-on-error"],
                                     environment: environment)
        #expect(stop.status == 2)
        #expect(stop.errors == "pgscalpel: FUNCTION public.twice: ERROR 42704: language \"nosuchlang\" does not exist\n",
                "\(stop.errors)")
    }

    /// A build the server cancels as a deadlock (two builds locking tables in
    /// opposite orders) runs again, alone, after the others. The deadlock is
    /// raised here by the section itself, the first time only: a sequence counts
    /// its runs, as no rollback undoes nextval.
    @Test func aBuildCancelledAsADeadlockRunsAgain() throws {
        let environment = try TestServer.environment()
        let index = "CREATE INDEX t_v_idx ON public.t USING btree (v);\n"
        let scratch = try ScratchFolder()
        let (_, archive) = try editedDump("deadlock", setup: """
            CREATE SEQUENCE tries; CREATE TABLE t (id int PRIMARY KEY, v text); CREATE INDEX t_v_idx ON t (v);
            INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g;
            """, in: scratch) { dump in
            let edited = dump.replacingOccurrences(of: index, with: """
                DO $$ BEGIN IF nextval('public.tries') = 1 THEN
                    RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END IF; END $$;
                \(index)
                """).replacingOccurrences(of: "SELECT pg_catalog.setval('public.tries', 1, false);", with: "SELECT 1;")
            #expect(edited.contains("40P01") && !edited.contains("setval"))
            return edited
        }
        let database = try TestServer.makeDatabase("deadlock_all")
        let restore = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(database)", "-j", "2", "--exit-on-error"],
                                        environment: environment)
        #expect(restore.status == 0, "\(restore.errors)")
        let built = try CLI.run("psql", ["-X", "-At", "-d", database, "-c",
                                         "SELECT count(*) || ' ' || (SELECT last_value FROM tries) FROM pg_indexes WHERE indexname = 't_v_idx'"],
                                environment: environment)
        #expect(built.text == "1 2\n", "\(built.errors)")
    }

    /// pg_dump dumps no roles: a restore into another server lacks the owners and
    /// grantees, and the report says in one line where they come from.
    @Test func rolesTheTargetLacksAreNamedWithWhereToGetThem() throws {
        let environment = try TestServer.environment()
        let scratch = try ScratchFolder()
        let (_, archive) = try editedDump("roles", setup: """
            CREATE TABLE t (id int); INSERT INTO t VALUES (1);
            CREATE TABLE u (id int); GRANT SELECT ON t, u TO reader;
            """, in: scratch) { dump in
            // As if dumped on a server with roles this one never had.
            dump.replacing(try! Regex("ALTER TABLE public\\.t OWNER TO [a-z_0-9]+;"), with: "ALTER TABLE public.t OWNER TO gone_owner;")
                .replacing("GRANT SELECT ON TABLE public.u TO reader;", with: "GRANT SELECT ON TABLE public.u TO gone_reader;")
        }
        let database = try TestServer.makeDatabase("roles_all")
        let json = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(database)", "--json"], environment: environment)
        #expect(json.status == 0, "\(json.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: json.output) as? [String: Any])
        #expect(report["missingRoles"] as? [String] == ["gone_owner", "gone_reader"], "\(report)")

        let again = try TestServer.makeDatabase("roles_all_text")
        let text = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(again)"], environment: environment)
        let lines = text.text.split(separator: "\n").filter { $0.contains("pg_dumpall") }
        #expect(lines == ["  roles: the target lacks 2 roles the archive names (gone_owner, gone_reader) and pg_dump dumps none: "
            + "pg_dumpall --roles-only on the source server writes them, to run on the target first"], "\(text.text)")

        // Roles the target has (reader, the restoring user) are not named.
        let (_, plain) = try editedDump("roles_ok", setup: "CREATE TABLE t (id int); GRANT SELECT ON t TO reader;", in: scratch) {
            $0 + "\n"
        }
        let ok = try CLI.pgscalpel(["restore", plain, "--all", "--into", "dbname=\(try TestServer.makeDatabase("roles_ok_all"))",
                                    "--json"], environment: environment)
        #expect(ok.status == 0, "\(ok.errors)")
        let okReport = try #require(try JSONSerialization.jsonObject(with: ok.output) as? [String: Any])
        #expect(okReport["missingRoles"] as? [String] == [], "\(okReport)")
        #expect(!ok.text.contains("pg_dumpall"))
    }

    /// As pg_restore --create -d postgres: the connection goes to an existing
    /// database, the archive's is created. `backup` named it; one that exists is refused.
    @Test func createMakesTheArchivesDatabaseAndRefusesOneThatExists() throws {
        let environment = try TestServer.environment()
        let source = try TestServer.loadFixture("awkward.sql", prefix: "create_src")
        let scratch = try ScratchFolder()
        let archive = scratch.file("create.scalpel.sql.gz")
        let backup = try CLI.pgscalpel(["backup", "-d", source, "-f", archive], environment: environment)
        #expect(backup.status == 0, "\(backup.errors)")

        let exists = try CLI.pgscalpel(["restore", archive, "--all", "--create", "--into", "dbname=postgres"], environment: environment)
        #expect(exists.status == 2)
        #expect(exists.errors.contains("database \(source) exists already on "), "\(exists.errors)")
        #expect(exists.errors.split(separator: "\n").count == 1, "\(exists.errors)")

        let name = "\(source)_copy"
        let created = try CLI.pgscalpel(["restore", archive, "--all", "--create-name", name, "--into", "dbname=postgres", "-j", "2"],
                                        environment: environment)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.text.contains("created database \(name)"))
        let original = try CLI.run("pg_dump", [source], environment: environment)
        let restored = try CLI.run("pg_dump", [name], environment: environment)
        #expect(comparableDump(restored.text) == comparableDump(original.text))
    }

    /// A `--create` dump names its database in its DATABASE entry, which `pack`
    /// keeps; a plain dump packed names none, and the refusal says what to give.
    @Test func createTakesTheNameOfACreateDumpOrAsksForOne() throws {
        let environment = try TestServer.environment()
        let scratch = try ScratchFolder()
        let blobs = scratch.file("blobs.scalpel.sql.gz")
        // Renamed: other tests load the fixture's own database, blobs, into the same server.
        let name = "blobs_\(UUID().uuidString.prefix(8).lowercased())"
        let dump = try String(contentsOfFile: Fixture.path("blobs-verbose.sql"), encoding: .utf8)
            .replacing("Name: blobs;", with: "Name: \(name);").replacing("DATABASE blobs ", with: "DATABASE \(name) ")
            .replacing("\\connect blobs", with: "\\connect \(name)")
        #expect(try CLI.pgscalpel(["pack", "-f", blobs], input: Data(dump.utf8)).status == 0)
        let restore = try CLI.pgscalpel(["restore", blobs, "--all", "-C", "--into", "dbname=postgres", "--json"], environment: environment)
        #expect(restore.status == 0, "\(restore.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: restore.output) as? [String: Any])
        #expect(report["createdDatabase"] as? String == name)
        let objects = try CLI.run("psql", ["-X", "-At", "-d", name, "-c", "SELECT count(*) FROM pg_largeobject_metadata"],
                                  environment: environment)
        #expect(objects.text == "3\n", "\(objects.errors)")

        let packed = try RestoreCommandTests.pack(into: scratch)
        let unnamed = try CLI.pgscalpel(["restore", packed, "--all", "--create", "--into", "dbname=postgres"], environment: environment)
        #expect(unnamed.status == 2)
        #expect(unnamed.errors.contains("the archive does not name its database (pack cannot know it): give one with --create-name NAME"))
        let auto = try CLI.pgscalpel(["restore", packed, "--all", "--create", "--into", "auto"])
        #expect(auto.status == 2)
        #expect(auto.errors.contains("--create needs --into CONN"))
    }

    @Test func allWithATableIsAUsageError() throws {
        let outcome = try CLI.pgscalpel(["restore", "x.scalpel.sql.gz", "--all", "-t", "plain", "--into", "dbname=x"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("--all restores everything: not with -t"))
    }

    /// The archive of an edited dump: database PREFIX_source made by `setup`, dumped
    /// by pg_dump, `edit` applied to the plain text (it must change it), then packed.
    private func editedDump(_ prefix: String, setup: String, in scratch: ScratchFolder,
                            edit: (String) -> String) throws -> (source: String, archive: String) {
        let environment = try TestServer.environment()
        let source = try TestServer.makeDatabase("\(prefix)_source")
        let made = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", source, "-c", setup], environment: environment)
        guard made.status == 0 else { throw TestFailure("psql: \(made.errors)") }
        let plain = try CLI.run("pg_dump", [source], environment: environment)
        let dump = edit(plain.text)
        guard dump != plain.text else { throw TestFailure("the edit changed nothing in the dump of \(source)") }
        let archive = scratch.file("\(prefix).scalpel.sql.gz")
        let packed = try CLI.pgscalpel(["pack", "-f", archive], input: Data(dump.utf8))
        guard packed.status == 0 else { throw TestFailure("pack: \(packed.errors)") }
        return (source, archive)
    }
}
