import Support

/// What one statement says about the objects it touches. Only shapes pg_dump
/// writes are recognised; anything else leaves the fields nil.
struct StatementFacts: Equatable {
    enum Kind: Equatable {
        case other
        case copy(CopyCommand)
        /// `INSERT INTO`, as written by `--inserts` dumps.
        case insert
        case setting(DumpSetting)
        /// `CREATE INDEX`: remembered so INDEX ATTACH can name the table.
        case createIndex
        /// `ALTER INDEX parent ATTACH PARTITION child`.
        case indexAttach(child: QualifiedName)
        /// `ALTER SEQUENCE ... OWNED BY` or an identity column's `SEQUENCE NAME`.
        case sequenceOwnership
        /// `SELECT pg_catalog.setval(...)`.
        case sequenceSet
    }

    var kind = Kind.other
    var object: QualifiedName?
    var table: QualifiedName?
}

struct CopyCommand: Equatable {
    var target: QualifiedName
    var columns: [String]?
    var fromStdin: Bool
}
