import Foundation
import Support
import TestSupport
import Testing

@testable import DumpParser

extension Fixture {
    /// The dumps every scanner test runs over.
    static let dumps = [
        "awkward.sql", "awkward-verbose.sql", "awkward-partition-root.sql", "awkward-inserts.sql", "blobs-verbose.sql",
        "empty.sql", "pg18-statistics.sql",
    ]

    /// How many entries of each type `pg_restore -l` lists for the awkward database,
    /// leaving out the ones plain output never prints.
    static func expectedTypeCounts() throws -> [String: Int] {
        let listing = String(decoding: try bytes("awkward.toc"), as: UTF8.self)
        var counts: [String: Int] = [:]
        let longestFirst = TOCDescriptors.all.sorted { $0.count > $1.count }
        for line in listing.split(separator: "\n") where !line.hasPrefix(";") {
            let rest = line.split(separator: " ", maxSplits: 3).dropFirst(3).first.map(String.init) ?? ""
            guard let type = longestFirst.first(where: { rest.hasPrefix($0 + " ") }) else {
                Issue.record("no known type in TOC line \(line)")
                continue
            }
            // Archive entries that plain output applies in its prologue instead of printing.
            if !["ENCODING", "STDSTRINGS", "SEARCHPATH"].contains(type) { counts[type, default: 0] += 1 }
        }
        return counts
    }
}

/// Everything a scan of a whole stream produced.
struct Scan {
    var events: [DumpEvent] = []
    var prologue = DumpPrologue()
    var epilogue = DumpEpilogue()
    /// The largest distance seen between the bytes consumed and `stableOffset`.
    var largestLag: UInt64 = 0

    var sections: [DumpSection] {
        events.compactMap { if case let .sectionEnded(section) = $0 { section } else { nil } }
    }

    var entries: [DumpSection] { sections.filter { $0.kind == .entry } }

    func entries(ofType type: String) -> [DumpSection] {
        entries.filter { $0.header?.type == type }
    }

    func entry(_ type: String, named name: String) -> DumpSection? {
        let matches = entries.filter { $0.header?.type == type && $0.header?.name == name }
        #expect(matches.count == 1, "expected one \(type) entry named \(name), found \(matches.count)")
        return matches.first
    }

    func text(of section: DumpSection, in bytes: [UInt8]) -> String {
        String(decoding: bytes[Int(section.offset)..<Int(section.offset + section.length)], as: UTF8.self)
    }

    /// Feeds `bytes` in chunks of `chunkSize`, checking on the way that no
    /// section ever starts before an offset already reported stable.
    static func run(_ bytes: [UInt8], chunkSize: Int) throws -> Scan {
        var scanner = DumpScanner()
        var scan = Scan()
        var stable: UInt64 = 0
        var consumed = 0
        func check(_ events: [DumpEvent]) {
            for case let .sectionStarted(offset) in events {
                #expect(offset >= stable, "section at \(offset) starts before stable offset \(stable)")
            }
        }
        try bytes.withUnsafeBytes { buffer in
            while consumed < buffer.count {
                let end = min(buffer.count, consumed + chunkSize)
                let events = scanner.consume(UnsafeRawBufferPointer(rebasing: buffer[consumed..<end]))
                consumed = end
                check(events)
                scan.events += events
                #expect(scanner.stableOffset >= stable, "stable offset went back")
                #expect(scanner.stableOffset <= UInt64(consumed))
                stable = scanner.stableOffset
                scan.largestLag = max(scan.largestLag, UInt64(consumed) - stable)
            }
            let events = try scanner.finish()
            check(events)
            scan.events += events
        }
        scan.prologue = scanner.prologue
        scan.epilogue = scanner.epilogue
        return scan
    }

    static func run(_ text: String, chunkSize: Int = .max) throws -> Scan {
        try run(Array(text.utf8), chunkSize: chunkSize)
    }
}

/// A minimal well-formed dump around `body`, for tests of single constructs.
func syntheticDump(_ body: String) -> String {
    """
    --
    -- PostgreSQL database dump
    --

    SET client_encoding = 'UTF8';
    SET standard_conforming_strings = on;

    --
    -- Name: first; Type: TABLE; Schema: public; Owner: postgres
    --

    \(body)

    --
    -- Name: last; Type: TABLE; Schema: public; Owner: postgres
    --

    CREATE TABLE public.last (a integer);

    --
    -- PostgreSQL database dump complete
    --


    """
}

extension QualifiedName {
    init(_ schema: String?, _ name: String) {
        self.init(schema: schema, name: name)
    }
}
