import Foundation
import Support
import TestSupport
import Testing
@testable import Recovery
import ScalpelArchive

/// The pieces of `export` that need no server: reading definitions, array text,
/// JSON text, COPY lines split anywhere, file names; and whole exports of the
/// awkward fixture.
@Suite struct ExportParsingTests {
    @Test func tableDefinitionsAsPgDumpWritesThem() throws {
        let definition = TableDefinition(parsing: Array(#"""
            --
            -- Name: t; Type: TABLE; Schema: S; Owner: postgres
            --

            CREATE UNLOGGED TABLE "S"."Odd, Table" (
                id integer DEFAULT nextval('"S".seq'::regclass) NOT NULL,
                "Mixed ""Col""" character varying(20)[] COLLATE pg_catalog."C",
                at timestamp(3) with time zone DEFAULT '2020-01-01 00:00:00+00'::timestamp with time zone,
                amount numeric(10,2) CONSTRAINT positive CHECK ((amount > (0)::numeric)),
                kind public.storage,
                total integer GENERATED ALWAYS AS ((id * 2)) STORED,
                grid double precision[],
                CONSTRAINT named CHECK ((id > 0))
            )
            INHERITS (public.base, "S"."Other");


            ALTER TABLE "S"."Odd, Table" OWNER TO postgres;
            """#.utf8))
        #expect(definition.columns.map(\.name) == ["id", "Mixed \"Col\"", "at", "amount", "kind", "total", "grid"])
        #expect(definition.columns.map(\.type) == [
            ColumnType(name: ["integer"], dimensions: 0),
            ColumnType(name: ["character varying"], dimensions: 1),
            ColumnType(name: ["timestamp with time zone"], dimensions: 0),
            ColumnType(name: ["numeric"], dimensions: 0),
            ColumnType(name: ["public", "storage"], dimensions: 0),
            ColumnType(name: ["integer"], dimensions: 0),
            ColumnType(name: ["double precision"], dimensions: 1),
        ])
        #expect(definition.columns.map(\.isGenerated) == [false, false, false, false, false, true, false])
        #expect(definition.parents == [QualifiedName(schema: "public", name: "base"), QualifiedName(schema: "S", name: "Other")])

        let typed = TableDefinition(parsing: Array("CREATE TABLE public.t OF public.pair;".utf8))
        #expect(typed.columns.isEmpty)
        let partition = TableDefinition(parsing: Array("CREATE TABLE public.p1 PARTITION OF public.p FOR VALUES IN (1);".utf8))
        #expect(partition.parents == [QualifiedName(schema: "public", name: "p")])
        let empty = TableDefinition(parsing: Array("CREATE TABLE public.nocols (\n);".utf8))
        #expect(empty.columns.isEmpty)
    }

    @Test func commaListsSplitOutsideQuotes() throws {
        func parts(_ value: String) throws -> [CommaList.Part] { try CommaList(value, option: "--x").parts }
        #expect(try parts("a,b") == [.init(text: "a", quoted: false), .init(text: "b", quoted: false)])
        #expect(try parts(#" a b , " c,d " ,"e""f","#) == [
            .init(text: "a b", quoted: false), .init(text: " c,d ", quoted: true),
            .init(text: #"e"f"#, quoted: true), .init(text: "", quoted: false),
        ])
        #expect(try parts(#"x"Y"z"#) == [.init(text: "xYz", quoted: true)])
        #expect(try parts("") == [.init(text: "", quoted: false)])
        let error = #expect(throws: UsageError.self) { try parts(#"a,"b"#) }
        #expect(error?.description == #"--x a,"b: unterminated quote"#)
    }

    @Test func primaryKeysAndDomains() {
        let key = TableDefinition.primaryKey(parsing: Array("""
            --
            -- Name: t t_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
            --

            ALTER TABLE ONLY public.t
                ADD CONSTRAINT t_pkey PRIMARY KEY (id, "Happened At") INCLUDE (note);
            """.utf8))
        #expect(key == ["id", "Happened At"])
        #expect(TableDefinition.primaryKey(parsing: Array("ALTER TABLE ONLY public.t ADD CONSTRAINT u UNIQUE (a);".utf8)) == nil)
        let domain = ColumnType.domainBase(parsing: Array("""
            CREATE DOMAIN public.posint AS integer
            \tCONSTRAINT posint_check CHECK ((VALUE > 0));
            """.utf8))
        #expect(domain == ColumnType(name: ["integer"], dimensions: 0))
        #expect(ColumnType.domainBase(parsing: Array("CREATE DOMAIN public.tags AS text[];".utf8))
            == ColumnType(name: ["text"], dimensions: 1))
    }

    @Test func arrayTextBecomesJSONArrays() {
        func json(_ text: String, _ scalar: ValueKind = .integer, delimiter: Character = ",") -> String {
            let kind = ColumnKind(scalar: scalar, dimensions: 1, delimiter: delimiter.asciiValue!)
            var output: [UInt8] = []
            Array(text.utf8).withUnsafeBytes { JSONValue.append($0, kind: kind, bytea: .hex, to: &output) }
            return String(decoding: output, as: UTF8.self)
        }
        #expect(json("{1,NULL,-3}") == "[1,null,-3]")
        #expect(json("{{1,2},{3,4}}") == "[[1,2],[3,4]]")
        #expect(json("[0:1]={7,8}") == "[7,8]")
        #expect(json("{}") == "[]")
        #expect(json(#"{"a b","c\"d",NULL,"NULL",null,"","\\"}"#, .text) == #"["a b","c\"d",null,"NULL",null,"","\\"]"#)
        #expect(json("{t,f,NULL}", .boolean) == "[true,false,null]")
        #expect(json("{NaN,1.5,-Infinity}", .float) == #"["NaN",1.5,"-Infinity"]"#)
        #expect(json("{(1,1),(0,0);(2,2),(1,1)}", .text, delimiter: ";") == #"["(1,1),(0,0)","(2,2),(1,1)"]"#)
        // Not array text: written as a string rather than guessed at.
        #expect(json("{1,2", .integer) == #""{1,2""#)
        #expect(json("{1,,2}", .integer) == #""{1,,2}""#)
    }

    @Test func jsonStringsAreValidUTF8() {
        func string(_ bytes: [UInt8]) -> String {
            var output: [UInt8] = []
            bytes.withUnsafeBytes { JSONText.appendString($0, to: &output) }
            return String(decoding: output, as: UTF8.self)
        }
        #expect(string(Array("é日本😀".utf8)) == "\"é日本😀\"")
        #expect(string([0x61, 0xFF, 0x62, 0xC3]) == "\"a\u{FFFD}b\u{FFFD}\"")
        #expect(string([0xED, 0xA0, 0x80]) == "\"\u{FFFD}\u{FFFD}\u{FFFD}\"")  // a surrogate is not UTF-8
        #expect(string([0x01, 0x1F, 0x7F, 0x22, 0x5C]) == #""\u0001\u001f"# + "\u{7F}" + #"\"\\""#)
        for (text, number) in [("0", true), ("-12", true), ("1.5e-07", true), ("1e+100", true), ("-0", true),
                               ("NaN", false), ("Infinity", false), ("01", false), ("1.", false), (".5", false), ("", false)] {
            #expect(Array(text.utf8).withUnsafeBytes { JSONText.isNumber($0) } == number, "\(text)")
        }
    }

    @Test func byteaInEitherOutputFormat() {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8).withUnsafeBytes { ByteaText.bytes(of: $0) } }
        #expect(bytes("\\x00ff5C") == [0x00, 0xFF, 0x5C])
        #expect(bytes(#"a\\b\001\377"#) == [0x61, 0x5C, 0x62, 0x01, 0xFF])
        var output: [UInt8] = []
        Array(#"a\\b\001"#.utf8).withUnsafeBytes { JSONValue.appendScalar($0, kind: .bytea, bytea: .hex, to: &output) }
        #expect(String(decoding: output, as: UTF8.self) == #""\\x615c6201""#)
    }

    @Test func copyLinesSplitAnywhereAreWhole() throws {
        let section = Array("--\n-- Data for Name: t\n--\n\nCOPY public.t (a, b) FROM stdin;\n1\tx\\ty\n2\t\\N\n\\.\n\n\n".utf8)
        for size in [1, 2, 3, 7, section.count] {
            var stream = SectionCopyLines(label: "TABLE DATA public.t")
            var statements: [String] = []
            var rows: [String] = []
            var offset = 0
            while offset < section.count {
                let end = min(offset + size, section.count)
                try section[offset..<end].withUnsafeBytes { chunk in
                    try stream.consume(chunk, statement: { statements.append(String(decoding: $0, as: UTF8.self)) },
                                       row: { rows.append(String(decoding: $0, as: UTF8.self)) })
                }
                offset = end
            }
            try stream.finish()
            #expect(statements == ["COPY public.t (a, b) FROM stdin;"], "\(size)")
            #expect(rows == ["1\tx\\ty", "2\t\\N"], "\(size)")
        }
        var cut = SectionCopyLines(label: "TABLE DATA public.t")
        try Array("COPY public.t (a) FROM stdin;\n1\n".utf8).withUnsafeBytes { try cut.consume($0, statement: { _ in }, row: { _ in }) }
        #expect(throws: ArchiveError.self) { try cut.finish() }
        var inserts = SectionCopyLines(label: "TABLE DATA public.t")
        #expect(throws: ArchiveError.self) {
            try Array("INSERT INTO public.t VALUES (1);\n".utf8).withUnsafeBytes { try inserts.consume($0, statement: { _ in }, row: { _ in }) }
            try inserts.finish()
        }
    }

    @Test func rowsCutAtTabsWithBackslashesProtectingTheNextByte() {
        var row = ExportRow()
        let line = Array("a\\\tb\t\\N\t\\\\N\tx\\ny".utf8)
        line.withUnsafeBytes { bytes in
            let split = row.split(bytes, expecting: 4)
            #expect(split)
            #expect(row.count == 4)
            #expect(row.withValue(0) { $0.map { Array($0) } } == Array("a\tb".utf8))
            #expect(row.withValue(1) { $0 == nil })
            #expect(row.withValue(2) { $0.map { Array($0) } } == Array("\\N".utf8))
            #expect(row.withValue(3) { $0.map { Array($0) } } == Array("x\ny".utf8))
            let splitInFive = row.split(bytes, expecting: 5)
            #expect(!splitInFive)
        }
    }

    @Test func fileNamesAreSafeAndDistinct() {
        var names = ExportFileNames()
        #expect(names.name(for: QualifiedName(schema: "public", name: "users"), format: .csv) == "public.users.csv")
        #expect(names.name(for: QualifiedName(schema: "public", name: "Users"), format: .csv) == "public.Users~2.csv")
        #expect(names.name(for: QualifiedName(schema: "a/b", name: "c:d\n"), format: .jsonl) == "a_b.c_d_.jsonl")
        #expect(names.name(for: QualifiedName(schema: ".hidden", name: "t"), format: .sql) == "_hidden.t.sql")
        #expect(names.name(for: QualifiedName(schema: "public", name: "日本"), format: .copy) == "public.日本.sql")
        #expect(names.name(for: QualifiedName(schema: "x", name: String(repeating: "é", count: 200)), format: .csv).utf8.count <= 204)
    }

    /// Every table of the awkward fixture in every format, from an archive cut into
    /// 4 KiB members and from one with the usual 1 MiB members: the same bytes.
    @Test func awkwardFixtureExportsTheSameWhateverTheMemberSize() throws {
        let small = try PackedArchive.file(of: "awkward-verbose.sql", memberLimit: 4096)
        let large = try PackedArchive.file(of: "awkward-verbose.sql")
        defer { unlink(small); unlink(large) }
        let smallReader = try ArchiveReader(path: small)
        let largeReader = try ArchiveReader(path: large)
        func export(_ reader: ArchiveReader, _ table: QualifiedName, _ format: ExportFormat) throws -> String {
            var export = Export(archive: reader === smallReader ? small : large,
                                tables: [try TablePattern("\"\(table.schema!)\".\"\(table.name.replacingOccurrences(of: "\"", with: "\"\""))\"")])
            export.formats = [format]
            let sink = MemorySink()
            _ = try export.write(reader: reader, to: sink)
            return String(decoding: sink.bytes, as: UTF8.self)
        }
        var exported = 0
        for table in largeReader.index.tables where largeReader.index.dataSection(of: table) != nil {
            for format in ExportFormat.allCases {
                #expect(try export(smallReader, table, format) == export(largeReader, table, format), "\(table) \(format)")
            }
            exported += 1
        }
        #expect(exported == 22)
        let plain = QualifiedName(schema: "public", name: "plain")
        let jsonl = try export(largeReader, plain, .jsonl).split(separator: "\n")
        #expect(jsonl.count == 1500)
        #expect(jsonl.first == #"{"id":1,"note":"tab\there","m":"ok","p":2}"#)
        #expect(try export(largeReader, QualifiedName(schema: "public", name: "nocols"), .csv) == "\n\n\n")
        #expect(try export(largeReader, QualifiedName(schema: "public", name: "allgen"), .jsonl) == "{}\n")
        #expect(try export(largeReader, QualifiedName(schema: "public", name: "select"), .sql)
            .contains(#"INSERT INTO public."select" ("from", "to") VALUES ("#))
        let partitioned = try export(largeReader, QualifiedName(schema: "public", name: "measurements"), .copy)
        #expect(partitioned.components(separatedBy: "\\.\n").count == 3)
    }
}
