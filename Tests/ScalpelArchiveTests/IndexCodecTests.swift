import Testing
@testable import ScalpelArchive

/// The index's `dump.extensions` is an additive field of format version 1: indexes
/// written without it (by `pack`, or by older pgscalpels) read as before, and old
/// readers skip it as an unknown key.
@Suite struct IndexCodecTests {
    @Test func extensionVersionsRoundTripAndAreAbsentWhenUnknown() throws {
        var index = ArchiveIndex(pgscalpelVersion: "test", dump: DumpInfo(database: "db"), members: [], sections: [])
        let withoutExtensions = try IndexCodec.encode(index)
        #expect(!String(decoding: withoutExtensions, as: UTF8.self).contains("extensions"))
        #expect(try IndexCodec.decode(withoutExtensions).dump.extensions == nil)

        index.dump.extensions = ["citext": "1.6", "plpgsql": "1.0"]
        let payload = try IndexCodec.encode(index)
        #expect(String(decoding: payload, as: UTF8.self).contains(#""extensions":{"citext":"1.6","plpgsql":"1.0"}"#))
        #expect(try IndexCodec.decode(payload) == index)
    }

    @Test func unknownKeysAreIgnored() throws {
        let line = #"-- pgscalpel-index v1 {"dump":{"pgDumpArguments":[],"settings":{},"later":{"x":1}},"#
            + #""format":"pgscalpel-index","members":[],"pgscalpelVersion":"9.9","sections":[],"version":1,"later":[2]}"#
            + "\n"
        let index = try IndexCodec.decode(Array(line.utf8))
        #expect(index.pgscalpelVersion == "9.9" && index.dump.extensions == nil)
    }
}
