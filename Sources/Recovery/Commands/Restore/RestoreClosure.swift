import DumpParser
import ScalpelArchive
import Support

/// The growing set of sections a `RestorePlan` runs, by position in the index:
/// the tables' own sections first, then, until nothing new turns up, the
/// schema objects that included sections name or depend on.
struct RestoreClosure {
    let index: ArchiveIndex
    private let text: (Section) throws -> [UInt8]
    private(set) var included: Set<Int> = []
    private var tokenCache: [Int: [SQLTokenizer.Token]] = [:]
    private let byDumpID: [Int: Int]
    private let schemas: [String: Int]
    private let prerequisites: [QualifiedName: [Int]]
    /// Every name the archive defines, prerequisite or not: a reference to one of
    /// these is never taken for an extension's object.
    private let defined: Set<QualifiedName>

    init(index: ArchiveIndex, text: @escaping (Section) throws -> [UInt8]) {
        self.index = index
        self.text = text
        var byDumpID: [Int: Int] = [:]
        var schemas: [String: Int] = [:]
        var prerequisites: [QualifiedName: [Int]] = [:]
        var defined: Set<QualifiedName> = []
        for (position, section) in index.sections.enumerated() where section.kind == .entry {
            if let id = section.dumpID { byDumpID[id] = position }
            guard let name = section.name, let type = section.type else { continue }
            let qualified = QualifiedName(schema: section.schema, name: name)
            defined.insert(qualified)
            if type == "SCHEMA" {
                schemas[name] = position
            } else if RestorePlan.prerequisites.contains(type) && type != "EXTENSION" {
                prerequisites[qualified, default: []].append(position)
            }
        }
        defined.formUnion(index.tables)
        self.byDumpID = byDumpID
        self.schemas = schemas
        self.prerequisites = prerequisites
        self.defined = defined
    }

    mutating func include(_ position: Int) {
        included.insert(position)
    }

    mutating func tokens(_ position: Int) throws -> [SQLTokenizer.Token] {
        if let cached = tokenCache[position] { return cached }
        let tokens = [SQLTokenizer.Token](outsideRoutineBodies: try text(index.sections[position]))
        tokenCache[position] = tokens
        return tokens
    }

    /// Adds what the included sections need, and with `attachData` the
    /// `SEQUENCE SET` of every sequence brought in, so its next value is the dump's.
    ///
    /// A name the archive does not define, in a schema extensions were created
    /// in, brings the extension of the same name (`public.citext`, `public.vector`)
    /// or, when none is named so (`public.gin_trgm_ops`), every extension of that schema.
    mutating func addPrerequisites(attachData: Bool) throws {
        var extensions: [(position: Int, facts: RestorePlan.Extension)] = []
        for (position, section) in index.sections.enumerated() where section.type == "EXTENSION" {
            extensions.append((position, try extensionFacts(position)))
        }
        var pending = included.sorted()
        var foreignNames: Set<QualifiedName> = []
        var languages: Set<String> = []
        while true {
            while let position = pending.popLast() {
                for found in try needs(of: position, foreignNames: &foreignNames, languages: &languages)
                where included.insert(found).inserted {
                    pending.append(found)
                }
            }
            var wanted = extensions.filter { languages.contains($0.facts.name) }
            for name in foreignNames {
                let inSchema = extensions.filter { $0.facts.schema == name.schema }
                let named = inSchema.filter { $0.facts.name == name.name }
                wanted += named.isEmpty ? inSchema : named
            }
            for (position, _) in wanted where included.insert(position).inserted {
                pending.append(position)
            }
            if pending.isEmpty { break }
        }
        guard attachData else { return }
        for (position, section) in index.sections.enumerated() where section.type == "SEQUENCE SET" {
            let dependencies = (section.dependencies ?? []).compactMap { byDumpID[$0] }
            if !dependencies.isEmpty && dependencies.allSatisfy(included.contains) { included.insert(position) }
        }
    }

    /// The prerequisite sections one section names or depends on. Qualified
    /// names the archive does not define are noted in `foreignNames`, the
    /// languages of functions in `languages`.
    private mutating func needs(of position: Int, foreignNames: inout Set<QualifiedName>,
                                languages: inout Set<String>) throws -> [Int] {
        let section = index.sections[position]
        var found: [Int] = []
        if let schema = section.schema, let owner = schemas[schema] { found.append(owner) }
        for dependency in section.dependencies ?? [] {
            if let target = byDumpID[dependency], RestorePlan.prerequisites.contains(index.sections[target].type ?? "") {
                found.append(target)
            }
        }
        guard section.type != "TABLE DATA" else { return found }
        let tokens = try tokens(position)
        for name in tokens.qualifiedNames {
            if let objects = prerequisites[name] {
                found += objects
            } else if !defined.contains(name) && name.schema != "pg_catalog" {
                foreignNames.insert(name)
            }
            if let schema = name.schema, let owner = schemas[schema] { found.append(owner) }
        }
        for (offset, token) in tokens.enumerated().dropLast() where token.isKeyword("language") {
            if let language = tokens[offset + 1].name { languages.insert(language) }
        }
        if section.type == "EXTENSION", let schema = try extensionFacts(position).schema, let owner = schemas[schema] {
            found.append(owner)
        }
        return found
    }

    /// `CREATE EXTENSION IF NOT EXISTS name WITH SCHEMA s [VERSION 'v']`; without
    /// a `VERSION`, the version `backup` recorded in the index, if any.
    mutating func extensionFacts(_ position: Int) throws -> RestorePlan.Extension {
        let tokens = try tokens(position)
        let version = tokens.firstIndex { $0.isKeyword("version") }.flatMap { found -> String? in
            guard found + 1 < tokens.count, case let .string(text) = tokens[found + 1] else { return nil }
            return text
        }
        let name = index.sections[position].name ?? "?"
        return RestorePlan.Extension(name: name, schema: tokens.name(after: "schema")?.name,
                                     version: version ?? index.dump.extensions?[name])
    }
}
