import Support
import Testing
import TestSupport
@testable import Recovery

/// The names pgscalpel spells for the user (`-t`, `--columns`, `--key`) read
/// back as themselves, quotes followed by combining marks included: they are
/// quoted by Unicode scalar, so they must be read so too.
@Suite struct NameSpellingTests {
    private static let awkward = ["a\"\u{301}b", "\"\u{301}", "A\"\u{301}\"", "x,\u{301}y", " ,\"\u{301} ", "café", "Q*?.r"]

    @Test(arguments: awkward)
    func aTablePatternOfExactlyOneNameMatchesItAlone(name: String) throws {
        let table = QualifiedName(schema: "S\"\u{301}.x", name: name)
        let pattern = try TablePattern(exactly: table)
        #expect(pattern.matches(table))
        #expect(!pattern.matches(QualifiedName(schema: table.schema, name: name + "x")))
        #expect(!pattern.matches(QualifiedName(schema: "S\".x", name: name)))
        #expect(try TablePattern(exactly: QualifiedName(schema: nil, name: name)).matches(QualifiedName(schema: "s", name: name)))
    }

    @Test func aPatternFoldsAndMatchesByCharacter() throws {
        let pattern = try TablePattern("\"É\"\u{301}*.?\"\"\"\u{301}\"")
        #expect(pattern.matches(QualifiedName(schema: "É\u{301}xyz", name: "a\"\u{301}")))
        #expect(!pattern.matches(QualifiedName(schema: "É\u{301}xyz", name: "ab\"\u{301}")))
        #expect(try TablePattern("Ab*").matches(QualifiedName(schema: "public", name: "abc")))
    }

    @Test(arguments: awkward)
    func aColumnListReadsBackAsTheNamesSpelled(name: String) throws {
        let names = [name, "plain", name.uppercased()]
        #expect(try CommaList.columnNames(names.map(CommaList.spelling).joined(separator: ",")) == names)
    }
}
