@testable import Recovery
import Testing

/// The parts of `diff` that need no server: how key fields are ordered (which
/// must be the order the server sorted them in), schema drift, the ORDER BY.
@Suite struct DiffUnitTests {
    private func compare(_ a: String, _ b: String, as order: DiffKey.Order) -> Int {
        Array(a.utf8).withUnsafeBytes { a in Array(b.utf8).withUnsafeBytes { b in CopyLine.compare(a, b, as: order, encoding: nil) } }
    }

    @Test func integersCompareNumericallyNegativesIncluded() {
        #expect(compare("9", "10", as: .integer) == -1)
        #expect(compare("-10", "-9", as: .integer) == -1)
        #expect(compare("-1", "0", as: .integer) == -1)
        #expect(compare("-9223372036854775808", "9223372036854775807", as: .integer) == -1)
        #expect(compare("42", "42", as: .integer) == 0)
        #expect(compare("100", "99", as: .integer) == 1)
        // The same text as bytes: "10" sorts before "9".
        #expect(compare("9", "10", as: .bytes) == 1)
    }

    @Test func nullSortsLastInEveryOrder() {
        for order in [DiffKey.Order.integer, .bytes, .bytesNatively(collateC: true), .bytesNatively(collateC: false)] {
            #expect(compare(#"\N"#, "-5", as: order) == 1, "\(order)")
            #expect(compare("", #"\N"#, as: order) == -1, "\(order)")
            #expect(compare(#"\N"#, #"\N"#, as: order) == 0, "\(order)")
        }
    }

    @Test func bytesCompareAsTheServerSortsUnderC() {
        #expect(compare("a", "b", as: .bytes) == -1)
        #expect(compare("B", "a", as: .bytes) == -1)  // C, not a linguistic collation
        #expect(compare("ab", "a", as: .bytes) == 1)  // shorter first
        #expect(compare("", "a", as: .bytes) == -1)
        #expect(compare("é", "z", as: .bytes) == 1)  // UTF-8 bytes 0xC3... after ASCII
        // Escaped values are compared decoded: a tab (0x09) sorts before a space (0x20),
        // though its escape `\t` starts with a backslash (0x5C) that sorts after it.
        #expect(compare(#"a\tb"#, "a b", as: .bytes) == -1)
        #expect(compare(#"a\\"#, "a]", as: .bytes) == -1)  // 0x5C < 0x5D
        #expect(compare(#"a\nb"#, #"a\nb"#, as: .bytes) == 0)
        #expect(compare(#"x\\y"#, #"x\ny"#, as: .bytesNatively(collateC: true)) == 1)
    }

    @Test func schemaDriftNamesEveryKindOfMove() {
        func live(_ name: String, _ type: String, generated: Bool = false) -> LiveTable.Column {
            LiveTable.Column(name: name, typeText: type, isGenerated: generated, isAlwaysIdentity: false)
        }
        let backup: [(name: String, typeText: String)] = [
            ("id", "integer"), ("gone", "text"), ("old_name", "date"), ("amount", "integer"), ("total", "numeric"), ("same", "text"),
        ]
        let production = [live("id", "integer"), live("new_name", "date"), live("amount", "bigint"),
                          live("total", "numeric", generated: true), live("same", "text"), live("extra", "jsonb")]
        let (drift, shared) = SchemaDrift.between(backup: backup, production: production)
        #expect(shared == ["id", "amount", "same"])
        #expect(drift.dropped == ["gone"])
        #expect(drift.added == ["extra"])
        #expect(drift.renamed == [SchemaDrift.Renamed(backup: "old_name", production: "new_name", type: "date")])
        #expect(drift.retyped == [SchemaDrift.Retyped(column: "amount", backup: "integer", production: "bigint")])
        #expect(drift.generated == ["total"])
        #expect(!drift.isEmpty)

        let untouched = SchemaDrift.between(backup: [("id", "integer"), ("v", "text")], production: [live("id", "integer"), live("v", "text")])
        #expect(untouched.drift.isEmpty && untouched.drift == SchemaDrift())
        #expect(untouched.shared == ["id", "v"])
    }

    @Test func twoDroppedOfOneTypeAreNoRename() {
        let (drift, shared) = SchemaDrift.between(
            backup: [("id", "integer"), ("a", "text"), ("b", "text")],
            production: [LiveTable.Column(name: "id", typeText: "integer", isGenerated: false, isAlwaysIdentity: false),
                         LiveTable.Column(name: "c", typeText: "text", isGenerated: false, isAlwaysIdentity: false)])
        #expect(shared == ["id"])
        #expect(drift.renamed.isEmpty)
        #expect(drift.dropped == ["a", "b"])
        #expect(drift.added == ["c"])
    }

    @Test func orderByReadsEachKeyColumnInAnOrderTheClientReproduces() {
        let types: [String: (backup: String?, production: String?)] = [
            "id": ("bigint", "bigint"), "name": ("text", "text"), "u": ("uuid", "uuid"), "at": ("timestamp with time zone", "timestamp with time zone"),
            "moved": ("integer", "bigint"), "v": ("character varying(20)", "character varying(20)"),
        ]
        let key = DiffKey(columns: ["id", "name", "u", "at", "moved"], source: .option) { types[$0] ?? (nil, nil) }
        #expect(key.orders == [.integer, .bytesNatively(collateC: true), .bytesNatively(collateC: false), .bytes, .bytes])
        #expect(key.orderBy(quoted: [#""id""#, #""name""#, #""u""#, #""at""#, #""moved""#], reencoded: false)
            == #""id", "name" COLLATE "C", "u", "#
            + #"pg_catalog.num_nulls("at"), pg_catalog.format('%s', "at") COLLATE "C", "#
            + #"pg_catalog.num_nulls("moved"), pg_catalog.format('%s', "moved") COLLATE "C""#)
        // Text in another encoding than the server's sorts by its bytes there; integers and uuids need not.
        let encoding = "pg_catalog.current_setting('client_encoding')"
        #expect(key.orderBy(quoted: [#""id""#, #""name""#, #""u""#, #""at""#, #""moved""#], reencoded: true)
            == #""id", pg_catalog.convert_to("name", "# + encoding + #"), "u", "#
            + #"pg_catalog.num_nulls("at"), pg_catalog.convert_to(pg_catalog.format('%s', "at"), "# + encoding + #"), "#
            + #"pg_catalog.num_nulls("moved"), pg_catalog.convert_to(pg_catalog.format('%s', "moved"), "# + encoding + ")")
        #expect(!key.isWholeRow)
        #expect(DiffKey(columns: ["a"], source: .wholeRow) { _ in ("integer", "integer") }.isWholeRow)
    }

    /// The hint for dropped columns is pasted into a shell: each name must read back
    /// through the shell and `--columns` as itself, whatever its case or commas.
    @Test func theDroppedColumnsHintReadsBackAsTheSameNames() throws {
        var drift = SchemaDrift()
        drift.dropped = ["email", "Nick, Name", "o'k", "say \"hi\""]
        let hint = try #require(drift.textLines.last)
        #expect(hint == #"  to restore email,"Nick, Name",o'k,"say ""hi""": add them to production again, "#
            + #"then apply --columns 'email,"Nick, Name",o'\''k,"say ""hi"""'"#)
        #expect(try CommaList.columnNames(#"email,"Nick, Name",o'k,"say ""hi""""#) == drift.dropped)
        drift.dropped = ["gone"]
        #expect(drift.textLines.last == "  to restore gone: add it to production again, then apply --columns gone")
    }
}
