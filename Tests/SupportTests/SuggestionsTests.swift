import Support
import Testing

/// "Did you mean" offers what the typist meant and not a list of everything.
@Suite struct SuggestionsTests {
    @Test func editDistanceCountsASwapAsOne() {
        #expect(editDistance("tabel", "table") == 1)
        #expect(editDistance("users", "users") == 0)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("café", "cafe") == 1)
    }

    @Test func closestNamesAreNearOrPrefixesAndFew() {
        let names = ["users", "user_roles", "orders", "order_items", "invoices", "Users"]
        #expect(closestNames(to: "usres", among: names) == ["Users", "users"])
        #expect(closestNames(to: "order", among: names) == ["orders", "order_items"])
        #expect(closestNames(to: "zzz", among: names).isEmpty)
        // Two letters are within two edits of every short name: not a suggestion.
        #expect(closestNames(to: "ab", among: ["x", "yz", "abc"]) == ["abc"])
        #expect(closestNames(to: "a", among: ["b", "c", "d"]).isEmpty)
        #expect(closestNames(to: "invoice", among: names + ["invoice_lines", "invoice_taxes", "invoice_x"]).count == 3)
    }

    @Test func alternativesReadAsAnEnglishList() {
        #expect(listedAsAlternatives(["a"]) == "a")
        #expect(listedAsAlternatives(["a", "b"]) == "a or b")
        #expect(listedAsAlternatives(["a", "b", "c"]) == "a, b or c")
    }
}
