import Support
import Testing

@Suite struct SQLSpellingTests {
    @Test func identifiersAreAlwaysQuotedWithEveryQuoteDoubled() {
        #expect("users".sqlIdentifier == "\"users\"")
        #expect("".sqlIdentifier == "\"\"")
        #expect("My \"T\"".sqlIdentifier == "\"My \"\"T\"\"\"")
        // One Character that is not a quote, yet holds one: doubled all the same.
        #expect("a\"\u{301}b".sqlIdentifier == "\"a\"\"\u{301}b\"")
        #expect("\"\u{301}".sqlIdentifier == "\"\"\"\u{301}\"")
        #expect("it's a\\b.c".sqlIdentifier == "\"it's a\\b.c\"")
        #expect("a\"\u{301}b"[...].sqlIdentifier == "\"a\"\"\u{301}b\"")
    }

    @Test func literalsDoubleTheQuoteAndLeaveBackslashes() {
        #expect("x".sqlLiteral == "'x'")
        #expect("".sqlLiteral == "''")
        #expect("it's".sqlLiteral == "'it''s'")
        #expect("a'\u{301}b".sqlLiteral == "'a''\u{301}b'")
        #expect(#"back\slash\'"#.sqlLiteral == #"'back\slash\'''"#)
        #expect("\"\n\t".sqlLiteral == "'\"\n\t'")
    }

    @Test func qualifiedNamesQuoteEachPart() {
        #expect(QualifiedName(schema: "public", name: "t").sqlIdentifier == "\"public\".\"t\"")
        #expect(QualifiedName(schema: "S.\"x\u{301}", name: "a.b").sqlIdentifier == "\"S.\"\"x\u{301}\".\"a.b\"")
        #expect(QualifiedName(schema: nil, name: "t").sqlIdentifier == "\"t\"")
        #expect(QualifiedName(schema: nil, name: "t").sqlIdentifier(defaultSchema: "public") == "\"public\".\"t\"")
        #expect(QualifiedName(schema: "s", name: "t").sqlIdentifier(defaultSchema: "public") == "\"s\".\"t\"")
    }
}
