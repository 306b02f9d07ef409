import Foundation
import Testing
import TestSupport

/// An archive is read by offset, so only a file will do: a FIFO (which would block
/// until a writer came), a folder or a device is refused at once, with one line.
@Suite struct NonRegularFileTests {
    @Test func aFifoIsRefusedInsteadOfWaitingForAWriter() throws {
        let scratch = try ScratchFolder()
        let fifo = scratch.file("backup.scalpel.sql.gz")
        #expect(mkfifo(fifo, 0o600) == 0)
        for arguments in [["ls", fifo], ["verify", fifo], ["cat", fifo, "-t", "t"]] {
            // `timeout` turns a wait for a writer into exit status 124.
            let outcome = try CLI.run("timeout", ["10", CLI.pgscalpel] + arguments)
            #expect(outcome.status == 2, "\(arguments): \(outcome.errors)")
            #expect(outcome.errors.contains("\(fifo) is a pipe, not a file"), "\(arguments): \(outcome.errors)")
            #expect(outcome.errors.split(separator: "\n").count == 1, "\(arguments)")
        }
    }

    @Test(arguments: [("/dev/null", "a character device"), ("/tmp", "a folder")])
    func otherNonRegularFilesAreRefused(path: String, kind: String) throws {
        let outcome = try CLI.pgscalpel(["ls", path])
        #expect(outcome.status == 2, "\(outcome.errors)")
        #expect(outcome.errors.contains("\(path) is \(kind), not a file"), "\(outcome.errors)")
    }
}
