import Support
import Testing
import DumpParser
@testable import Recovery
import ScalpelArchive

/// The SQL reading restore does itself: statements, names, and COPY data in chunks.
@Suite struct SectionStatementTests {
    @Test func statementsSplitAtTopLevelSemicolonsOnly() {
        let sql = """
            \\restrict abc
            SET a = 'x;y';
            --
            -- Name: f; Type: FUNCTION
            --
            CREATE FUNCTION public.f(a integer) RETURNS integer
                LANGUAGE sql
                BEGIN ATOMIC
             SELECT CASE WHEN (a > 0) THEN 1 ELSE 0 END AS "c;";
             SELECT 2;
            END;
            CREATE FUNCTION public.g() RETURNS text LANGUAGE plpgsql AS $_$ BEGIN RETURN ';'; END $_$;
            /* a ; comment */ ALTER FUNCTION public.g() OWNER TO "Odd Role";
            GRANT SELECT ON TABLE public.t TO reader;
            """
        let statements = SectionStatement.split(Array(sql.utf8))
        #expect(statements.map(\.firstWord) == ["set", "create", "create", "alter", "grant"])
        #expect(statements[1].text.hasSuffix("SELECT 2;\nEND;"))
        #expect(statements[1].text.contains("-- Name: f; Type: FUNCTION"))
        #expect(statements[3].newOwner == "Odd Role")
        #expect(statements[4].grantee == "reader")
        #expect(statements.allSatisfy { !$0.text.contains("\\restrict") })
        #expect(statements[0].newOwner == nil)
    }

    /// `--inserts` data arrives a member at a time: cut anywhere, inside a string, a
    /// dollar quote, a comment or a multi-byte character, the complete statements
    /// handed on and the rest split at the end are the whole text's statements.
    @Test func statementsInChunksAreTheStatementsOfTheWhole() {
        let sql = """
            INSERT INTO public."select" ("from", "to") VALUES
            	(1, 'a;b'),
            	(2, E'it\\'s; é');
            /* a ; comment */ INSERT INTO public.t VALUES (3, $x$ ; $$ ; $x$);
            -- a ; line comment
            INSERT INTO public.t VALUES (4, '日本;語'), (5, NULL);
            INSERT INTO public.nocols DEFAULT VALUES;

            """
        let bytes = Array(sql.utf8)
        let whole = SectionStatement.split(bytes).map(\.text)
        #expect(whole.count == 4)
        for size in 1...bytes.count {
            var stream = SectionStatement.Stream()
            var texts: [String] = []
            for start in stride(from: 0, to: bytes.count, by: size) {
                stream.append(Array(bytes[start..<min(start + size, bytes.count)])) { texts += $0.map(\.text) }
            }
            // Handed on before the end: all but perhaps the last, whose chunk may end the text.
            #expect(texts.count >= whole.count - 1, "chunks of \(size)")
            stream.finish { texts += $0.map(\.text) }
            #expect(texts == whole, "chunks of \(size)")
        }
    }

    @Test func qualifiedNamesAreFoundInCodeAndInLiterals() {
        let sql = #"""
            ALTER TABLE ONLY public.plain ALTER COLUMN id SET DEFAULT nextval('"Sales"."Seq ""Q"""'::regclass);
            -- public.not_this
            CREATE DOMAIN Public.Email AS public.citext CHECK (VALUE OPERATOR(public.~~) 'x'::public.citext);
            """#
        let names = [SQLTokenizer.Token](outsideRoutineBodies: Array(sql.utf8)).qualifiedNames.map(\.description)
        #expect(names == ["public.plain", "Sales.Seq \"Q\"", "public.email", "public.citext", "public.citext"])
        let reference = [SQLTokenizer.Token](outsideRoutineBodies: Array(
            "ALTER TABLE x ADD CONSTRAINT k FOREIGN KEY (a) REFERENCES \"We\".t(id);".utf8)).name(after: "references")
        #expect(reference == QualifiedName(schema: "We", name: "t"))
    }

    @Test func copyDataIsFoundWhateverTheChunking() throws {
        let section = """
            --
            -- Data for Name: t; Type: TABLE DATA; Schema: public; Owner: postgres
            --

            COPY public."t;x" (a, "b;") FROM stdin;
            \\N\tone
            2\t\\\\.two
            \\.
            x\t\\N
            \\.


            """
        let bytes = Array(section.utf8)
        let data = Array("\\N\tone\n2\t\\\\.two\n".utf8)
        for first in 0...bytes.count {
            for second in stride(from: first, through: bytes.count, by: 7) {
                var stream = SectionCopyData<RestoreError>(label: "t")
                var output: [UInt8] = []
                for chunk in [bytes[..<first], bytes[first..<second], bytes[second...]] {
                    try chunk.withUnsafeBytes { try stream.feed($0) { output += $0 } }
                }
                try stream.finish()
                #expect(output == data, "chunks at \(first), \(second)")
            }
        }
    }

    @Test func aSectionWithoutCopyIsRefused() {
        var stream = SectionCopyData<RestoreError>(label: "TABLE DATA public.t")
        #expect(throws: RestoreError.self) {
            try Array("--\nINSERT INTO public.t VALUES (1);\n".utf8).withUnsafeBytes { try stream.feed($0) { _ in } }
        }
    }
}
