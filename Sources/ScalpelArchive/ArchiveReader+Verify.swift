/// What `verify` found wrong in one part of an archive.
public struct Damage: Sendable, Equatable, CustomStringConvertible {
    /// The member's position in the index, nil for problems of the index itself.
    public var member: Int?
    /// Labels of the sections that lose data through this damage.
    public var sections: [String]
    public var message: String

    public var description: String {
        let place = member.map { "member \($0)" } ?? "index"
        let owners = sections.isEmpty ? "" : " (\(sections.joined(separator: ", ")))"
        return "\(place)\(owners): \(message)"
    }
}

extension ArchiveReader {
    /// Checks that the index describes the file (members tile it, sections tile the
    /// stream), then decompresses every member and checks its length and CRC-32.
    /// `consume` sees each intact member's bytes in order (nil for a damaged one), so
    /// a caller can also re-parse the stream and compare it with the index.
    public func verify(progress: (Int, Int) -> Void = { _, _ in },
                       consume: (Int, [UInt8]?) throws -> Void = { _, _ in }) throws -> [Damage] {
        var damage = structuralDamage()
        let owners = sectionLabelsByMember()
        try decompressMembers(0..<index.members.count, label: { owners[$0].joined(separator: ", ") }) { position, result in
            progress(position, index.members.count)
            switch result {
            case .success(let bytes):
                try consume(position, bytes)
            case .failure(let error):
                let message = (error as? ArchiveError)?.message ?? "\(error)"
                damage.append(Damage(member: position, sections: owners[position], message: message))
                try consume(position, nil)
            }
        }
        progress(index.members.count, index.members.count)
        return damage
    }

    private func structuralDamage() -> [Damage] {
        var damage: [Damage] = []
        var compressed: UInt64 = 0
        var uncompressed: UInt64 = 0
        for (position, member) in index.members.enumerated() {
            if member.offset != compressed || member.uncompressedOffset != uncompressed {
                damage.append(Damage(member: position, sections: [], message: "does not follow the previous member in the index"))
            }
            compressed = member.offset + member.length
            uncompressed = member.uncompressedOffset + member.uncompressedLength
        }
        if compressed != footer.indexOffset {
            damage.append(Damage(member: nil, sections: [], message: "the members end at byte \(compressed) but the index starts at \(footer.indexOffset)"))
        }
        var expected: UInt64 = 0
        var memberCursor = 0
        for section in index.sections {
            let members = section.firstMember..<(section.firstMember + section.memberCount)
            let inRange = members.lowerBound >= 0 && members.upperBound <= index.members.count
            let covered = inRange && !members.isEmpty
                ? index.members[members.upperBound - 1].uncompressedOffset + index.members[members.upperBound - 1].uncompressedLength
                  - index.members[members.lowerBound].uncompressedOffset
                : 0
            if section.uncompressedOffset != expected || !inRange || members.lowerBound != memberCursor
                || covered != section.uncompressedLength {
                damage.append(Damage(member: nil, sections: [section.label], message: "the index places this section inconsistently"))
            }
            expected = section.uncompressedOffset + section.uncompressedLength
            memberCursor = members.upperBound
        }
        if expected != uncompressed || memberCursor != index.members.count {
            damage.append(Damage(member: nil, sections: [], message: "the sections do not cover the stream exactly"))
        }
        return damage
    }

    private func sectionLabelsByMember() -> [[String]] {
        var labels = Array(repeating: [String](), count: index.members.count)
        for section in index.sections {
            for member in section.firstMember..<(section.firstMember + section.memberCount) where member < labels.count && member >= 0 {
                labels[member].append(section.label)
            }
        }
        return labels
    }
}
