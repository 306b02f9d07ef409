import Foundation
import Testing
@testable import ScalpelArchive

@Suite struct AtomicFileSinkTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Several writeback steps, in writes that straddle them, come back byte for byte.
    @Test func aFileLargerThanTheWritebackStepIsWrittenWhole() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.sql.gz"
        let piece = (0..<(1 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let sink = try AtomicFileSink(path: path)
        var expected: [UInt8] = []
        for round in 0..<(3 * AtomicFileSink.writebackStep / piece.count + 1) {
            let bytes = piece.map { $0 ^ UInt8(truncatingIfNeeded: round) }
            try sink.write(bytes)
            expected += bytes
        }
        // Unnamed until the commit: nothing in the folder that a kill -9 could leave.
        #expect(sink.temporaryPath == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        try sink.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["big.sql.gz"])
    }

    /// A file that appears under the name while the sink writes wins: without
    /// `replacing`, the commit fails, keeps it and removes its own temporary file.
    @Test func withoutReplacingAFileThatAppearedMeanwhileIsKept() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/race.sql.gz"
        let sink = try AtomicFileSink(path: path, replacing: false)
        try sink.write([1, 2, 3])
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ArchiveError.self) { try sink.commit() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("theirs".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["race.sql.gz"])

        let fresh = try AtomicFileSink(path: dir + "/new.sql.gz", replacing: false)
        try fresh.write([4, 5])
        try fresh.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/new.sql.gz")) == Data([4, 5]))
    }

    /// With `replacing`, the new file takes the old one's place in one step, and
    /// the hidden name it passes through is gone.
    @Test func replacingTakesTheOldFilesPlace() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/daily.sql.gz"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let sink = try AtomicFileSink(path: path, replacing: true)
        try sink.write(Array("new".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
        try sink.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["daily.sql.gz"])
    }

    @Test func discardLeavesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sink = try AtomicFileSink(path: dir + "/gone.sql.gz")
        try sink.write([UInt8](repeating: 7, count: AtomicFileSink.writebackStep + 1))
        sink.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
