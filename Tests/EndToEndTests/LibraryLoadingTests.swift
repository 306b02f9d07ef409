import Foundation
import TestSupport
import Testing

/// Commands that only read an archive must not load libpq: its two dozen shared
/// libraries were most of a short command's start-up time. glibc's loader reports
/// every library it maps when `LD_DEBUG=files` is set.
@Suite struct LibraryLoadingTests {
    @Test func archiveCommandsLeaveLibpqUnloadedAndServerCommandsLoadIt() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("tiny.scalpel.sql.gz")
        let pack = try CLI.shell("'\(CLI.pgscalpel)' pack -f '\(archive)' < '\(Fixture.path("tiny.sql"))'")
        try #require(pack.status == 0, "\(pack.errors)")
        let trace = ["LD_DEBUG": "files"]
        for arguments in [["ls", archive], ["verify", archive], ["cat", archive, "-t", "items"], ["--version"]] {
            let outcome = try CLI.pgscalpel(arguments, environment: trace)
            #expect(outcome.status == 0, "\(arguments): \(outcome.errors)")
            #expect(!outcome.errors.contains("libpq.so"), "\(arguments) loaded libpq")
        }
        let doctor = try CLI.pgscalpel(["doctor", "--json"], environment: trace)
        #expect(doctor.errors.contains("file=libpq.so.5"))
        #expect(doctor.text.contains("\"libpq\""))
    }
}
