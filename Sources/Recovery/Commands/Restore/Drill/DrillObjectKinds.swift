import ScalpelArchive

/// Where each TOC type the drill checks lives in the catalogs. Each query returns
/// every object of its kind as key columns, compared with the same key taken from
/// the archive's sections, so a kind costs one round trip whatever its size.
struct DrillObjectKind: Sendable {
    /// The columns the catalog query returns, in the order `key(of:)` builds them.
    enum Key: Sendable {
        /// Schema and name: relations, types, functions, statistics, collations.
        case inSchema
        /// The table's schema, the table and the object's own name: constraints,
        /// triggers, rules, policies, which are named per table.
        case onTable
        /// The name alone: schemas, extensions, publications, servers, ...
        case global
    }

    var key: Key
    var sql: String

    func key(of section: Section) -> [String]? {
        guard let name = section.name else { return nil }
        switch key {
        case .inSchema: return [section.schema ?? "public", name]
        case .onTable:
            guard let table = section.table else { return nil }
            return [table.schema ?? section.schema ?? "public", table.name, name]
        case .global: return [name]
        }
    }

    private static func relation(_ relkinds: String) -> DrillObjectKind {
        DrillObjectKind(key: .inSchema, sql: """
            SELECT n.nspname, c.relname FROM pg_catalog.pg_class AS c
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace WHERE c.relkind IN (\(relkinds))
            """)
    }

    private static func perTable(_ catalog: String, name: String, table: String, filter: String = "true") -> DrillObjectKind {
        DrillObjectKind(key: .onTable, sql: """
            SELECT n.nspname, r.relname, o.\(name) FROM pg_catalog.\(catalog) AS o
            JOIN pg_catalog.pg_class AS r ON r.oid = o.\(table) JOIN pg_catalog.pg_namespace AS n ON n.oid = r.relnamespace
            WHERE \(filter)
            """)
    }

    private static func inSchema(_ catalog: String, name: String, namespace: String) -> DrillObjectKind {
        DrillObjectKind(key: .inSchema, sql: """
            SELECT n.nspname, o.\(name) FROM pg_catalog.\(catalog) AS o
            JOIN pg_catalog.pg_namespace AS n ON n.oid = o.\(namespace)
            """)
    }

    private static func global(_ catalog: String, name: String) -> DrillObjectKind {
        DrillObjectKind(key: .global, sql: "SELECT \(name) FROM pg_catalog.\(catalog)")
    }

    /// A function's section names it without its arguments: overloads share a key,
    /// and each of them must have a row of its own (the rows of one key are counted).
    private static let routine = inSchema("pg_proc", name: "proname", namespace: "pronamespace")

    /// The TOC types checked. The others (COMMENT, ACL, DEFAULT, SEQUENCE OWNED BY,
    /// TABLE ATTACH, ...) change an object rather than make one, or name it in a way
    /// (an operator's symbol and arguments) no catalog lookup by name can match;
    /// the report lists them as not checked.
    static let byType: [String: DrillObjectKind] = [
        "SCHEMA": global("pg_namespace", name: "nspname"),
        "EXTENSION": global("pg_extension", name: "extname"),
        "TABLE": relation("'r', 'p'"),
        "FOREIGN TABLE": relation("'f'"),
        "VIEW": relation("'v'"),
        "MATERIALIZED VIEW": relation("'m'"),
        "SEQUENCE": relation("'S'"),
        "INDEX": relation("'i', 'I'"),
        "CONSTRAINT": perTable("pg_constraint", name: "conname", table: "conrelid"),
        "CHECK CONSTRAINT": perTable("pg_constraint", name: "conname", table: "conrelid"),
        "FK CONSTRAINT": perTable("pg_constraint", name: "conname", table: "conrelid"),
        "TRIGGER": perTable("pg_trigger", name: "tgname", table: "tgrelid", filter: "NOT o.tgisinternal"),
        "RULE": perTable("pg_rewrite", name: "rulename", table: "ev_class"),
        "POLICY": perTable("pg_policy", name: "polname", table: "polrelid"),
        "FUNCTION": routine,
        "PROCEDURE": routine,
        "AGGREGATE": routine,
        "TYPE": inSchema("pg_type", name: "typname", namespace: "typnamespace"),
        "DOMAIN": inSchema("pg_type", name: "typname", namespace: "typnamespace"),
        "COLLATION": inSchema("pg_collation", name: "collname", namespace: "collnamespace"),
        "STATISTICS": inSchema("pg_statistic_ext", name: "stxname", namespace: "stxnamespace"),
        "EVENT TRIGGER": global("pg_event_trigger", name: "evtname"),
        "PUBLICATION": global("pg_publication", name: "pubname"),
        "SERVER": global("pg_foreign_server", name: "srvname"),
        "FOREIGN DATA WRAPPER": global("pg_foreign_data_wrapper", name: "fdwname"),
    ]
}
