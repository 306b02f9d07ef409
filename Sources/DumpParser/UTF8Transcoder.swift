import Glibc
import Support

/// Converts text from a dump's client_encoding to UTF-8, through the C library's
/// iconv, for output that must be UTF-8 (JSON) or is read on a terminal. pg_dump
/// writes in the database's encoding unless told otherwise, so a LATIN1 or EUC_JP
/// database gives a dump whose text is not UTF-8.
///
/// One conversion descriptor, owned here and closed on deinit; not for use from
/// two threads at once.
public final class UTF8Transcoder {
    private let descriptor: iconv_t
    /// glibc's JOHAB reads 0x5C as '₩' (U+20A9), which no other sequence gives;
    /// the server reads it as the backslash of ASCII, as it does in every encoding.
    private let wonSignIsBackslash: Bool

    /// Why no transcoder could be made: iconv knows no such conversion, with its errno.
    public struct Unavailable: Error, CustomStringConvertible {
        public let encoding: String
        public let errno: Errno
        public var description: String {
            "cannot convert \(encoding) text to UTF-8 (iconv: \(errno))"
        }
    }

    /// Nil when text in `encoding` (a `client_encoding` value) needs no conversion:
    /// UTF-8 itself, and SQL_ASCII, whose bytes have no known encoding.
    public static func converting(from encoding: String) throws -> UTF8Transcoder? {
        let name = cleanEncodingName(encoding)
        guard name != "utf8", name != "unicode", name != "sqlascii" else { return nil }
        guard let iconvName = iconvNames[name] else {
            throw Unavailable(encoding: encoding, errno: .invalidArgument)
        }
        return try UTF8Transcoder(from: iconvName, spelled: encoding, wonSignIsBackslash: iconvName == "JOHAB")
    }

    private init(from iconvName: String, spelled encoding: String, wonSignIsBackslash: Bool) throws {
        let opened = iconv_open("UTF-8", iconvName)
        guard let opened, opened != iconv_t(bitPattern: -1) else {
            throw Unavailable(encoding: encoding, errno: .current)
        }
        descriptor = opened
        self.wonSignIsBackslash = wonSignIsBackslash
    }

    deinit {
        iconv_close(descriptor)
    }

    /// `text` in UTF-8. A byte sequence the encoding does not define becomes
    /// U+FFFD, one per byte, as a text that is not what it claims to be still has
    /// to be shown.
    public func convert(_ text: UnsafeRawBufferPointer) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: text.count * 3 + 16)
        var written = 0
        var consumed = 0
        // Back to the initial shift state, for the stateful encodings.
        iconv(descriptor, nil, nil, nil, nil)
        while consumed < text.count {
            var inputLeft = text.count - consumed
            var outputLeft = output.count - written
            let (result, error) = output.withUnsafeMutableBytes { out -> (Int, Int32) in
                var source: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
                    mutating: text.baseAddress!.advanced(by: consumed).assumingMemoryBound(to: CChar.self))
                var target: UnsafeMutablePointer<CChar>? = out.baseAddress!.advanced(by: written).assumingMemoryBound(to: CChar.self)
                let result = iconv(descriptor, &source, &inputLeft, &target, &outputLeft)
                return (result, errno)
            }
            consumed = text.count - inputLeft
            written = output.count - outputLeft
            guard result == -1 else { break }
            switch error {
            case E2BIG:
                output += [UInt8](repeating: 0, count: output.count)
            default:
                // EILSEQ, or EINVAL for a character cut off at the end.
                if output.count - written < 3 { output += [UInt8](repeating: 0, count: 16) }
                output.replaceSubrange(written..<(written + 3), with: [0xEF, 0xBF, 0xBD])
                written += 3
                consumed += 1
                iconv(descriptor, nil, nil, nil, nil)
            }
        }
        output.removeSubrange(written...)
        if wonSignIsBackslash {
            while let won = output.firstRange(of: [0xE2, 0x82, 0xA9]) { output.replaceSubrange(won, with: [0x5C]) }
        }
        return output
    }

    /// The server's encoding names (cleaned), with their aliases, to glibc's.
    /// MULE_INTERNAL has no iconv counterpart.
    private static let iconvNames: [String: String] = [
        "eucjp": "EUC-JP", "euccn": "EUC-CN", "euckr": "EUC-KR", "euctw": "EUC-TW", "eucjis2004": "EUC-JISX0213",
        "latin1": "ISO-8859-1", "latin2": "ISO-8859-2", "latin3": "ISO-8859-3", "latin4": "ISO-8859-4",
        "latin5": "ISO-8859-9", "latin6": "ISO-8859-10", "latin7": "ISO-8859-13", "latin8": "ISO-8859-14",
        "latin9": "ISO-8859-15", "latin10": "ISO-8859-16",
        "iso88591": "ISO-8859-1", "iso88592": "ISO-8859-2", "iso88593": "ISO-8859-3", "iso88594": "ISO-8859-4",
        "iso88599": "ISO-8859-9", "iso885910": "ISO-8859-10", "iso885913": "ISO-8859-13", "iso885914": "ISO-8859-14",
        "iso885915": "ISO-8859-15", "iso885916": "ISO-8859-16",
        "iso88595": "ISO-8859-5", "iso88596": "ISO-8859-6", "iso88597": "ISO-8859-7", "iso88598": "ISO-8859-8",
        "win866": "CP866", "win874": "CP874", "win1250": "CP1250", "win1251": "CP1251", "win1252": "CP1252",
        "win1253": "CP1253", "win1254": "CP1254", "win1255": "CP1255", "win1256": "CP1256", "win1257": "CP1257",
        "win1258": "CP1258", "koi8r": "KOI8-R", "koi8": "KOI8-R", "koi8u": "KOI8-U",
        "sjis": "CP932", "shiftjis": "CP932", "mskanji": "CP932", "win932": "CP932", "windows932": "CP932",
        "shiftjis2004": "SHIFT_JISX0213",
        "big5": "BIG5", "win950": "BIG5", "windows950": "BIG5", "gbk": "GBK", "win936": "GBK", "windows936": "GBK",
        "uhc": "CP949", "win949": "CP949", "windows949": "CP949", "gb18030": "GB18030", "johab": "JOHAB",
    ]
}
