import Support
import Testing
@testable import Recovery

/// `-t` and `-n` select what pg_dump's patterns would: an operator copies them from
/// the backup job's pg_dump command, and a pattern read differently here would
/// restore another table, or none, at the worst moment to find out.
@Suite struct TablePatternTests {
    private func table(_ name: String, in schema: String = "public") -> QualifiedName {
        QualifiedName(schema: schema, name: name)
    }

    private func matches(_ pattern: String, _ names: [String], schema: String = "public") throws -> [String] {
        let pattern = try TablePattern(pattern)
        return names.filter { pattern.matches(table($0, in: schema)) }
    }

    @Test func wildcardsAndFolding() throws {
        #expect(try matches("user*", ["users", "user", "Users", "auser"]) == ["users", "user"])
        #expect(try matches("USERS", ["users", "USERS"]) == ["users"])
        #expect(try matches("\"Users\"", ["users", "Users"]) == ["Users"])
        #expect(try matches("t?", ["t", "t1", "t12"]) == ["t1"])
        #expect(try matches("public.t*", ["t1"], schema: "public") == ["t1"])
        #expect(try matches("public.t*", ["t1"], schema: "audit") == [])
        #expect(try matches("*.t1", ["t1"], schema: "audit") == ["t1"])
        // PostgreSQL folds only ASCII letters of an unquoted identifier in a UTF-8 database.
        #expect(try matches("Été", ["été", "Été"]) == ["Été"])
    }

    @Test func characterClasses() throws {
        let names = ["t1", "t9", "t10", "ta", "tB", "t-", "t_"]
        #expect(try matches("t[0-9]", names) == ["t1", "t9"])
        #expect(try matches("t[0-9]*", names) == ["t1", "t9", "t10"])
        #expect(try matches("t[^0-9]", names) == ["ta", "tB", "t-", "t_"])
        #expect(try matches("t[[:digit:]]", names) == ["t1", "t9"])
        #expect(try matches("t[[:alpha:]_]", names) == ["ta", "tB", "t_"])
        #expect(try matches("t[a-]", names) == ["ta", "t-"])
        // Unquoted letters in a class fold as the rest does: [A-Z] is [a-z].
        #expect(try matches("t[A-Z]", names) == ["ta"])
        #expect(try matches("t[]-]", ["t]", "t-"]) == [])
        #expect(try matches("measurements_y20[0-9][0-9]m0[1-6]", ["measurements_y2024m03", "measurements_y2024m07"])
            == ["measurements_y2024m03"])
    }

    /// psql: `[]` is the two characters (array type names), `$` is itself, and
    /// inside quotes everything is. Other regex operators are taken as themselves.
    @Test func specialCharactersAreLiteral() throws {
        #expect(try matches("a[]", ["a[]", "a"]) == ["a[]"])
        #expect(try matches("a$b", ["a$b", "ab"]) == ["a$b"])
        #expect(try matches("a+b", ["a+b", "aab", "ab"]) == ["a+b"])
        #expect(try matches("(a|b)", ["(a|b)", "a", "b"]) == ["(a|b)"])
        #expect(try matches("\"a*\"", ["a*", "ab"]) == ["a*"])
        #expect(try matches("\"a[0-9]\"", ["a[0-9]", "a1"]) == ["a[0-9]"])
        #expect(try matches("\"a.b\"", ["a.b"]) == ["a.b"])
        #expect(try matches("x.\"a.b\"", ["a.b"], schema: "x") == ["a.b"])
        #expect(try matches("\"say \"\"hi\"\"\"", ["say \"hi\""]) == ["say \"hi\""])
    }

    @Test func aPlainNameIsNoWildcardEvenQuoted() throws {
        #expect(try !TablePattern("users").hasWildcards)
        #expect(try !TablePattern("public.users").hasWildcards)
        #expect(try !TablePattern("\"a*?[x]\"").hasWildcards)
        #expect(try TablePattern("user?").hasWildcards)
        #expect(try TablePattern("p*.users").hasWildcards)
        #expect(try TablePattern("t[12]").hasWildcards)
    }

    @Test(arguments: [
        ("a[bc", "unterminated [ in a[bc"),
        ("t[[:digit", "unterminated [ in t[[:digit"),
        ("t[^]", "unterminated [ in t[^]"),
        ("t[[:digits:]]", "[:digits:] in t[[:digits:]] is not a character class"),
        ("a.b.c", "a.b.c is not a table name"),
        ("a.", "a. is not a table name"),
        ("\"ab", "unterminated quote in \"ab"),
    ])
    func mistakesAreRefusedNamingThem(pattern: String, message: String) {
        #expect { try TablePattern(pattern) } throws: { ($0 as? UsageError)?.description.hasPrefix(message) == true }
    }

    @Test func schemaPatterns() throws {
        let billing = try SchemaPattern("bill*")
        #expect(billing.matches("billing") && !billing.matches("public") && !billing.matches(nil))
        #expect(try SchemaPattern("\"Sales\"").matches("Sales"))
        #expect(try !SchemaPattern("Sales").matches("Sales"))
        #expect(try SchemaPattern("*").matches(nil))
        #expect { try SchemaPattern("a.b") } throws: { ($0 as? UsageError)?.description.contains("not a schema name") == true }
    }

    /// Stars do not multiply the work: a name of 63 characters against many stars.
    @Test func manyStarsStayQuick() throws {
        let pattern = try TablePattern(String(repeating: "*a", count: 30) + "*b")
        #expect(!pattern.matches(table(String(repeating: "a", count: 63))))
        #expect(pattern.matches(table(String(repeating: "a", count: 62) + "b")))
    }
}
