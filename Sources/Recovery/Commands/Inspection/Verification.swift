import DumpParser
import ScalpelArchive

/// `pgscalpel verify`: every member's length and CRC, the index's checksum, and
/// that the index agrees with the stream — checked by parsing the decompressed
/// stream again and comparing each section's place, type and row count.
public struct Verification: Codable, Sendable {
    public var archive: String
    public var members: Int
    public var sections: Int
    public var problems: [String]
    public var ok: Bool

    public init(path: String, progress: Progress? = nil) throws {
        let reader = try ArchiveReader.open(path, checkingSettings: false)
        archive = path
        members = reader.index.members.count
        sections = reader.index.sections.count
        var scanner: DumpScanner? = DumpScanner(checksFields: true)
        var found: [DumpSection] = []
        let memberList = reader.index.members
        progress?.begin("checking", bytes: memberList.reduce(0) { $0 + $1.uncompressedLength })
        let damage = try reader.verify { member, bytes in
            // A large member arrives in pieces: each counts its own bytes. Once a member is
            // lost the rest of the stream cannot be re-parsed; the CRC checks still go on.
            progress?.advance(bytes: bytes.map { UInt64($0.count) } ?? memberList[member].uncompressedLength)
            guard let bytes else { scanner = nil; return }
            guard scanner != nil else { return }
            for event in bytes.withUnsafeBytes({ scanner!.consume($0) }) {
                if case .sectionEnded(let section) = event { found.append(section) }
            }
        }
        progress?.finish()
        problems = damage.map(\.description)
        if var scanner {
            do {
                for event in try scanner.finish() {
                    if case .sectionEnded(let section) = event { found.append(section) }
                }
                problems += scanner.malformedRows.map(\.description)
                let stream = SectionIndexing.sections(from: found)
                problems += Self.disagreements(index: reader.index, stream: stream)
                problems += zip(found, stream).filter { $0.0.statementsAfterCopy > 0 }.map { found, parsed in
                    "\(parsed.label): \(found.statementsAfterCopy) statements after its COPY data, which pg_dump never writes"
                }
                let implied = DumpSettings.implied(by: scanner.prologue)
                problems += implied.keys.sorted().filter { reader.index.dump.settings[$0] != implied[$0] }.map {
                    "the index's \($0) setting is not the one the dump sets (\(implied[$0]!))"
                }
            } catch {
                problems.append("the stream is not a complete pg_dump: \(error)")
            }
        }
        ok = problems.isEmpty
    }

    static func disagreements(index: ArchiveIndex, stream: [Section]) -> [String] {
        var problems: [String] = []
        if index.sections.count != stream.count {
            problems.append("the index lists \(index.sections.count) sections, the stream holds \(stream.count)")
        }
        for (indexed, parsed) in zip(index.sections, stream) {
            if indexed.uncompressedOffset != parsed.uncompressedOffset || indexed.uncompressedLength != parsed.uncompressedLength
                || indexed.type != parsed.type || indexed.table != parsed.table || indexed.rows != parsed.rows
                || indexed.columns != parsed.columns {
                problems.append("\(indexed.label): the index does not match the stream (stream has \(parsed.label)"
                    + (parsed.rows.map { ", \($0) rows" } ?? "") + ")")
            }
        }
        return problems
    }

    public func renderText() -> String {
        if ok { return printableLines(["\(archive): OK (\(members) members, \(sections) sections)"]) }
        return printableLines(problems.map { "\(archive): \($0)" } + ["\(archive): DAMAGED (\(problems.count) problems)"])
    }
}

extension Verification: CommandOutcome {
    /// Any damage.
    public var exitStatus: ExitStatus { ok ? .success : .checkFailed }
}
