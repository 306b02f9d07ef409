import TestSupport
import Testing

@testable import DumpParser

@Suite struct ChunkingTests {
    @Test(arguments: Fixture.dumps)
    func eventsDoNotDependOnChunkSize(fixture: String) throws {
        let bytes = try Fixture.bytes(fixture)
        let whole = try Scan.run(bytes, chunkSize: bytes.count)
        for chunkSize in [1, 7, 4096] {
            let chunked = try Scan.run(bytes, chunkSize: chunkSize)
            #expect(chunked.events == whole.events, "chunk size \(chunkSize)")
            #expect(chunked.prologue == whole.prologue, "chunk size \(chunkSize)")
            #expect(chunked.epilogue == whole.epilogue, "chunk size \(chunkSize)")
            #expect(chunked.largestLag <= UInt64(chunkSize) + 4096, "chunk size \(chunkSize)")
        }
    }

    @Test(arguments: Fixture.dumps)
    func sectionsTileTheStream(fixture: String) throws {
        let bytes = try Fixture.bytes(fixture)
        let scan = try Scan.run(bytes, chunkSize: 4096)
        let sections = scan.sections
        #expect(sections.first?.kind == .prologue)
        #expect(sections.last?.kind == .epilogue)
        #expect(sections.dropFirst().dropLast().allSatisfy { $0.kind == .entry })
        var next: UInt64 = 0
        for section in sections {
            #expect(section.offset == next)
            #expect(section.length > 0)
            next = section.offset + section.length
        }
        #expect(next == UInt64(bytes.count))
        let starts = scan.events.compactMap { if case let .sectionStarted(offset) = $0 { offset } else { nil } }
        #expect(starts == sections.map(\.offset))
    }

    @Test(arguments: Fixture.dumps)
    func entriesStartWithTheirRunThenTheirHeader(fixture: String) throws {
        let bytes = try Fixture.bytes(fixture)
        let scan = try Scan.run(bytes, chunkSize: bytes.count)
        for section in scan.sections.dropFirst() {
            let text = scan.text(of: section, in: bytes)
            #expect(text.hasPrefix("\n"), "the blank line before a header starts the section at \(section.offset)")
            #expect(text.hasSuffix("\n"))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .drop { $0.isEmpty || $0.hasPrefix("SET ") || $0.hasPrefix("-- Completed on ") }
            #expect(lines.first == "--", "section at \(section.offset)")
            let second = lines.dropFirst().first ?? ""
            if section.kind == .epilogue {
                #expect(second == "-- PostgreSQL database dump complete")
            } else {
                #expect(["-- TOC entry ", "-- Name: ", "-- Data for Name: ", "-- Statistics for Name: "].contains { second.hasPrefix($0) })
            }
        }
    }
}
