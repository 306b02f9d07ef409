import Foundation
@testable import ScalpelArchive
import Testing
import TestSupport

/// What scripts/hostile-archives found in sections whose bytes are not what the
/// index says, through the commands an operator runs.
@Suite struct HostileSectionTests {
    /// SQL after a table's COPY data, in the same section, with its rows still
    /// counted right: `cat` passed it on for psql to run, `export` wrote the rows
    /// up to the first `\.` and said nothing of the rest.
    @Test func statementsAfterTheCopyDataAreDamageInEveryCommand() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("after.scalpel.sql.gz")
        var dump = try String(contentsOfFile: Fixture.path("awkward-verbose.sql"), encoding: .utf8)
        let last = "1500\tnew\\nline and back\\\\slash\tsad\t1501\n\\.\n"
        #expect(dump.contains(last))
        dump = dump.replacingOccurrences(of: last, with: "1500\tnew\\nline and back\\\\slash\tsad\t1501\n\\.\n"
            + "DROP TABLE public.lookalike;\n")
        let pack = try CLI.pgscalpel(["pack", "-f", archive], input: Data(dump.utf8))
        try #require(pack.status == 0, "\(pack.errors)")
        for arguments in [["cat", archive, "-t", "plain"], ["cat", archive, "-t", "plain", "--data-only"],
                          ["export", archive, "-t", "plain"], ["export", archive, "-t", "plain", "--format", "copy"]] {
            let outcome = try CLI.pgscalpel(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.errors.contains("then 1 more statements"), "\(arguments): \(outcome.errors)")
            #expect(!outcome.text.contains("DROP TABLE public.lookalike"), "\(arguments)")
        }
        let verify = try CLI.pgscalpel(["verify", archive])
        #expect(verify.status == 1)
        #expect(verify.text.contains("TABLE DATA public.plain: 1 statements after its COPY data"), "\(verify.text)")
    }

    /// A section in one member whose row count the index misstates: its rows were
    /// printed before the count was found wrong. Now a section reaches the output
    /// only once it passed the check whole.
    @Test func aSectionInOneMemberIsPrintedOnlyOnceItPassed() throws {
        let scratch = try ScratchFolder()
        let archive = try RestoreCommandTests.pack(into: scratch)
        try rewriteIndex(of: archive) { index in
            let data = index.sections.firstIndex { $0.type == "TABLE DATA" && $0.name == "plain" }!
            index.sections[data].rows! -= 1
        }
        for arguments in [["cat", archive, "-t", "plain", "--data-only"], ["export", archive, "-t", "plain", "--format", "copy"]] {
            let outcome = try CLI.pgscalpel(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.errors.split(separator: "\n").count == 1, "\(arguments)")
            #expect(!outcome.text.contains("tab\\there"), "\(arguments)")
        }
    }
}
