import Testing
import TestSupport
@testable import ScalpelArchive

/// Members over `ArchiveReader.wholeMemberLimit`, which the format allows and
/// another writer (or an edited index) may give: read in pieces, so that an index
/// claiming gigabytes for a small member cannot make a reader hold them. Found by
/// scripts/hostile-archives: a 300 MiB member of zeros took `cat` past 1 GiB.
@Suite struct LargeMemberTests {
    /// One 20 MiB section in one member, its text varied so that it is not all one run.
    static func largeArchive() throws -> (bytes: [UInt8], index: ArchiveIndex, text: [UInt8]) {
        let line = "--\n-- Data for Name: big; Type: TABLE DATA; Schema: public; Owner: -\n--\n\n"
        var text = line
        var row = 0
        while text.utf8.count < 20 << 20 {
            text += "\(row)\tsome text for row \(row)\n"
            row += 1
        }
        let archive = try makeArchive([text], memberLimit: 32 << 20, chunk: 1 << 20)
        #expect(archive.index.members.count == 1)
        return (archive.bytes, archive.index, Array(text.utf8))
    }

    @Test func aLargeMemberIsReadInPiecesOfAtMostOneMiB() throws {
        let archive = try Self.largeArchive()
        let reader = try ArchiveReader(source: MemorySource(archive.bytes), name: "mem")
        var pieces: [[UInt8]] = []
        try reader.read(reader.index.sections[0]) { pieces.append($0) }
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.count <= PiecewiseInflater.pieceSize })
        #expect(Array(pieces.joined()) == archive.text)
        #expect(try reader.verify().isEmpty)
    }

    /// The member is checked whole before its first piece is passed on.
    @Test func aDamagedLargeMemberPassesNothingOn() throws {
        var archive = try Self.largeArchive()
        let member = archive.index.members[0]
        archive.bytes[Int(member.offset + member.length) - 9] ^= 0x01  // the CRC-32 in its trailer
        let reader = try ArchiveReader(source: MemorySource(archive.bytes), name: "mem")
        var passed = 0
        let error = #expect(throws: ArchiveError.self) { try reader.read(reader.index.sections[0]) { passed += $0.count } }
        #expect(error?.code == .memberDamaged)
        #expect(passed == 0)
        #expect(try reader.verify().count == 1)
    }
}
