import Foundation
import Glibc
import Support
import Testing

@Suite struct SystemCallTests {
    /// The message a user reads is the C library's text for the errno the call left.
    @Test func aFailureCarriesTheErrnoAndItsText() throws {
        let missing = "/nonexistent/pgscalpel-\(UUID().uuidString)"
        #expect(throws: Errno(rawValue: ENOENT)) { try FileDescriptor.open(missing, options: .closeOnExec) }
        #expect(Errno(rawValue: ENOENT).description == "No such file or directory")
        #expect(Errno(rawValue: ENOSPC).description == "No space left on device")
        #expect(throws: Errno(rawValue: ENOENT)) { try FileSystem.checkAccess(missing) }
    }

    @Test func aReadAfterCloseFailsWithEBADF() throws {
        let ends = try FileDescriptor.pipe()
        try ends.writeEnd.close()
        try ends.readEnd.close()
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(throws: Errno.badFileDescriptor) { try ends.readEnd.read(into: &buffer) }
        #expect(throws: Errno.badFileDescriptor) { try ends.writeEnd.writeAll([1]) }
    }

    /// The Linux shims report through the same type: renameat2 without replacing.
    @Test func aRenameThatWouldReplaceFailsWithEEXIST() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let first = try FileDescriptor.makeTemporaryFile(template: "\(folder)/pgscalpel-syscall-XXXXXX")
        let second = try FileDescriptor.makeTemporaryFile(template: "\(folder)/pgscalpel-syscall-XXXXXX")
        defer {
            try? FileSystem.removeFile(first.path)
            try? FileSystem.removeFile(second.path)
        }
        try first.descriptor.writeAll(Array("first".utf8))
        try first.descriptor.sync()
        try first.descriptor.close()
        try second.descriptor.close()
        #expect(first.path != second.path && !first.path.hasSuffix("XXXXXX"))
        #expect(try FileSystem.status(first.path).st_size == 5)
        #expect(throws: Errno.fileExists) { try FileSystem.renameWithoutReplacing(first.path, to: second.path) }
        try FileSystem.rename(first.path, to: second.path)
        #expect(throws: Errno(rawValue: ENOENT)) { try FileSystem.status(first.path) }
    }
}
