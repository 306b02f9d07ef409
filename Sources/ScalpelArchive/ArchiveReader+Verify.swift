/// What `verify` found wrong in one part of an archive.
public struct Damage: Sendable, Equatable, CustomStringConvertible {
    /// The member's position in the index.
    public var member: Int
    /// Labels of the sections that lose data through this damage.
    public var sections: [String]
    public var message: String

    public var description: String {
        let owners = sections.isEmpty ? "" : " (\(sections.joined(separator: ", ")))"
        return "member \(member)\(owners): \(message)"
    }
}

extension ArchiveReader {
    /// Decompresses every member and checks its length and CRC-32 (that the index
    /// describes the file, members tiling it and sections the stream, was checked
    /// when the archive was opened).
    /// `consume` sees each intact member's bytes in order (nil for a damaged one), so
    /// a caller can also re-parse the stream and compare it with the index.
    public func verify(consume: (Int, [UInt8]?) throws -> Void = { _, _ in }) throws -> [Damage] {
        var damage: [Damage] = []
        let owners = sectionLabelsByMember()
        try decompressMembers(0..<index.members.count, label: { owners[$0].joined(separator: ", ") }) { position, result in
            switch result {
            case .success(let bytes):
                try consume(position, bytes)
            case .failure(let error):
                let message = (error as? ArchiveError)?.message ?? "\(error)"
                damage.append(Damage(member: position, sections: owners[position], message: message))
                try consume(position, nil)
            }
        }
        return damage
    }

    private func sectionLabelsByMember() -> [[String]] {
        var labels = Array(repeating: [String](), count: index.members.count)
        for section in index.sections {
            for member in section.firstMember..<(section.firstMember + section.memberCount) {
                labels[member].append(section.label)
            }
        }
        return labels
    }
}
