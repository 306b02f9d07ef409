@testable import Recovery
import Testing
import TestSupport

/// The table `backup`'s progress line names while a big table's COPY streams by.
@Suite struct BuilderProgressTests {
    @Test func theTableNamedIsTheOneWhoseDataIsStreaming() throws {
        let rows = (1...50_000).map { "\($0)\t\(String(repeating: "x", count: 40))\n" }.joined()
        let dump = """
            --
            -- PostgreSQL database dump
            --

            SET client_encoding = 'UTF8';

            --
            -- Data for Name: small; Type: TABLE DATA; Schema: public; Owner: -
            --

            COPY public.small (id) FROM stdin;
            1
            \\.


            --
            -- Data for Name: big; Type: TABLE DATA; Schema: public; Owner: -
            --

            COPY public.big (id, v) FROM stdin;
            \(rows)\\.


            --
            -- Name: big big_pkey; Type: CONSTRAINT; Schema: public; Owner: -
            --

            ALTER TABLE ONLY public.big
                ADD CONSTRAINT big_pkey PRIMARY KEY (id);


            --
            -- PostgreSQL database dump complete
            --

            """
        let bytes = Array(dump.utf8)
        let builder = try ArchiveBuilder(sink: MemorySink(), memberLimit: 64 << 10)
        var named: [String?] = []
        // Chunks as pg_dump's pipe hands them over: the big COPY spans many.
        for start in stride(from: 0, to: bytes.count, by: 64 << 10) {
            try bytes[start..<min(start + (64 << 10), bytes.count)].withUnsafeBytes { try builder.consume($0) }
            named.append(builder.currentTable?.description)
        }
        let inBigCopy = named.dropFirst().dropLast()
        #expect(!inBigCopy.isEmpty && inBigCopy.allSatisfy { $0 == "public.big" }, "\(named)")
        #expect(named.last == .some(nil), "past the data, in the constraint: no table's data streams")
    }
}
