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
        /// `CREATE INDEX`, or a constraint that makes an index of its name (PRIMARY KEY,
        /// UNIQUE, EXCLUDE): remembered so INDEX ATTACH and an index's statistics can
        /// name the table.
        case createIndex
        /// `ALTER INDEX parent ATTACH PARTITION child`.
        case indexAttach(child: QualifiedName)
        /// `ALTER SEQUENCE ... OWNED BY` or an identity column's `SEQUENCE NAME`.
        case sequenceOwnership
        /// `SELECT pg_catalog.setval(...)`.
        case sequenceSet
        /// `SELECT * FROM pg_catalog.pg_restore_relation_stats(...)` or
        /// `pg_restore_attribute_stats(...)` (pg_dump 18): `object` is the table or index.
        case relationStatistics
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
