import Testing

@testable import DumpParser

@Suite struct TOCHeaderTests {
    @Test func plainHeader() throws {
        let header = try #require(TOCHeader(nameLine: "-- Name: t; Type: TABLE; Schema: public; Owner: postgres"))
        #expect(header == TOCHeader(name: "t", type: "TABLE", schema: "public", owner: "postgres"))
    }

    @Test func dataHeaderWithTablespace() throws {
        let header = try #require(TOCHeader(
            nameLine: "-- Data for Name: t; Type: TABLE DATA; Schema: s; Owner: o; Tablespace: fast"))
        #expect(header == TOCHeader(isData: true, name: "t", type: "TABLE DATA", schema: "s", owner: "o", tablespace: "fast"))
    }

    @Test func hyphenMeansNone() throws {
        let header = try #require(TOCHeader(nameLine: "-- Data for Name: BLOBS; Type: BLOBS; Schema: -; Owner: -"))
        #expect(header.schema == nil)
        #expect(header.owner == nil)
    }

    @Test func separatorsInsideTheName() throws {
        let header = try #require(TOCHeader(
            nameLine: "-- Name: a; Type: TABLE; Schema: b; Type: SEQUENCE; Schema: public; Owner: me"))
        #expect(header.name == "a; Type: TABLE; Schema: b")
        #expect(header.type == "SEQUENCE")
        #expect(header.schema == "public")
    }

    @Test func separatorsInsideTheOwner() throws {
        let header = try #require(TOCHeader(
            nameLine: "-- Name: t; Type: VIEW; Schema: s; Owner: x; Type: TABLE; Schema: y"))
        #expect(header.name == "t")
        #expect(header.type == "VIEW")
        #expect(header.owner == "x; Type: TABLE; Schema: y")
    }

    @Test func unknownTypeFallsBackToTheFirstSplit() throws {
        let header = try #require(TOCHeader(nameLine: "-- Name: t; Type: NEW THING; Schema: s; Owner: o"))
        #expect(header.type == "NEW THING")
        #expect(header.name == "t")
    }

    @Test func otherCommentsAreNotHeaders() {
        #expect(TOCHeader(nameLine: "-- Name: just a comment") == nil)
        #expect(TOCHeader(nameLine: "-- Dumped by pg_dump version 15") == nil)
    }

    @Test func entryAndDependencyLines() {
        #expect(TOCHeader.dumpID(entryLine: "-- TOC entry 216 (class 1255 OID 16395)") == 216)
        #expect(TOCHeader.dependencies(line: "-- Dependencies: 215 3 7") == [215, 3, 7])
        #expect(TOCHeader.dependencies(line: "-- Dependencies: x") == nil)
    }

    @Test func blockNeedsItsFrame() {
        var recognizer = HeaderBlockRecognizer()
        #expect(recognizer.feed("-- Name: t; Type: TABLE; Schema: public; Owner: o") == nil)
        #expect(recognizer.feed("--") == nil)
        #expect(recognizer.feed("-- TOC entry 5 (class 1259 OID 1)") == nil)
        #expect(recognizer.feed("-- Dependencies: 4") == nil)
        #expect(recognizer.feed("-- Name: t; Type: TABLE; Schema: public; Owner: o") == nil)
        let block = recognizer.feed("--")
        #expect(block == .entry(TOCHeader(dumpID: 5, dependencies: [4], name: "t", type: "TABLE", schema: "public", owner: "o")))
        #expect(recognizer.feed("--") == nil)
        #expect(recognizer.feed("-- PostgreSQL database dump complete") == nil)
        #expect(recognizer.feed("--") == .epilogue)
    }
}
