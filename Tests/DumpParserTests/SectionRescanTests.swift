import Testing

@testable import DumpParser

/// One section scanned alone, as readers hold it against the index.
@Suite struct SectionRescanTests {
    private func rescan(_ text: String) throws -> [DumpSection] {
        var rescan = SectionRescan()
        _ = Array(text.utf8).withUnsafeBytes { rescan.consume($0) }
        return try rescan.finish()
    }

    private let header = "\n\n--\n-- Data for Name: t; Type: TABLE DATA; Schema: public; Owner: -\n--\n\n"

    @Test func pgDumpsDataSectionHasNoStatementAfterItsCopy() throws {
        let found = try rescan(header + "COPY public.t (a) FROM stdin;\n1\n2\n\\.\n\n\n")
        #expect(found.count == 1)
        #expect(found.first?.rows == 2)
        #expect(found.first?.statementsAfterCopy == 0)
    }

    /// Found by scripts/hostile-archives: SQL put after the `\.` of a section's COPY
    /// data, with the row count kept, passed the check; `cat` printed it for psql
    /// and `export` silently stopped at the first `\.`.
    @Test func statementsAfterTheCopyDataAreCounted() throws {
        let found = try rescan(header + "COPY public.t (a) FROM stdin;\n1\n\\.\nDROP TABLE public.u;\n"
            + "COPY public.u (a) FROM stdin;\n2\n\\.\n")
        #expect(found.count == 1)
        #expect(found.first?.statementsAfterCopy == 2)
    }

    /// Readers hold the index's client_encoding against the prologue scanned alone.
    @Test func aPrologueScannedAloneKeepsItsSettings() throws {
        var scanner = DumpScanner()
        _ = Array("SET client_encoding = 'SJIS';\nSET standard_conforming_strings = on;\n".utf8)
            .withUnsafeBytes { scanner.consume($0) }
        _ = try scanner.finish(requiringEpilogue: false)
        #expect(scanner.prologue.settings.map(\.name) == ["client_encoding", "standard_conforming_strings"])
        #expect(scanner.prologue.settings.first?.value == "SJIS")
    }
}
