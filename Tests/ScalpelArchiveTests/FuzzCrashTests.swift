import Foundation
import ScalpelArchive
import TestSupport
import Testing

/// The inputs with which the index fuzz target (Tests/Fuzz/FuzzIndexJSON) once
/// brought the reader down, kept in Fixtures/fuzz/crashes/index: each is refused,
/// with one clear line, as the fuzz target opens it.
@Suite struct FuzzCrashTests {
    @Test func indexesThatCrashedTheReaderAreRefused() throws {
        let folder = Fixture.path("fuzz/crashes/index")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let archive = try ForgedArchive.around(indexPayload: try Fixture.bytes("fuzz/crashes/index/\(name)"))
            let error = #expect(throws: ArchiveError.self, "\(name)") {
                let reader = try ArchiveReader(source: MemorySource(archive), name: name)
                for section in reader.index.sections { _ = try reader.text(of: section) }
            }
            #expect(error?.message.split(separator: "\n").count == 1, "\(name)")
        }
    }
}
