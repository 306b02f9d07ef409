/// An encoding's name as the server matches it (its `clean_encoding_name`): lower
/// case letters and digits only, so `SJIS`, `sjis` and `Shift_JIS` meet their
/// table entries however a `client_encoding` setting spelled them.
public func cleanEncodingName(_ name: String) -> String {
    String(decoding: name.utf8.compactMap { byte -> UInt8? in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: byte
        case 0x41...0x5A: byte | 0x20
        default: nil
        }
    }, as: UTF8.self)
}
