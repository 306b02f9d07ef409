/// An index is untrusted input: an archive may come back from a bucket someone
/// else could write, a flaky disk or a hand edit. Every number a reader later uses
/// as an offset, length, count or range is checked here once, when the archive is
/// opened, so that no later subscript or sum can trap or reach past the file.
extension ArchiveIndex {
    /// The smallest gzip member: a 10-byte header, an empty DEFLATE block, the 8-byte trailer.
    static let smallestMember: UInt64 = 20
    /// Members and their sections are held whole in memory: bounded below 2^31
    /// bytes (docs/FORMAT.md), so `Int` conversions and buffer sizes are safe.
    static let largestMember = UInt64(Int32.max)
    /// DEFLATE's most: a 258-byte match in two bits. A reader allocates a member's
    /// uncompressed length before inflating it, so a claim beyond this (a member of
    /// a few bytes said to hold 2 GiB) is refused rather than allocated.
    static let largestInflationRatio: UInt64 = 1032
    /// A gzip member's header and trailer around its DEFLATE data.
    static let gzipFraming: UInt64 = 18

    /// Throws `.indexDamaged` naming the first inconsistency: the format and
    /// version, members that do not tile the file up to the index and the stream
    /// from 0, sections that do not tile the members in order.
    func validate(indexOffset: UInt64, name: String) throws(ArchiveError) {
        func damaged(_ what: String) -> ArchiveError {
            ArchiveError(.indexDamaged, "\(name): \(what); the archive is damaged")
        }
        guard format == "pgscalpel-index" else { throw damaged("the index's format is not pgscalpel-index") }
        guard version == Int(ArchiveLayout.formatVersion) else {
            throw ArchiveError(.unsupportedVersion, "\(name): the index is of format version \(version); "
                + "this pgscalpel reads version \(ArchiveLayout.formatVersion)")
        }
        guard !members.isEmpty else { throw damaged("the index lists no members") }
        guard UInt64(members.count) <= indexOffset / Self.smallestMember else {
            throw damaged("the index lists \(members.count) members, more than \(indexOffset) bytes can hold")
        }
        var fileEnd: UInt64 = 0
        var streamEnd: UInt64 = 0
        for (position, member) in members.enumerated() {
            guard member.offset == fileEnd, member.uncompressedOffset == streamEnd else {
                throw damaged("member \(position) does not follow the previous member in the index")
            }
            guard member.length >= Self.smallestMember, member.length <= Self.largestMember,
                  member.uncompressedLength >= 1, member.uncompressedLength <= Self.largestMember
            else { throw damaged("member \(position) has an impossible size in the index") }
            // length is below 2^31 here: no overflow.
            guard member.uncompressedLength <= (member.length - Self.gzipFraming) * Self.largestInflationRatio else {
                throw damaged("member \(position) is said to inflate to more than its \(member.length) bytes can hold")
            }
            // Both sums are below the file's size and 2^31 times the member count: no overflow.
            fileEnd += member.length
            streamEnd += member.uncompressedLength
            guard fileEnd <= indexOffset else { throw damaged("member \(position) reaches past the start of the index") }
        }
        guard fileEnd == indexOffset else {
            throw damaged("the members end at byte \(fileEnd) but the index starts at \(indexOffset)")
        }
        guard !sections.isEmpty else { throw damaged("the index lists no sections") }
        var memberCursor = 0
        var sectionEnd: UInt64 = 0
        for section in sections {
            guard section.firstMember == memberCursor, section.memberCount >= 1,
                  section.memberCount <= members.count - memberCursor,
                  section.uncompressedOffset == sectionEnd
            else { throw damaged("\(section.label) is placed inconsistently in the index") }
            let last = members[memberCursor + section.memberCount - 1]
            let covered = last.uncompressedOffset + last.uncompressedLength - members[memberCursor].uncompressedOffset
            guard section.uncompressedLength == covered else {
                throw damaged("\(section.label) is placed inconsistently in the index")
            }
            memberCursor += section.memberCount
            sectionEnd += covered
        }
        guard memberCursor == members.count else { throw damaged("the sections do not cover the stream exactly") }
    }
}
