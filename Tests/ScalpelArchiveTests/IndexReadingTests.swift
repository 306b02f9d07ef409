import Support
import Testing
@testable import ScalpelArchive

/// The index is read by `JSONReader`, not `JSONDecoder`: these check that it reads
/// back everything the writer writes, accepts any valid JSON the format allows,
/// and refuses the rest with a message that says where.
@Suite struct IndexReadingTests {
    /// Every optional field set, so that a field added to the types but not to
    /// `ArchiveIndex+JSON.swift` comes back nil and fails the round trip.
    static let full: ArchiveIndex = {
        var dump = DumpInfo(database: "shop \"main\"", serverVersion: "15.18", pgDumpVersion: "15.18",
                            startedAt: "2026-11-26T19:40:46Z", completedAt: "2026-11-26T19:40:47Z",
                            settings: ["DateStyle": "ISO", "TimeZone": "UTC"], pgDumpArguments: ["-t", "users"],
                            extensions: ["citext": "1.6"])
        dump.undo = UndoScope(table: QualifiedName(schema: "public", name: "users"), key: ["id", "région"],
                              insertedKeys: QualifiedName(schema: "pgscalpel_undo", name: "inserted"))
        let section = Section(kind: .entry, type: "TABLE DATA", schema: "Café", name: "naïve\ntable 😀", owner: "app",
                              dumpID: 4242, dependencies: [1, 2, 3], table: QualifiedName(schema: "Café", name: "naïve"),
                              copyTarget: QualifiedName(schema: nil, name: "root"), columns: ["id", "a\\b", "\"q\""],
                              rows: 18_446_744_073_709_551_615, uncompressedOffset: 1 << 40, uncompressedLength: 77,
                              firstMember: 1, memberCount: 2)
        return ArchiveIndex(pgscalpelVersion: "0.1.0", dump: dump,
                            members: [Member(offset: 0, length: 10, uncompressedOffset: 0, uncompressedLength: 20, crc32: 0),
                                      Member(offset: 10, length: 12, uncompressedOffset: 20, uncompressedLength: 30,
                                             crc32: UInt32.max)],
                            sections: [Section(kind: .prologue, uncompressedOffset: 0, uncompressedLength: 20), section])
    }()

    @Test func everyFieldRoundTrips() throws {
        for value in [Self.full.dump as Any, Self.full.sections[1] as Any] {
            for child in Mirror(reflecting: value).children {
                let field = Mirror(reflecting: child.value)
                #expect(field.displayStyle != .optional || !field.children.isEmpty, "\(child.label ?? "?") is nil in the sample")
            }
        }
        #expect(try IndexCodec.decode(try IndexCodec.encode(Self.full)) == Self.full)
    }

    @Test func readsAnyLayoutTheFormatAllows() throws {
        let json = """
             { "sections" : [ { "memberCount":0, "firstMember":0, "uncompressedLength":5, "uncompressedOffset":0,
               "k\\u0069nd":"entry", "name":"caf\\u00e9 \\ud83d\\ude00 \\"x\\" \\\\ \\/ \\t", "schema":null, "rows":null,
               "later":{"deep":[1,-2.5e+3,true,false,null,"s"]} } ],
             "members":[], "dump":{"settings":{"Time\\u005aone":"UTC"},"pgDumpArguments":[],"undo":null},
             "version":1, "pgscalpelVersion":"9", "format":"pgscalpel-index", "version":1 }\r\n\t
            """
        let index = try ArchiveIndex(json: Array(json.utf8)[...])
        #expect(index.sections[0].kind == .entry)
        #expect(index.sections[0].name == "café 😀 \"x\" \\ / \t")
        #expect(index.sections[0].schema == nil && index.sections[0].rows == nil)
        #expect(index.dump.settings == ["TimeZone": "UTC"] && index.dump.undo == nil)
    }

    @Test(arguments: [
        (#"{"a":1,}"#, "expected a key at byte 7 of the JSON"),
        (#"[1,2,]"#, "expected a JSON value at byte 5 of the JSON"),
        (#"{"a":01}"#, "expected ',' or '}' at byte 6 of the JSON"),
        (#"{"a":-}"#, "expected a digit at byte 6 of the JSON"),
        (#"{"a":1.}"#, "expected a digit at byte 7 of the JSON"),
        (#"{"a":"x"#, "a string is not closed at byte 7 of the JSON"),
        ("{\"a\":\"\u{1}\"}", "a control character in a string at byte 6 of the JSON"),
        (#"{"a":"\x"}"#, "an unknown escape in a string at byte 6 of the JSON"),
        (#"{"a":"\ud800"}"#, "a high surrogate without its low surrogate at byte 12 of the JSON"),
        (#"{"a":"\udc00"}"#, "a low surrogate without its high surrogate at byte 12 of the JSON"),
        (#"{"a":"\u12"}"#, "expected four hexadecimal digits after \\u at byte 8 of the JSON"),
        (#"{"a":tru}"#, "expected a JSON value at byte 5 of the JSON"),
        (#"{"a":1} x"#, "unexpected text after the JSON value at byte 8 of the JSON"),
        (#"{"a" 1}"#, "expected ':' at byte 5 of the JSON"),
        (#"{"a":1"#, "the JSON text ends early at byte 6 of the JSON"),
        ("", "the JSON text ends early at byte 0 of the JSON"),
        (String(repeating: "[", count: 100), "JSON nested more than 64 deep at byte 64 of the JSON"),
    ])
    func refusesWhatIsNotJSON(text: String, message: String) {
        #expect(throws: JSONError.self) {
            try JSONReader.read(Array(text.utf8)[...]) { (reader) throws(JSONError) in try reader.skipValue() }
        }
        do {
            try JSONReader.read(Array(text.utf8)[...]) { (reader) throws(JSONError) in try reader.skipValue() }
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func refusesInvalidUTF8() {
        let bytes = Array(#"{"a":""#.utf8) + [0xc3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONError.self) {
            try JSONReader.read(bytes[...]) { (reader) throws(JSONError) in try reader.skipValue() }
        }
    }

    /// Strings are scanned eight bytes at a time: an escape, a control character or
    /// a non-ASCII byte must be seen wherever it falls in a word, and so must the end.
    @Test func findsWhatNeedsALookAtEveryPositionInAString() throws {
        for length in 0...20 {
            for position in 0...length {
                let before = String(repeating: "a", count: position), after = String(repeating: "b", count: length - position)
                for (raw, value) in [(#"\""#, "\""), (#"\\"#, "\\"), (#"\u00e9"#, "é"), ("é", "é")] {
                    let json = Array(" \"\(before)\(raw)\(after)\"".utf8)
                    let read = try JSONReader.read(json[...]) { (reader) throws(JSONError) in try reader.readString() }
                    #expect(read == before + value + after)
                }
                let control = Array(" \"\(before)".utf8) + [0x01] + Array("\(after)\"".utf8)
                #expect(throws: JSONError.self) {
                    try JSONReader.read(control[...]) { (reader) throws(JSONError) in try reader.readString() }
                }
                do {
                    _ = try JSONReader.read(control[...]) { (reader) throws(JSONError) in try reader.readString() }
                } catch {
                    #expect(error.offset == 2 + position)
                }
            }
            let unclosed = Array(" \"\(String(repeating: "c", count: length))".utf8)
            do {
                _ = try JSONReader.read(unclosed[...]) { (reader) throws(JSONError) in try reader.readString() }
                Issue.record("accepted an unclosed string of \(length)")
            } catch {
                #expect(error.description == "a string is not closed at byte \(unclosed.count) of the JSON")
            }
        }
    }

    /// Well-formed JSON that is not an index names the member that is wrong.
    @Test(arguments: [
        (#""rows":1.5"#, "sections[0].rows is not an integer from 0 to 18446744073709551615"),
        (#""rows":-1"#, "sections[0].rows is not an integer from 0 to 18446744073709551615"),
        (#""rows":18446744073709551616"#, "sections[0].rows is not an integer from 0 to 18446744073709551615"),
        (#""rows":"7""#, "sections[0].rows is not an integer"),
        (#""name":7"#, "sections[0].name is not a string"),
        (#""kind":"middle""#, "sections[0].kind is not prologue, entry or epilogue"),
        (#""table":{"schema":"s"}"#, "sections[0].table.name is missing"),
        (#""dependencies":[1,"2"]"#, "sections[0].dependencies[1] is not an integer"),
    ])
    func namesTheWrongMember(member: String, message: String) {
        let json = #"{"format":"pgscalpel-index","version":1,"pgscalpelVersion":"9","#
            + #""dump":{"settings":{},"pgDumpArguments":[]},"members":[[0,1,0,1,0]],"#
            + #""sections":[{"kind":"entry","uncompressedOffset":0,"uncompressedLength":1,"firstMember":0,"memberCount":1,"#
            + member + "}]}"
        #expect(throws: JSONError.self) { try ArchiveIndex(json: Array(json.utf8)[...]) }
        do {
            _ = try ArchiveIndex(json: Array(json.utf8)[...])
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(arguments: [
        (#"[[0,1,0,1]]"#, "members[0] is not an array of five integers"),
        (#"[[0,1,0,1,0,9]]"#, "members[0] is not an array of five integers"),
        (#"[[0,1,0,1,4294967296]]"#, "members[0][4] is not an integer from 0 to 4294967295"),
        (#"{}"#, "members is not an array"),
    ])
    func checksMembers(members: String, message: String) {
        let json = #"{"format":"pgscalpel-index","version":1,"pgscalpelVersion":"9","#
            + #""dump":{"settings":{},"pgDumpArguments":[]},"sections":[],"members":"# + members + "}"
        do {
            _ = try ArchiveIndex(json: Array(json.utf8)[...])
            Issue.record("accepted \(members)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func namesAMissingTopLevelMember() {
        let json = #"{"format":"pgscalpel-index","version":1,"pgscalpelVersion":"9","members":[],"sections":[]}"#
        do {
            _ = try ArchiveIndex(json: Array(json.utf8)[...])
            Issue.record("accepted an index without dump")
        } catch {
            #expect(error.description == "dump is missing")
        }
    }
}
