import ScalpelArchive
import Support

/// Which of an archive's sections `restore` runs for some tables, in the archive's
/// own order (pg_dump already orders definitions, data and indexes correctly):
/// the tables' own sections, their partitions, and what they need to be created
/// and queried (schemas, types, domains, sequences, functions, collations,
/// extensions), but never another table or view.
///
/// pg_dump's plain output records dependencies only for comments, grants, data
/// and sequence settings, not for definitions, so what a table needs is found
/// by name: every qualified name in its SQL (pg_dump qualifies every name
/// outside pg_catalog) that is a schema object of the archive, repeated for what
/// those objects name in turn. A name the archive does not define belongs to
/// an extension, which is brought with every extension created in that schema.
public struct RestorePlan: Sendable {
    public enum Part: Sendable {
        case all, schemaOnly, dataOnly
    }

    /// A foreign key left out because the table it references is not restored.
    public struct ForeignKey: Codable, Sendable, Equatable {
        public var table: QualifiedName
        public var name: String
        public var references: QualifiedName?
    }

    /// An extension the plan creates, for the check that the target has it.
    public struct Extension: Sendable, Equatable {
        public var name: String
        public var schema: String?
        /// The archive's version: from `CREATE EXTENSION ... VERSION`, which pg_dump
        /// writes only for binary upgrades, else from the index (`backup` records it).
        public var version: String?
    }

    /// The chosen tables and their partitions, in dump order.
    public private(set) var tables: [QualifiedName]
    /// Definitions run before the data, the `TABLE DATA` sections, and what runs after.
    public private(set) var preData: [Section]
    public private(set) var data: [Section]
    public private(set) var postData: [Section]
    public private(set) var extensions: [Extension]
    public private(set) var skippedForeignKeys: [ForeignKey]
    public private(set) var notes: [String]

    /// Section types that belong to a table and come with it (pg_dump 18's `STATISTICS
    /// DATA` of the table and of its indexes among them). Rules, publication
    /// memberships and security labels are left out: they need other objects
    /// (tables, publications, label providers) and are not needed to query the table.
    static let tableParts: Set<String> = [
        "TABLE", "DEFAULT", "TABLE DATA", "SEQUENCE", "SEQUENCE OWNED BY", "SEQUENCE SET", "TABLE ATTACH",
        "INDEX", "INDEX ATTACH", "CONSTRAINT", "CHECK CONSTRAINT", "FK CONSTRAINT", "TRIGGER", "POLICY",
        "ROW SECURITY", "COMMENT", "ACL", "STATISTICS", "STATISTICS DATA",
    ]

    /// Objects a table may need that are not tables: brought in when named.
    static let prerequisites: Set<String> = [
        "EXTENSION", "SCHEMA", "TYPE", "SHELL TYPE", "DOMAIN", "SEQUENCE", "FUNCTION", "PROCEDURE", "AGGREGATE",
        "COLLATION", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
    ]

    /// `text` reads a section's SQL; only schema sections are read, never data.
    public init(index: ArchiveIndex, patterns: [TablePattern], part: Part,
                text: @escaping (Section) throws -> [UInt8]) throws {
        var notes: [String] = []
        var chosen: [QualifiedName] = []
        for pattern in patterns {
            for table in try index.tables(matching: pattern) where !chosen.contains(table) {
                if index.sections.contains(where: { $0.type == "FOREIGN TABLE" && $0.table == table }) {
                    notes.append("\(table) is a foreign table: not restored (its server and data live elsewhere)")
                } else {
                    chosen.append(table)
                }
            }
        }
        let parents = index.partitionParents
        var added = true
        while added {
            let children = parents.filter { chosen.contains($0.value) && !chosen.contains($0.key) }.map(\.key)
            chosen += children
            added = !children.isEmpty
        }
        guard !chosen.isEmpty else { throw UsageError("nothing to restore: \(notes.joined(separator: "; "))") }
        let chosenSet = Set(chosen)
        tables = index.tables.filter { chosenSet.contains($0) }

        var closure = RestoreClosure(index: index, text: text)
        var skipped: [ForeignKey] = []
        var leftOut: [String] = []
        for (position, section) in index.sections.enumerated() {
            guard section.kind == .entry, let table = section.table, chosenSet.contains(table),
                  let type = section.type else { continue }
            guard Self.tableParts.contains(type) else {
                leftOut.append(section.label)
                continue
            }
            guard Self.wanted(type, part) else { continue }
            switch type {
            case "TABLE ATTACH", "INDEX ATTACH":
                guard let parent = parents[table], chosenSet.contains(parent) else {
                    if type == "TABLE ATTACH" {
                        notes.append("\(table) is a partition of \(Self.parentName(section)), which is not restored: "
                            + "it is restored as a table of its own")
                    }
                    continue
                }
            case "FK CONSTRAINT":
                let referenced = try closure.tokens(position).name(after: "references")
                guard let referenced, chosenSet.contains(referenced) else {
                    skipped.append(ForeignKey(table: table, name: section.name ?? "?", references: referenced))
                    continue
                }
            default:
                break
            }
            closure.include(position)
        }
        if part != .dataOnly { try closure.addPrerequisites(attachData: part == .all) }
        if !leftOut.isEmpty && part != .dataOnly {
            notes.append("not restored (they need objects restore does not bring): \(leftOut.joined(separator: ", "))")
        }

        let firstData = index.sections.firstIndex { $0.type == "TABLE DATA" } ?? index.sections.count
        let included = closure.included.sorted()
        preData = included.filter { $0 < firstData }.map { index.sections[$0] }
        data = included.filter { index.sections[$0].type == "TABLE DATA" }.map { index.sections[$0] }
        postData = included.filter { $0 > firstData && index.sections[$0].type != "TABLE DATA" }.map { index.sections[$0] }
        extensions = try included.filter { index.sections[$0].type == "EXTENSION" }.map { try closure.extensionFacts($0) }
        skippedForeignKeys = skipped
        self.notes = notes
    }

    /// Every section the plan runs, in order.
    public var sections: [Section] { preData + data + postData }

    private static func wanted(_ type: String, _ part: Part) -> Bool {
        switch part {
        case .all: return true
        case .schemaOnly: return type != "TABLE DATA" && type != "SEQUENCE SET"
        case .dataOnly: return type == "TABLE DATA" || type == "SEQUENCE SET"
        }
    }

    private static func parentName(_ section: Section) -> QualifiedName {
        QualifiedName(schema: section.schema, name: section.name ?? "?")
    }
}
