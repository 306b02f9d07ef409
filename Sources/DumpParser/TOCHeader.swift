/// pg_dump's comment block above each TOC entry. Every field is a hint: names
/// are not quoted, line breaks in names became spaces, and `-` stands for "none".
public struct TOCHeader: Sendable, Equatable {
    /// From `-- TOC entry N (class C OID O)`; `--verbose` dumps only.
    public var dumpID: Int?
    /// From `-- Dependencies: ...`; `--verbose` dumps only.
    public var dependencies: [Int]
    /// The header says `Data for Name:` rather than `Name:`.
    public var isData: Bool
    public var name: String
    /// pg_dump's entry descriptor (`TABLE`, `TABLE DATA`, `FK CONSTRAINT`, ...).
    public var type: String
    /// Nil when the header says `-`, which is also how a schema named `-` would appear.
    public var schema: String?
    /// Nil when the header says `-` (objects without an owner, or `--no-owner`).
    public var owner: String?
    public var tablespace: String?

    public init(
        dumpID: Int? = nil, dependencies: [Int] = [], isData: Bool = false, name: String, type: String,
        schema: String? = nil, owner: String? = nil, tablespace: String? = nil
    ) {
        self.dumpID = dumpID
        self.dependencies = dependencies
        self.isData = isData
        self.name = name
        self.type = type
        self.schema = schema
        self.owner = owner
        self.tablespace = tablespace
    }
}

extension TOCHeader {
    static let namePrefix = "-- Name: "
    static let dataPrefix = "-- Data for Name: "
    /// pg_dump 18's header of a `STATISTICS DATA` entry.
    static let statisticsPrefix = "-- Statistics for Name: "
    static let entryPrefix = "-- TOC entry "
    static let dependenciesPrefix = "-- Dependencies:"

    /// Parses a `-- Name: ...`, `-- Data for Name: ...` or `-- Statistics for Name: ...` line.
    ///
    /// The name, schema and owner may all contain `; Type: `, `; Schema: ` and
    /// `; Owner: `. The split chosen is the last `; Type: ` followed by a known
    /// descriptor, `; Schema: ` and, somewhere after, `; Owner: `: names are
    /// more often odd than schemas, and a split inside the owner fails the
    /// `; Owner: ` test. Unknown descriptors fall back to the first `; Type: `.
    init?(nameLine line: String) {
        let bytes = Array(line.utf8)
        let isData: Bool
        let rest: ArraySlice<UInt8>
        if bytes.starts(with: Self.dataPrefix.utf8) {
            isData = true
            rest = bytes[Self.dataPrefix.utf8.count...]
        } else if bytes.starts(with: Self.namePrefix.utf8) {
            isData = false
            rest = bytes[Self.namePrefix.utf8.count...]
        } else if bytes.starts(with: Self.statisticsPrefix.utf8) {
            isData = false
            rest = bytes[Self.statisticsPrefix.utf8.count...]
        } else {
            return nil
        }
        let typeMarks = rest.occurrences(of: Self.typeMark)
        guard !typeMarks.isEmpty else { return nil }

        var split: (name: ArraySlice<UInt8>, type: ArraySlice<UInt8>, tail: ArraySlice<UInt8>)?
        for mark in typeMarks.reversed() {
            let afterType = rest[mark.upperBound...]
            guard let schemaMark = afterType.occurrences(of: Self.schemaMark).first else { continue }
            let tail = afterType[schemaMark.upperBound...]
            if TOCDescriptors.all.contains(String(decoding: afterType[..<schemaMark.lowerBound], as: UTF8.self)),
               !tail.occurrences(of: Self.ownerMark).isEmpty {
                split = (rest[..<mark.lowerBound], afterType[..<schemaMark.lowerBound], tail)
                break
            }
        }
        if split == nil, let mark = typeMarks.first {
            let afterType = rest[mark.upperBound...]
            guard let schemaMark = afterType.occurrences(of: Self.schemaMark).first else { return nil }
            split = (rest[..<mark.lowerBound], afterType[..<schemaMark.lowerBound], afterType[schemaMark.upperBound...])
        }
        guard let (name, type, tail) = split else { return nil }

        var schema = tail
        var owner: ArraySlice<UInt8>?
        var tablespace: ArraySlice<UInt8>?
        if let ownerMark = tail.occurrences(of: Self.ownerMark).first {
            schema = tail[..<ownerMark.lowerBound]
            var ownerText = tail[ownerMark.upperBound...]
            if let spaceMark = ownerText.occurrences(of: Self.tablespaceMark).last {
                tablespace = ownerText[spaceMark.upperBound...]
                ownerText = ownerText[..<spaceMark.lowerBound]
            }
            owner = ownerText
        }
        self.init(
            isData: isData, name: Self.text(name), type: Self.text(type), schema: Self.unlessHyphen(schema),
            owner: owner.flatMap(Self.unlessHyphen), tablespace: tablespace.map(Self.text)
        )
    }

    private static let typeMark = Array("; Type: ".utf8)
    private static let schemaMark = Array("; Schema: ".utf8)
    private static let ownerMark = Array("; Owner: ".utf8)
    private static let tablespaceMark = Array("; Tablespace: ".utf8)

    /// Reads the dump ID from `-- TOC entry N (class C OID O)`.
    static func dumpID(entryLine line: String) -> Int? {
        guard line.hasPrefix(entryPrefix) else { return nil }
        return number(line.utf8.dropFirst(entryPrefix.utf8.count).prefix { ASCII.isDigit($0) })
    }

    /// Reads the IDs from `-- Dependencies: 215 3`.
    static func dependencies(line: String) -> [Int]? {
        guard line.hasPrefix(dependenciesPrefix) else { return nil }
        let ids = line.utf8.dropFirst(dependenciesPrefix.utf8.count).split(separator: ASCII.space).map(number)
        return ids.contains(nil) ? nil : ids.compactMap { $0 }
    }

    private static func number(_ digits: Substring.UTF8View) -> Int? {
        guard !digits.isEmpty, digits.count < 19, digits.allSatisfy(ASCII.isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func unlessHyphen(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.isEmpty || bytes.elementsEqual([ASCII.dash]) ? nil : text(bytes)
    }
}
