import Support
import TestSupport
import Testing

@testable import DumpParser

/// Facts read from real pg_dump 15 output of the awkward database.
@Suite struct FixtureFactsTests {
    static let awkward = ["awkward.sql", "awkward-verbose.sql"]

    @Test(arguments: awkward)
    func everyTableDataEntryHasItsTableColumnsAndRows(fixture: String) throws {
        let scan = try Scan.run(try Fixture.bytes(fixture), chunkSize: 4096)
        let expected = try Fixture.expectedTables()
        #expect(expected.count == scan.entries(ofType: "TABLE DATA").count)
        for table in expected {
            let matches = scan.entries(ofType: "TABLE DATA").filter { $0.table == table.qualifiedName }
            #expect(matches.count == 1, "\(table.qualifiedName)")
            guard let data = matches.first else { continue }
            #expect(data.rows == table.rows, "\(table.qualifiedName)")
            #expect(data.copyTarget == table.qualifiedName)
            #expect(data.object == table.qualifiedName)
            #expect(data.copyColumns == (table.columns.isEmpty ? nil : table.columns), "\(table.qualifiedName)")
        }
    }

    @Test(arguments: awkward)
    func everyTableEntryNamesItsTable(fixture: String) throws {
        let scan = try Scan.run(try Fixture.bytes(fixture), chunkSize: 4096)
        let tables = scan.entries(ofType: "TABLE")
        let names = Set(tables.compactMap(\.table))
        #expect(names.count == tables.count)
        #expect(tables.allSatisfy { $0.object == $0.table })
        for table in try Fixture.expectedTables() {
            #expect(names.contains(table.qualifiedName), "\(table.qualifiedName)")
        }
        #expect(names.contains(QualifiedName("public", "measurements")))
        #expect(names.contains(QualifiedName("public", "new\nline")))
        #expect(names.contains(QualifiedName("public", "select")))
        #expect(names.contains(QualifiedName("we.ird; schema", "t; x")))
    }

    @Test(arguments: awkward)
    func entryTypesMatchThePgRestoreListing(fixture: String) throws {
        let scan = try Scan.run(try Fixture.bytes(fixture), chunkSize: 4096)
        var counts: [String: Int] = [:]
        for entry in scan.entries { counts[entry.header?.type ?? "?", default: 0] += 1 }
        #expect(counts == (try Fixture.expectedTypeCounts()))
    }

    @Test(arguments: awkward)
    func headerLookalikesDoNotStartSections(fixture: String) throws {
        let bytes = try Fixture.bytes(fixture)
        let scan = try Scan.run(bytes, chunkSize: 4096)
        #expect(!scan.entries.contains { $0.header?.name.hasPrefix("ghost_in") == true })
        let lookalike = try #require(scan.entry("TABLE DATA", named: "lookalike"))
        #expect(lookalike.rows == 13)
        let text = scan.text(of: lookalike, in: bytes)
        #expect(text.contains("-- Name: ghost_in_copy; Type: TABLE; Schema: public; Owner: postgres\n"))
        let function = try #require(scan.entry("FUNCTION", named: "ghost_fn()"))
        #expect(function.object == QualifiedName("public", "ghost_fn"))
        #expect(scan.text(of: function, in: bytes).contains("-- Name: ghost_in_function;"))
        let comment = try #require(scan.entry("COMMENT", named: "TABLE lookalike"))
        #expect(comment.table == QualifiedName("public", "lookalike"))
        #expect(scan.text(of: comment, in: bytes).contains("-- Name: ghost_in_string;"))
        let atomic = try #require(scan.entry("FUNCTION", named: "atomic_fn(integer)"))
        #expect(scan.text(of: atomic, in: bytes).contains("ALTER FUNCTION public.atomic_fn(a integer) OWNER TO"))
    }

    @Test(arguments: awkward)
    func headersWithSeparatorsInNamesSplitRight(fixture: String) throws {
        let scan = try Scan.run(try Fixture.bytes(fixture), chunkSize: 4096)
        let tricky = try #require(scan.entry("TABLE", named: "x; Type: TABLE; Schema: x"))
        #expect(tricky.header?.schema == "public")
        #expect(tricky.header?.owner == "postgres")
        #expect(tricky.table == QualifiedName("public", "x; Type: TABLE; Schema: x"))
        let data = try #require(scan.entry("TABLE DATA", named: "x; Type: TABLE; Schema: x"))
        #expect(data.header?.isData == true)
        let weird = try #require(scan.entry("TABLE", named: "t; x"))
        #expect(weird.header?.schema == "we.ird; schema")
        let newline = try #require(scan.entry("TABLE DATA", named: "new line"))
        #expect(newline.table == QualifiedName("public", "new\nline"))
        let schema = try #require(scan.entry("SCHEMA", named: "Sales"))
        #expect(schema.header?.schema == nil)
        #expect(schema.object == QualifiedName(nil, "Sales"))
    }

    @Test(arguments: awkward)
    func dependentEntriesNameTheirTable(fixture: String) throws {
        let scan = try Scan.run(try Fixture.bytes(fixture), chunkSize: 4096)
        let orderItems = QualifiedName("Sales", "Order Items")
        let plain = QualifiedName("public", "plain")
        func check(
            _ type: String, _ name: String, object: QualifiedName?, table: QualifiedName?,
            sourceLocation: SourceLocation = #_sourceLocation
        ) {
            guard let entry = scan.entry(type, named: name) else {
                Issue.record("no \(type) \(name)", sourceLocation: sourceLocation)
                return
            }
            #expect(entry.object == object, sourceLocation: sourceLocation)
            #expect(entry.table == table, sourceLocation: sourceLocation)
        }
        check("SEQUENCE", "Order Items_id_seq", object: QualifiedName("Sales", "Order Items_id_seq"), table: orderItems)
        check("SEQUENCE", "plain_id_seq", object: QualifiedName("public", "plain_id_seq"), table: nil)
        check("SEQUENCE OWNED BY", "plain_id_seq", object: QualifiedName("public", "plain_id_seq"), table: plain)
        check("SEQUENCE SET", "plain_id_seq", object: QualifiedName("public", "plain_id_seq"), table: plain)
        check(
            "SEQUENCE SET", "Order Items_id_seq", object: QualifiedName("Sales", "Order Items_id_seq"),
            table: orderItems)
        check("SEQUENCE SET", "Seq \"Q\"", object: QualifiedName("Sales", "Seq \"Q\""), table: nil)
        check("INDEX", "Idx \"odd\"", object: QualifiedName("Sales", "Idx \"odd\""), table: orderItems)
        check(
            "INDEX", "measurements_at", object: QualifiedName("public", "measurements_at"),
            table: QualifiedName("public", "measurements"))
        check(
            "INDEX ATTACH", "m2024_at_idx", object: QualifiedName("public", "measurements_at"),
            table: QualifiedName("public", "m2024"))
        check(
            "INDEX ATTACH", "m \"2025\"_at_idx", object: QualifiedName("public", "measurements_at"),
            table: QualifiedName("Sales", "m \"2025\""))
        check(
            "TABLE ATTACH", "m2024", object: QualifiedName("public", "measurements"),
            table: QualifiedName("public", "m2024"))
        check("CONSTRAINT", "plain plain_pkey", object: QualifiedName("public", "plain_pkey"), table: plain)
        check("CHECK CONSTRAINT", "plain note_len", object: QualifiedName("public", "note_len"), table: plain)
        check(
            "FK CONSTRAINT", "Order Items Order Items_plain_id_fkey",
            object: QualifiedName("Sales", "Order Items_plain_id_fkey"), table: orderItems)
        check("DEFAULT", "plain id", object: nil, table: plain)
        check(
            "TRIGGER", "select Trg on select", object: QualifiedName("public", "Trg on select"),
            table: QualifiedName("public", "select"))
        check("POLICY", "plain p 1", object: QualifiedName("public", "p 1"), table: plain)
        check("ROW SECURITY", "plain", object: nil, table: plain)
        check("RULE", "dup r_dup", object: QualifiedName("other", "r_dup"), table: QualifiedName("other", "dup"))
        check("COMMENT", "COLUMN \"Order Items\".\"from\"", object: nil, table: orderItems)
        check("COMMENT", "TABLE plain", object: plain, table: plain)
        check("ACL", "COLUMN \"Order Items\".\"from\"", object: orderItems, table: orderItems)
        check("ACL", "COLUMN \"Order Items\".qty", object: orderItems, table: orderItems)
        check("ACL", "TABLE plain", object: plain, table: plain)
        check("ACL", "SCHEMA \"Sales\"", object: QualifiedName(nil, "Sales"), table: nil)
        check("VIEW", "v_orders", object: QualifiedName("public", "v_orders"), table: QualifiedName("public", "v_orders"))
        check("MATERIALIZED VIEW", "mv", object: QualifiedName("public", "mv"), table: QualifiedName("public", "mv"))
        check(
            "MATERIALIZED VIEW DATA", "mv", object: QualifiedName("public", "mv"),
            table: QualifiedName("public", "mv"))
        check("FOREIGN TABLE", "ft", object: QualifiedName("public", "ft"), table: QualifiedName("public", "ft"))
        check("TYPE", "mood", object: QualifiedName("public", "mood"), table: nil)
        check("DOMAIN", "posint", object: QualifiedName("public", "posint"), table: nil)
        check("FUNCTION", "trg()", object: QualifiedName("public", "trg"), table: nil)
        check("STATISTICS", "st_order", object: QualifiedName("public", "st_order"), table: orderItems)
        check("PUBLICATION", "pub", object: QualifiedName(nil, "pub"), table: nil)
        check("PUBLICATION TABLE", "pub plain", object: QualifiedName(nil, "pub"), table: plain)
        check("SERVER", "srv", object: QualifiedName(nil, "srv"), table: nil)
        check("FOREIGN DATA WRAPPER", "dummy", object: QualifiedName(nil, "dummy"), table: nil)
    }

    @Test func verboseHeadersCarryDumpIDsAndDependencies() throws {
        let scan = try Scan.run(try Fixture.bytes("awkward-verbose.sql"), chunkSize: 4096)
        let ids = scan.entries.compactMap { $0.header?.dumpID }
        #expect(ids.count == scan.entries.count)
        #expect(Set(ids).count == ids.count)
        let data = try #require(scan.entry("TABLE DATA", named: "plain"))
        let table = try #require(scan.entry("TABLE", named: "plain"))
        #expect(data.header?.dependencies == [table.header?.dumpID].compactMap { $0 })
        let plain = try Scan.run(try Fixture.bytes("awkward.sql"), chunkSize: 4096)
        #expect(plain.entries.allSatisfy { $0.header?.dumpID == nil && $0.header?.dependencies == [] })
    }

    @Test(arguments: awkward)
    func prologueAndEpilogue(fixture: String) throws {
        let bytes = try Fixture.bytes(fixture)
        let scan = try Scan.run(bytes, chunkSize: 4096)
        let verbose = fixture.contains("verbose")
        #expect(scan.prologue.serverVersion == "15.18 (Debian 15.18-0+deb12u1)")
        #expect(scan.prologue.pgDumpVersion == "15.18 (Debian 15.18-0+deb12u1)")
        #expect((scan.prologue.startedAt != nil) == verbose)
        #expect((scan.epilogue.completedAt != nil) == verbose)
        let key = try #require(scan.prologue.restrictKey)
        #expect(key.count > 20)
        #expect(scan.epilogue.unrestrictKey == key)
        #expect(scan.prologue.settings.map(\.name) == [
            "statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout", "client_encoding",
            "standard_conforming_strings", "search_path", "check_function_bodies", "xmloption",
            "client_min_messages", "row_security",
        ])
        #expect(scan.prologue.settings.first { $0.name == "client_encoding" }?.value == "UTF8")
        #expect(scan.prologue.settings.first { $0.name == "search_path" }?.value == "")
        #expect(scan.prologue.settings.last?.statement == "SET row_security = off;")

        let prologue = try #require(scan.sections.first)
        #expect(scan.text(of: prologue, in: bytes).hasSuffix("SET row_security = off;\n"))
        let epilogue = try #require(scan.sections.last)
        let epilogueText = scan.text(of: epilogue, in: bytes)
        #expect(epilogueText.hasSuffix("\\unrestrict \(key)\n\n"))
        #expect(epilogueText.contains("-- Completed on") == verbose)
        #expect(!epilogueText.contains("REFRESH"))
    }

    @Test func perEntrySettingsTravelWithTheirEntry() throws {
        let bytes = try Fixture.bytes("awkward-verbose.sql")
        let scan = try Scan.run(bytes, chunkSize: 4096)
        let table = try #require(scan.entry("TABLE", named: "Order Items"))
        #expect(scan.text(of: table, in: bytes).hasPrefix(
            "\nSET default_tablespace = '';\n\nSET default_table_access_method = heap;\n\n--\n-- TOC entry"))
        let server = try #require(scan.entry("SERVER", named: "srv"))
        #expect(scan.text(of: server, in: bytes).hasSuffix("ALTER SERVER srv OWNER TO postgres;\n"))
    }

    @Test func loadViaPartitionRootKeepsTheLeafAsTable() throws {
        let scan = try Scan.run(try Fixture.bytes("awkward-partition-root.sql"), chunkSize: 4096)
        let root = QualifiedName("public", "measurements")
        let expected = Dictionary(uniqueKeysWithValues: try Fixture.expectedTables().map { ($0.qualifiedName, $0.rows) })
        for (leafName, leaf) in [("m2024", QualifiedName("public", "m2024")), ("m \"2025\"", QualifiedName("Sales", "m \"2025\""))] {
            let data = try #require(scan.entry("TABLE DATA", named: leafName))
            #expect(data.copyTarget == root)
            #expect(data.object == root)
            #expect(data.table == leaf)
            #expect(data.copyColumns == ["id", "at", "v"])
            #expect(data.rows == expected[leaf])
        }
        let newline = try #require(scan.entry("TABLE DATA", named: "new line"))
        #expect(newline.table == QualifiedName("public", "new\nline"))
    }
}

/// The smaller dumps: an empty database, and `--column-inserts --rows-per-insert=2`.
@Suite struct SmallFixtureTests {
    @Test func emptyDatabaseIsPrologueAndEpilogue() throws {
        let scan = try Scan.run(try Fixture.bytes("empty.sql"), chunkSize: 1)
        #expect(scan.sections.map(\.kind) == [.prologue, .epilogue])
        #expect(scan.prologue.settings.count == 10)
        #expect(scan.prologue.restrictKey != nil)
        #expect(scan.epilogue.unrestrictKey == scan.prologue.restrictKey)
    }

    @Test func insertDumpsNameTheirTables() throws {
        let scan = try Scan.run(try Fixture.bytes("awkward-inserts.sql"), chunkSize: 7)
        let data = scan.entries(ofType: "TABLE DATA")
        #expect(data.map(\.table) == [
            QualifiedName("public", "MixedCase"), QualifiedName("public", "nocols"), QualifiedName("public", "select"),
        ])
        #expect(data.allSatisfy { $0.copyTarget == nil && $0.rows == nil && $0.object == $0.table })
    }
}
