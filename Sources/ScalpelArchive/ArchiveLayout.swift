/// The byte layout of a pgscalpel archive. docs/FORMAT.md is the normative
/// description; the constants here mirror it one for one.
///
/// ```
///  offset 0                                                      end of file
///  +----------+----------+-- ... --+----------+--------------+-----------+
///  | member 0 | member 1 |         | member   | index member | footer    |
///  | (gzip)   | (gzip)   |         | n-1      | (gzip)       | (gzip,    |
///  |          |          |         | (gzip)   |              |  66 bytes)|
///  +----------+----------+-- ... --+----------+--------------+-----------+
///   \__ pg_dump's plain output, cut at its TOC sections __/
///
///  footer member: fixed 66 bytes, decompresses to nothing
///   0  1f 8b 08 04        ID1 ID2, CM = deflate, FLG = FEXTRA
///   4  00 00 00 00        MTIME
///   8  00 03              XFL, OS = Unix
///  10  2c 00              XLEN = 44
///  12  50 53              subfield id "PS"
///  14  28 00              subfield length = 40
///  16  "PGSCALPEL"        magic, 9 bytes
///  25  01 00              format version, u16 LE
///  27  00                 flags, reserved, zero
///  28  u64 LE             offset of the index member
///  36  u64 LE             compressed length of the index member
///  44  u64 LE             length of the index payload (decompressed)
///  52  u32 LE             CRC-32 of the index payload
///  56  03 00              an empty final deflate block
///  58  00 00 00 00        CRC-32 of no bytes
///  62  00 00 00 00        ISIZE = 0
/// ```
public enum ArchiveLayout {
    public static let formatVersion: UInt16 = 1
    public static let magic: [UInt8] = Array("PGSCALPEL".utf8)
    public static let footerSize = 66
    static let footerSubfieldID: [UInt8] = [0x50, 0x53]  // "PS"
    static let footerXLEN: UInt16 = 44
    static let footerSubfieldLength: UInt16 = 40
    static let emptyDeflateBlock: [UInt8] = [0x03, 0x00]

    /// Every data member and the index member start with this plain gzip header:
    /// no flags, no timestamp (so equal input gives an equal archive), OS = Unix.
    static let memberHeader: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]
    static let memberTrailerSize = 8

    /// The index payload is one SQL comment line, so `gunzip -c | psql` skips it.
    public static let indexLinePrefix: [UInt8] = Array("-- pgscalpel-index v1 ".utf8)

    /// Largest piece of SQL put into one member. 1 MiB keeps the archive within
    /// 0.1% of one continuous gzip stream while giving both cores work and
    /// bounding memory (docs/BENCHMARKS.md has the measurements).
    public static let defaultMemberLimit = 1 << 20

    /// The largest index payload a reader accepts from a file of `fileSize` bytes.
    /// The payload is held in memory whole, so a footer that claims more (an
    /// index that inflates a thousandfold) is refused before anything is
    /// allocated. A dump of 2,000 empty tables, where every section is a tiny
    /// member, has an index 1.5 times its file; data only makes the file larger.
    public static func largestIndexPayload(fileSize: UInt64) -> UInt64 {
        let (times4, overflow) = fileSize.multipliedReportingOverflow(by: 4)
        return overflow ? .max : (16 << 20) + times4
    }

    /// The conventional file name ending, so people and scripts can tell an indexed
    /// archive from a plain `pg_dump | gzip` file while both stay `.sql.gz`.
    public static let fileExtension = ".scalpel.sql.gz"
}
