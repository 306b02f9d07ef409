import Foundation
import Testing
import TestSupport

/// A table may be named with an escape sequence or a newline, and the archive (and a
/// tampered one) keeps its name as it is. Text output shows such names escaped, as
/// psql does, so no name recolours the terminal, sets its title or passes for two
/// rows; JSON keeps them exact.
@Suite struct PrintableNamesTests {
    static let red = "a\u{1b}[31mb"
    static let title = "c\u{1b}]0;owned\u{07}"
    static let twoLines = "new\nline"
    static let csi = "s\u{9b}2J"

    static let shownRed = "a\\x1b[31mb"
    static let shownTitle = "c\\x1b]0;owned\\x07"
    static let shownTwoLines = "new\\nline"
    static let shownCSI = "s\\u009b2J"

    /// Neither ESC, BEL, the C1 CSI nor a newline inside a line of `text`.
    private func expectPrintable(_ text: String, lines: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7f...0x9f).contains($0.value) },
                "\(text.debugDescription)", sourceLocation: sourceLocation)
        if let lines { #expect(text.split(separator: "\n").count == lines, "\(text)", sourceLocation: sourceLocation) }
    }

    /// A database with such tables, its backup (in a file whose name has an ESC too),
    /// and an empty database to restore into.
    private struct Setup {
        let env: [String: String]
        let database: String
        let target: String
        let scratch: ScratchFolder
        let archive: String

        init() throws {
            env = try TestServer.environment()
            database = try TestServer.makeDatabase("names")
            target = try TestServer.makeDatabase("names_target")
            scratch = try ScratchFolder()
            archive = scratch.file("x\u{1b}[2Jy.scalpel.sql.gz")
            let sql = """
                CREATE TABLE "\(red)" (id int PRIMARY KEY, "\(title)" text);
                INSERT INTO "\(red)" VALUES (1, 'one'), (2, 'two');
                CREATE TABLE "\(twoLines)" (id int PRIMARY KEY);
                INSERT INTO "\(twoLines)" VALUES (1);
                CREATE SCHEMA "\(csi)";
                CREATE TABLE "\(csi)".dup (id int);
                CREATE TABLE public.dup (id int);
                """
            let setup = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database], environment: env,
                                    input: Data(sql.utf8))
            guard setup.status == 0 else { throw TestFailure("psql: \(setup.errors)") }
            let backup = try CLI.pgscalpel(["backup", "-d", database, "-f", archive], environment: env)
            guard backup.status == 0 else { throw TestFailure("backup: \(backup.errors)") }
            #expect(backup.text.contains("x\\x1b[2Jy.scalpel.sql.gz: 4 tables"), "\(backup.text)")
        }
    }

    @Test func lsAndVerifyEscapeNamesAndJSONKeepsThem() throws {
        let setup = try Setup()
        let listed = try CLI.pgscalpel(["ls", setup.archive])
        #expect(listed.status == 0, "\(listed.errors)")
        expectPrintable(listed.text)
        let rows = listed.text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains { $0.prefix(3) == ["public", Self.shownRed, "2"] }, "\(listed.text)")
        #expect(rows.contains { $0.prefix(3) == ["public", Self.shownTwoLines, "1"] }, "\(listed.text)")
        #expect(rows.contains { $0.prefix(3) == [Self.shownCSI, "dup", "0"] }, "\(listed.text)")
        #expect(listed.text.contains("(4 tables)"))

        let entries = try CLI.pgscalpel(["ls", setup.archive, "--type", "all"])
        expectPrintable(entries.text)
        let entryRows = entries.text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(entryRows.contains { $0.dropFirst().prefix(5) == ["TABLE", "DATA", "public", Self.shownRed, "public." + Self.shownRed] },
                "\(entries.text)")
        // One row per entry, the ID column right-aligned: every ID ends where the header's does.
        let table = entries.text.split(separator: "\n").drop { !$0.contains("ID  TYPE") }
        let idEnds = Set(table.map { $0.prefix { $0 == " " || $0.isNumber || $0 == "I" || $0 == "D" }.count })
        #expect(idEnds.count == 1 && table.count == 12, "\(entries.text)")

        let json = try CLI.pgscalpel(["ls", setup.archive, "--json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.output) as? [String: Any])
        let names = Set((document["tables"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        #expect(names == [Self.red, Self.twoLines, "dup"])
        #expect(document["archive"] as? String == setup.archive)

        let verified = try CLI.pgscalpel(["verify", setup.archive])
        #expect(verified.status == 0)
        expectPrintable(verified.text, lines: 1)
        #expect(verified.text.contains("x\\x1b[2Jy.scalpel.sql.gz: OK"))
    }

    @Test func messagesEscapeNames() throws {
        let setup = try Setup()
        let ambiguous = try CLI.pgscalpel(["cat", setup.archive, "-t", "dup"])
        #expect(ambiguous.status == 2)
        expectPrintable(ambiguous.errors, lines: 1)
        #expect(ambiguous.errors.contains("dup is ambiguous: public.dup, \(Self.shownCSI).dup"), "\(ambiguous.errors)")

        // A name with a newline stays on one line of the message.
        let twoColumns = try CLI.pgscalpel(["export", setup.archive, "-t", "\"\(Self.twoLines)\"", "--columns", "id,nope"])
        #expect(twoColumns.status == 2)
        expectPrintable(twoColumns.errors, lines: 1)
        #expect(twoColumns.errors.contains("no column nope in public.\(Self.shownTwoLines)"), "\(twoColumns.errors)")

        let missing = try CLI.pgscalpel(["export", setup.archive, "-t", "\"\(Self.red)\"", "--key", "9"])
        #expect(missing.status == 1)
        #expect(missing.errors == "pgscalpel: no row with key 9 in public.\(Self.shownRed)\n")

        // cat's SQL is data for psql: the names as they are, which psql runs.
        let sql = try CLI.pgscalpel(["cat", setup.archive, "-t", "\"\(Self.red)\""])
        #expect(sql.status == 0)
        #expect(sql.text.contains("CREATE TABLE public.\"\(Self.red)\""))
    }

    @Test func restoreDiffAndApplyReportsEscapeNames() throws {
        let setup = try Setup()
        let restored = try CLI.pgscalpel(["restore", setup.archive, "-t", "\"\(Self.red)\"", "-t", "\"\(Self.twoLines)\"",
                                          "-t", "\"\(Self.csi)\".dup", "--into", setup.target], environment: setup.env)
        #expect(restored.status == 0, "\(restored.errors)")
        expectPrintable(restored.text)
        let rows = restored.text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["public.\(Self.shownRed)", "2"]), "\(restored.text)")
        #expect(rows.contains(["public.\(Self.shownTwoLines)", "1"]), "\(restored.text)")
        #expect(rows.contains(["\(Self.shownCSI).dup", "0"]), "\(restored.text)")
        let json = try CLI.pgscalpel(["restore", setup.archive, "-t", "\"\(Self.red)\"", "--into", setup.target,
                                      "--clean", "--json"], environment: setup.env)
        let report = try #require(try JSONSerialization.jsonObject(with: json.output) as? [String: Any])
        let tables = report["tables"] as? [[String: Any]] ?? []
        #expect((tables.first?["table"] as? [String: Any])?["name"] as? String == Self.red, "\(json.errors)")

        let changed = try CLI.run("psql", ["-X", "-q", "-d", setup.target, "-c",
                                           "UPDATE public.\"\(Self.red)\" SET \"\(Self.title)\" = 'uno' WHERE id = 1"],
                                  environment: setup.env)
        #expect(changed.status == 0, "\(changed.errors)")
        let diff = try CLI.pgscalpel(["diff", setup.archive, "-t", "\"\(Self.red)\"", "--against", setup.target],
                                     environment: setup.env)
        #expect(diff.status == 1, "\(diff.errors)")
        expectPrintable(diff.text)
        #expect(diff.text.hasPrefix("public.\(Self.shownRed): "), "\(diff.text)")
        #expect(diff.text.contains("  \(Self.shownTitle)  1\n"), "\(diff.text)")
        #expect(diff.text.contains("~ id=1: \(Self.shownTitle) 'one' -> 'uno'\n"), "\(diff.text)")

        let plan = try CLI.pgscalpel(["apply", setup.archive, "-t", "\"\(Self.red)\"", "--into", setup.target],
                                     environment: setup.env)
        #expect(plan.status == 3, "\(plan.errors)")
        expectPrintable(plan.text)
        #expect(plan.text.contains("apply public.\(Self.shownRed) from "), "\(plan.text)")
        #expect(plan.text.contains("  \(Self.shownTitle): 1\n"), "\(plan.text)")
    }
}
