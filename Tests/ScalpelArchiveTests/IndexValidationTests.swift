import Foundation
import Testing
@testable import ScalpelArchive
import TestSupport

/// Indexes edited by hand, with their checksums made right again: what an
/// attacker who can write the bucket, or a careless edit, produces. Each must be
/// refused with an `ArchiveError` when the archive is opened, never trap later.
@Suite struct IndexValidationTests {
    let texts = [
        "-- prologue\n",
        "--\n-- Name: a; Type: TABLE DATA; Schema: public; Owner: me\n--\n\n" + String(repeating: "row of a\n", count: 40),
        "--\n-- Name: b; Type: TABLE DATA; Schema: public; Owner: me\n--\n\n" + String(repeating: "row of b\n", count: 40),
    ]

    /// The archive with its index member and footer rewritten around `edit`'s index.
    func reindexed(_ archive: (bytes: [UInt8], index: ArchiveIndex), version: UInt16 = ArchiveLayout.formatVersion,
                   _ edit: (inout ArchiveIndex) -> Void) throws -> [UInt8] {
        var index = archive.index
        edit(&index)
        let payload = try IndexCodec.encode(index)
        let member = try payload.withUnsafeBytes { input in
            GzipMember.frame(deflated: try LibdeflateDeflater(level: 6).deflate(input), crc: crc32(input),
                             uncompressedLength: input.count)
        }
        let dataEnd = Int(archive.index.compressedSize)
        let footer = Footer(version: version, indexOffset: UInt64(dataEnd), indexCompressedLength: UInt64(member.count),
                            indexPayloadLength: UInt64(payload.count), indexCRC: crc32(payload))
        return Array(archive.bytes[0..<dataEnd]) + member + footer.encoded()
    }

    func refusal(_ bytes: [UInt8]) -> ArchiveError? {
        #expect(throws: ArchiveError.self) { _ = try ArchiveReader(source: MemorySource(bytes), name: "edited") }
    }

    @Test func theUneditedArchiveOpens() throws {
        let archive = try makeArchive(texts)
        let bytes = try reindexed(archive) { _ in }
        #expect(try ArchiveReader(source: MemorySource(bytes), name: "same").index == archive.index)
    }

    enum Edit: String, CaseIterable, Sendable {
        case memberCountPastTheEnd, firstMemberPastTheEnd, negativeFirstMember, noMembers, noSections
        case memberCountZero, sectionListedTwice, memberLengthNear2To64, uncompressedLengthNear2To64
        case memberMoved, membersSwapped, sectionLongerThanItsMembers, anotherFormat, memberInflatingToGigabytes

        func apply(to index: inout ArchiveIndex) {
            switch self {
            case .memberCountPastTheEnd: index.sections[1].memberCount = Int.max - 1
            case .firstMemberPastTheEnd: index.sections[2].firstMember = 1_000_000
            case .negativeFirstMember: index.sections[1].firstMember = -3
            case .noMembers: index.members = []
            case .noSections: index.sections = []
            case .memberCountZero: index.sections[1].memberCount = 0
            case .sectionListedTwice: index.sections.insert(index.sections[1], at: 2)
            case .memberLengthNear2To64: index.members[0].length = .max - 10
            case .uncompressedLengthNear2To64: index.members[1].uncompressedLength = .max
            case .memberMoved: index.members[1].offset += 1
            case .membersSwapped: index.members.swapAt(1, 2)
            case .sectionLongerThanItsMembers: index.sections[1].uncompressedLength += 1
            case .anotherFormat: index.format = "something-else"
            // Its section grown to match, so that only the member's claim is wrong.
            case .memberInflatingToGigabytes:
                let growth = UInt64(Int32.max) - index.members[index.members.count - 1].uncompressedLength
                index.members[index.members.count - 1].uncompressedLength += growth
                index.sections[index.sections.count - 1].uncompressedLength += growth
            }
        }
    }

    @Test(arguments: Edit.allCases)
    func anInconsistentIndexIsRefusedWhenOpened(edit: Edit) throws {
        let error = refusal(try reindexed(try makeArchive(texts), edit.apply))
        #expect(error?.code == .indexDamaged)
        #expect(error?.message.split(separator: "\n").count == 1)
    }

    @Test func anotherIndexVersionIsRefused() throws {
        let error = refusal(try reindexed(try makeArchive(texts)) { $0.version = 2 })
        #expect(error?.code == .unsupportedVersion)
    }

    @Test func reservedFooterBytesAreChecked() throws {
        let archive = try reindexed(try makeArchive(texts)) { _ in }
        let footerStart = archive.count - ArchiveLayout.footerSize
        for position in [4, 8, 9, 27] {
            var edited = archive
            edited[footerStart + position] ^= 0x01
            #expect(refusal(edited)?.code == .noFooter, "footer byte \(position)")
        }
        #expect(refusal(try reindexed(try makeArchive(texts), version: 2) { _ in })?.code == .unsupportedVersion)
    }

    /// A footer that claims a gigabyte of index from a small file is refused before
    /// anything that size is allocated.
    @Test func anIndexBombIsRefusedBeforeItIsInflated() throws {
        var archive = try reindexed(try makeArchive(texts)) { _ in }
        let footerStart = archive.count - ArchiveLayout.footerSize
        var claimed: [UInt8] = []
        claimed.appendLittleEndian(UInt64(1 << 30))
        archive.replaceSubrange((footerStart + 44)..<(footerStart + 52), with: claimed)
        let error = refusal(archive)
        #expect(error?.code == .indexDamaged)
        #expect(error?.message.contains("more than an archive of") == true)
    }
}
