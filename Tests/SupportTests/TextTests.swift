import Foundation
import Support
import Testing

@Suite struct TextTests {
    @Test func aQuoteFollowedByACombiningMarkIsStillDoubled() {
        let name = "a\"\u{301}b"
        #expect(name.replacing("\"", with: "\"\"") == name)  // why Character-wise replacing is not enough
        #expect(name.escapingScalar("\"", with: "\"\"") == "a\"\"\u{301}b")
        #expect("it's".escapingScalar("'", with: "'\\''") == "it'\\''s")
        #expect("".escapingScalar("'", with: "''") == "")
    }

    /// The same sets as Foundation's CharacterSet trimming, over every scalar.
    @Test func trimmingMatchesFoundation() {
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x\(scalar)"
            #expect(text.trimmingSpacesAndTabs() == text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(value, radix: 16))")
        }
    }
}
