import Testing
@testable import ScalpelArchive

@Suite struct AdaptiveDeflaterTests {
    /// pgbench_accounts' rows: short numbers and 84 blanks of filler, about 35 to 1.
    let redundant = Array((1...11_000).map { "\($0)\t1\t0\t" + String(repeating: " ", count: 84) + "\n" }.joined().utf8)
    /// Hexadecimal words from a fixed generator, about 2 to 1, like hashes and tokens.
    let varied: [UInt8] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var text: [UInt8] = []
        while text.count < 1 << 20 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += Array(String(state >> 16, radix: 16).utf8) + [state & 7 == 0 ? 0x0a : 0x09]
        }
        return text
    }()

    func deflate(_ input: [UInt8], with deflater: any RawDeflater) throws -> [UInt8] {
        try input.withUnsafeBytes { try deflater.deflate($0) }
    }

    func inflate(_ deflated: [UInt8], to input: [UInt8]) throws -> [UInt8] {
        let member = GzipMember.frame(deflated: deflated, crc: crc32(input), uncompressedLength: input.count)
        return try MemberInflater().inflate(member: member, expectedLength: input.count, what: "the member")
    }

    @Test func redundantMembersGoToISAL() throws {
        let adaptive = try deflate(redundant, with: AdaptiveDeflater(level: 3))
        #expect(adaptive == (try deflate(redundant, with: IsalDeflater(level: 2))))
        #expect(adaptive != (try deflate(redundant, with: LibdeflateDeflater(level: 3))))
        #expect(try inflate(adaptive, to: redundant) == redundant)
    }

    @Test func otherMembersGoToLibdeflate() throws {
        let adaptive = try deflate(varied, with: AdaptiveDeflater(level: 3))
        #expect(adaptive == (try deflate(varied, with: LibdeflateDeflater(level: 3))))
        #expect(adaptive != (try deflate(varied, with: IsalDeflater(level: 2))))
        #expect(try inflate(adaptive, to: varied) == varied)
    }

    /// Below four probes' worth a member is small enough that the probe is not worth it.
    @Test func smallMembersAreNotProbed() throws {
        let small = Array(redundant.prefix(4 * AdaptiveDeflater.probeLength - 1))
        let adaptive = try deflate(small, with: AdaptiveDeflater(level: 3))
        #expect(adaptive == (try deflate(small, with: LibdeflateDeflater(level: 3))))
        #expect(try inflate(adaptive, to: small) == small)
    }

    /// The probe reads the member's start: redundant rows after varied ones stay with libdeflate.
    @Test func theProbeDecidesForTheWholeMember() throws {
        let mixed = Array(varied.prefix(AdaptiveDeflater.probeLength)) + redundant
        let adaptive = try deflate(mixed, with: AdaptiveDeflater(level: 3))
        #expect(adaptive == (try deflate(mixed, with: LibdeflateDeflater(level: 3))))
        #expect(try inflate(adaptive, to: mixed) == mixed)
    }
}
