/// A statement's tokens read from its bytes only as far as they are looked at,
/// with the byte range of each: what the statement analyser reads a statement
/// with, and export a COPY line whose spellings it repeats.
public struct TokenReader: TokenStream {
    typealias Token = SQLTokenizer.Token

    let bytes: [UInt8]
    private var tokenizer: SQLTokenizer
    private var buffered: [(token: Token, range: Range<Int>)] = []
    /// The first buffered token not yet consumed.
    private var head = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.tokenizer = SQLTokenizer(bytes)
    }

    public mutating func peek(_ ahead: Int = 0) -> SQLTokenizer.Token? {
        fill(ahead + 1)
        return head + ahead < buffered.count ? buffered[head + ahead].token : nil
    }

    /// The byte range of the token `ahead` positions on.
    mutating func range(_ ahead: Int = 0) -> Range<Int>? {
        fill(ahead + 1)
        return head + ahead < buffered.count ? buffered[head + ahead].range : nil
    }

    @discardableResult
    public mutating func next() -> SQLTokenizer.Token? {
        fill(1)
        guard head < buffered.count else { return nil }
        head += 1
        return buffered[head - 1].token
    }

    /// What `read` reads, with the text it was read from, as written there
    /// (`"Sales"."Order Items"`, where the value is the name unquoted).
    public mutating func spelled<Value>(_ read: (inout TokenReader) -> Value?) -> (value: Value, text: String)? {
        let first = head
        guard let start = range()?.lowerBound, let value = read(&self), head > first else { return nil }
        return (value, String(decoding: bytes[start..<buffered[head - 1].range.upperBound], as: UTF8.self))
    }

    private mutating func fill(_ count: Int) {
        while buffered.count - head < count, let token = tokenizer.next() {
            buffered.append((token, tokenizer.tokenStart..<tokenizer.position))
        }
    }
}
