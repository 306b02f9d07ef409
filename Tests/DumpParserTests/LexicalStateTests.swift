import Support
import Testing

@testable import DumpParser

/// Single constructs the fixtures cannot produce (pg_dump never writes them at
/// top level) but a lexer must still get right.
@Suite struct LexicalStateTests {
    private let ghost = "\n--\n-- Name: ghost; Type: TABLE; Schema: public; Owner: postgres\n--\n"

    private func entryNames(_ body: String) throws -> [String] {
        let text = syntheticDump(body)
        let whole = try Scan.run(text)
        for chunkSize in [1, 3] {
            #expect(try Scan.run(text, chunkSize: chunkSize).events == whole.events)
        }
        return whole.entries.compactMap { $0.header?.name }
    }

    @Test func blockCommentsNest() throws {
        #expect(try entryNames("/* outer /* inner */ \(ghost) */ CREATE TABLE public.first (a integer);") == ["first", "last"])
    }

    @Test func escapeStringsEscapeQuotes() throws {
        #expect(try entryNames("COMMENT ON TABLE public.first IS E'it\\'s \\\\\(ghost)';") == ["first", "last"])
        #expect(try entryNames("COMMENT ON TABLE public.first IS 'it''s \(ghost)';") == ["first", "last"])
    }

    @Test func dollarQuotesNeedTheirOwnTag() throws {
        let body = "CREATE FUNCTION public.a$b(integer) RETURNS text AS $x$ $$ $x $1 \(ghost) $x$ LANGUAGE sql;"
        #expect(try entryNames(body) == ["first", "last"])
    }

    @Test func positionalParametersAreNotDollarQuotes() throws {
        let body = "PREPARE p AS SELECT $1;\n\(ghost)\nCREATE TABLE public.ghost (a integer);"
        #expect(try entryNames(body) == ["first", "ghost", "last"])
    }

    @Test func quotedIdentifiersHideHeaders() throws {
        #expect(try entryNames("CREATE TABLE public.\"x\(ghost)\" (a integer);") == ["first", "last"])
    }

    @Test func atomicBodiesKeepTheirSemicolons() throws {
        let body = """
            CREATE OR REPLACE FUNCTION public.f(a integer) RETURNS integer
                LANGUAGE sql
                BEGIN ATOMIC
             SELECT CASE WHEN (a > 0) THEN 1 ELSE 2 END AS "case";
             SELECT 1;
            END;
            """
        let text = syntheticDump(body)
        let scan = try Scan.run(text)
        #expect(scan.entries.map { $0.object } == [QualifiedName("public", "f"), QualifiedName("public", "last")])
    }

    /// `begin` is not a reserved word, so pg_dump does not quote a parameter of that name.
    @Test func routineParametersNamedBeginDoNotOpenABody() throws {
        let body = """
            CREATE FUNCTION public.f(begin integer, "end" integer) RETURNS integer
                LANGUAGE sql
                RETURN CASE WHEN begin > 0 THEN 1 ELSE 2 END;
            \(ghost)
            CREATE TABLE public.ghost (a integer);
            """
        #expect(try entryNames(body) == ["first", "ghost", "last"])
    }

    @Test func semicolonsInsideParenthesesDoNotEndStatements() throws {
        #expect(try entryNames("CREATE RULE r AS ON INSERT TO public.first DO (NOTIFY a; NOTIFY b);") == ["first", "last"])
    }

    @Test func commentOnlyLinesBetweenStatementsKeepTheRun() throws {
        let body = "CREATE TABLE public.first (a integer); -- trailing\n/* block */\n\(ghost)\nCREATE TABLE public.ghost (a integer);"
        let scan = try Scan.run(syntheticDump(body))
        #expect(scan.entries.map { $0.header?.name } == ["first", "ghost", "last"])
    }

    @Test func copyTerminatorNeedsAWholeLine() throws {
        let body = "COPY public.first (a) FROM stdin;\n\\.x\n\\\\.\n \\.\n\\\n\n\\.\r\n\(ghost)\nCREATE TABLE public.ghost (a integer);"
        let scan = try Scan.run(syntheticDump(body))
        #expect(scan.entries.first?.rows == 5)
        #expect(scan.entries.map { $0.header?.name } == ["first", "ghost", "last"])
        #expect(try Scan.run(syntheticDump(body), chunkSize: 1).events == scan.events)
    }

    @Test func zeroColumnCopy() throws {
        let scan = try Scan.run(syntheticDump("COPY public.first  FROM stdin;\n\n\n\\.\n"))
        let first = try #require(scan.entries.first)
        #expect(first.copyTarget == QualifiedName("public", "first"))
        #expect(first.copyColumns == nil)
        #expect(first.rows == 2)
    }

    @Test func insertDumpsNameTheirTable() throws {
        let text = syntheticDump("INSERT INTO public.first VALUES (1, 'a;b');\nINSERT INTO public.first VALUES (2, 'c');")
            .replacingOccurrences(of: "-- Name: first; Type: TABLE;", with: "-- Data for Name: first; Type: TABLE DATA;")
        let first = try #require(try Scan.run(text).entries.first)
        #expect(first.table == QualifiedName("public", "first"))
        #expect(first.copyTarget == nil)
        #expect(first.rows == nil)
    }

    @Test func stableOffsetWaitsForTheRun() throws {
        var scanner = DumpScanner()
        let head = "--\n-- PostgreSQL database dump\n--\n\nSET x = 1;\n\nSET default_tablespace = '';\n\n--\n"
        _ = Array(head.utf8).withUnsafeBytes { scanner.consume($0) }
        let runStart = UInt64("--\n-- PostgreSQL database dump\n--\n\nSET x = 1;\n".utf8.count)
        #expect(scanner.stableOffset == runStart)
        let header = "-- Name: t; Type: TABLE; Schema: public; Owner: postgres\n--\n"
        let events = Array(header.utf8).withUnsafeBytes { scanner.consume($0) }
        #expect(events.last == .sectionStarted(offset: runStart))
        #expect(scanner.prologue.settings.map(\.name) == ["x"])
        let statement = "\nCREATE TABLE public.t (a integer);\n"
        _ = Array(statement.utf8).withUnsafeBytes { scanner.consume($0) }
        #expect(scanner.stableOffset == UInt64((head + header + statement).utf8.count))
    }
}
