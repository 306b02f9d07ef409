import Foundation
import TestSupport
import Testing

/// Progress as cron and journald see it: standard error is a pipe, so `auto` writes
/// plain lines, every --progress-interval seconds (a twentieth of a second here, so
/// that a table of a few MiB is slow enough to be seen), naming the table that
/// streams; standard output keeps the report alone.
@Suite struct ProgressOffTerminalTests {
    private static let fast = ["--progress-interval", "0.05"]

    /// A database with a table big enough to take a while and a small one, backed
    /// up once; the backup's progress is checked here too.
    final class Workload: @unchecked Sendable {  // constants once made
        static let made = Result { try Workload() }
        let folder: ScratchFolder
        let database: String
        let archive: String
        let backup: CLI.Outcome

        init() throws {
            let environment = try TestServer.environment()
            database = try TestServer.makeDatabase("progress")
            let setup = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", """
                CREATE TABLE small (id int PRIMARY KEY);
                INSERT INTO small VALUES (1);
                CREATE TABLE big (id int PRIMARY KEY, v text);
                INSERT INTO big SELECT g, repeat('v', 60) FROM generate_series(1, 300000) g;
                """], environment: environment)
            guard setup.status == 0 else { throw TestFailure("setup: \(setup.errors)") }
            folder = try ScratchFolder()
            archive = folder.file("progress.scalpel.sql.gz")
            backup = try CLI.pgscalpel(["backup", "-d", "dbname=\(database)", "-f", archive, "--progress", "plain"] + fast,
                                       environment: environment)
            guard backup.status == 0 else { throw TestFailure("backup: \(backup.errors)") }
        }
    }

    /// The progress lines in `text`: `restore 12s: ...`, the label and the time it has run.
    private static func lines(_ text: String, of label: String) -> [Substring] {
        text.split(separator: "\n").filter { line in
            guard line.hasPrefix("\(label) "), let colon = line.firstRange(of: ": ") else { return false }
            let elapsed = line[line.index(line.startIndex, offsetBy: label.count + 1)..<colon.lowerBound]
            return !elapsed.isEmpty && elapsed.allSatisfy { "0123456789hms".contains($0) }
        }
    }

    @Test func backupNamesTheTableBeingDumped() throws {
        let outcome = try Workload.made.get().backup
        let lines = Self.lines(outcome.errors, of: "backup")
        #expect(lines.contains { $0.contains(": dumping public.big: ") && $0.contains(" written") }, "\(outcome.errors)")
        #expect(!lines.contains { $0.contains("public.small") }, "small's data is over before big's starts: \(outcome.errors)")
        #expect(!outcome.errors.contains("\r") && Self.lines(outcome.text, of: "backup").isEmpty, "\(outcome.text)")
    }

    @Test func restoreAllShowsItsPhasesAgainstTheIndex() throws {
        let archive = try Workload.made.get().archive
        let database = try TestServer.makeDatabase("progress_all")
        let restore = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(database)", "--progress", "plain"] + Self.fast,
                                        environment: try TestServer.environment())
        #expect(restore.status == 0, "\(restore.errors)")
        let lines = Self.lines(restore.errors, of: "restore")
        // The index knows big's bytes: a percentage, and the tables done of all.
        #expect(lines.contains { $0.contains(": data public.big: ") && $0.contains("%)") && $0.contains(" sections") },
                "\(restore.errors)")
        #expect(!restore.errors.contains("\r") && Self.lines(restore.text, of: "restore").isEmpty, "\(restore.text)")
    }

    @Test func drillShowsTheRestoreAndItsChecks() throws {
        let archive = try Workload.made.get().archive
        let database = try TestServer.makeDatabase("progress_drill")
        let drill = try CLI.pgscalpel(["drill", archive, "--into", "dbname=\(database)", "--progress", "plain"] + Self.fast,
                                      environment: try TestServer.environment())
        #expect(drill.status == 0, "\(drill.errors)")
        #expect(Self.lines(drill.errors, of: "drill").contains { $0.contains(": data public.big: ") }, "\(drill.errors)")
        #expect(Self.lines(drill.text, of: "drill").isEmpty, "\(drill.text)")
    }

    @Test func autoOffATerminalWritesPlainLinesToStandardErrorOnly() throws {
        let archive = try Workload.made.get().archive
        let database = try TestServer.makeDatabase("progress_auto")
        let restore = try CLI.pgscalpel(["restore", archive, "-t", "big", "--into", "dbname=\(database)"] + Self.fast,
                                        environment: try TestServer.environment())
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(Self.lines(restore.errors, of: "restore").contains { $0.contains(": data public.big: ") }, "\(restore.errors)")
        #expect(!restore.errors.contains("\r") && !restore.errors.contains("\u{1b}"))
        #expect(Self.lines(restore.text, of: "restore").isEmpty && !restore.text.contains("public.big: "), "\(restore.text)")
    }

    /// A dry run against the table it came from: the load counts rows against the index's.
    @Test func applyCountsTheBackupsRows() throws {
        let workload = try Workload.made.get()
        let apply = try CLI.pgscalpel(["apply", workload.archive, "-t", "big", "--into", "dbname=\(workload.database)",
                                       "--progress", "plain"] + Self.fast, environment: try TestServer.environment())
        #expect(apply.status == 0, "\(apply.errors)")
        #expect(Self.lines(apply.errors, of: "apply").contains {
            $0.contains(": loading the backup's rows public.big: ") && $0.contains(" of 300000 rows")
        }, "\(apply.errors)")
    }

    @Test func noneIsSilent() throws {
        let archive = try Workload.made.get().archive
        let database = try TestServer.makeDatabase("progress_none")
        let restore = try CLI.pgscalpel(["restore", archive, "--all", "--into", "dbname=\(database)", "--progress", "none"] + Self.fast,
                                        environment: try TestServer.environment())
        #expect(restore.status == 0, "\(restore.errors)")
        #expect(restore.errors.isEmpty, "\(restore.errors)")
    }

    @Test func aZeroIntervalIsOneClearLine() throws {
        let verify = try CLI.pgscalpel(["verify", "nothing.gz", "--progress-interval", "0"])
        #expect(verify.status != 0 && verify.errors.contains("--progress-interval needs a number of seconds above 0"), "\(verify.errors)")
    }
}
