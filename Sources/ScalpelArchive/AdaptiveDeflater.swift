/// libdeflate for most members, ISA-L for those that compress 24 to 1 or better,
/// such as pgbench's blank-padded rows or mostly-NULL columns. On those, ISA-L's
/// level 2 is as small as libdeflate's level 3 for about a tenth of the CPU (0.13 s
/// against 0.84 s for pgbench_accounts' 185 MiB); on less redundant text it is 5 to
/// 9% larger, so it is kept to where it is not. A probe of the member's first 64 KiB
/// at ISA-L's level 1 decides, for about 2% of the cost of compressing the member.
/// The choice depends on the member's bytes only: the same input gives the same archive.
final class AdaptiveDeflater: RawDeflater {
    static let probeLength = 64 << 10
    /// Measured on 1 MiB members of several dumps (docs/BENCHMARKS.md): where the
    /// probe shrinks 24 to 1 or more, ISA-L's members were 0.999x libdeflate's; from
    /// 20 to 24, 1.008x; below 16, 1.05x to 1.09x.
    static let redundantRatio = 24

    private let probe: IsalDeflater
    private let redundant: IsalDeflater
    private let general: LibdeflateDeflater

    init(level: Int) throws {
        probe = try IsalDeflater(level: 1)
        redundant = try IsalDeflater(level: 2)
        general = try LibdeflateDeflater(level: level)
    }

    func deflate(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        if input.count >= 4 * Self.probeLength {
            let sample = try probe.deflate(UnsafeRawBufferPointer(rebasing: input[..<Self.probeLength]))
            if sample.count * Self.redundantRatio <= Self.probeLength {
                return try redundant.deflate(input)
            }
        }
        return try general.deflate(input)
    }
}
