import PostgresAccess
import ScalpelArchive
import Support

/// What `restore` checks on the target before it changes anything, and the one
/// destructive step it takes, `--clean`'s DROP TABLE of exactly the restored tables.
struct RestoreTargetChecks {
    let connection: Connection

    /// Refuses a target whose major is older than the archive's source server
    /// unless `allowOlder`: newer syntax would fail part-way through, after
    /// tables were created. Called before anything is changed.
    func requireMajor(atLeastSourceOf dump: DumpInfo, allowOlder: Bool) throws {
        let target = connection.serverVersionNumber / 10000
        guard !allowOlder, let version = dump.serverVersion, let source = PostgresInstallation.major(of: version),
              target < source else { return }
        throw RestoreError("the archive comes from PostgreSQL \(version) and the target server is PostgreSQL \(target): "
            + "restore into a \(source) or newer server, or pass --allow-older-server to try anyway")
    }

    /// Fails, naming each missing extension, its version in the archive when known,
    /// and the Debian package that has it, when the target cannot create an extension
    /// the plan needs. A target whose version differs is not refused: `CREATE
    /// EXTENSION` without `VERSION` installs the target's default, as pg_restore would.
    func requireExtensions(_ extensions: [RestorePlan.Extension]) throws {
        guard !extensions.isEmpty else { return }
        let available = Set(try connection.execute("SELECT name FROM pg_catalog.pg_available_extensions").rows.compactMap { $0[0] })
        let missing = extensions.filter { !available.contains($0.name) }
        guard !missing.isEmpty else { return }
        let major = connection.serverVersionNumber / 10000
        let names = missing.map { extensionLabel($0) }.joined(separator: ", ")
        let packages = missing.map { Self.debianPackage(extension: $0.name, serverMajor: major) }
        let packageList = Array(Set(packages)).sorted().joined(separator: " ")
        throw RestoreError(missing.count == 1
            ? "extension \(names) is not available on the target server: install the Debian package \(packageList) there"
            : "extensions \(names) are not available on the target server: install the Debian packages \(packageList) there")
    }

    private func extensionLabel(_ wanted: RestorePlan.Extension) -> String {
        wanted.version.map { "\(wanted.name) \($0) (in the archive)" } ?? wanted.name
    }

    /// Where Debian (and the PGDG repository) ship an extension: contrib modules in
    /// postgresql-contrib, procedural languages and the common third-party ones
    /// under their own names, others by the `postgresql-MAJOR-NAME` convention.
    static func debianPackage(extension name: String, serverMajor major: Int) -> String {
        if contrib.contains(name) { return "postgresql-contrib" }
        switch name {
        case "vector": return "postgresql-\(major)-pgvector"
        case _ where name.hasPrefix("postgis") || name.hasPrefix("address_standardizer"): return "postgresql-\(major)-postgis-3"
        case "plperl", "plperlu": return "postgresql-plperl-\(major)"
        case "plpython3u": return "postgresql-plpython3-\(major)"
        case "pltcl", "pltclu": return "postgresql-pltcl-\(major)"
        default: return "postgresql-\(major)-\(name)"
        }
    }

    private static let contrib: Set<String> = [
        "adminpack", "amcheck", "autoinc", "bloom", "btree_gin", "btree_gist", "citext", "cube", "dblink", "dict_int",
        "dict_xsyn", "earthdistance", "file_fdw", "fuzzystrmatch", "hstore", "insert_username", "intagg", "intarray",
        "isn", "lo", "ltree", "moddatetime", "old_snapshot", "pageinspect", "pg_buffercache", "pg_freespacemap",
        "pg_prewarm", "pg_stat_statements", "pg_surgery", "pg_trgm", "pg_visibility", "pg_walinspect", "pgcrypto",
        "pgrowlocks", "pgstattuple", "postgres_fdw", "refint", "seg", "sslinfo", "tablefunc", "tcn",
        "tsm_system_rows", "tsm_system_time", "unaccent", "uuid-ossp", "xml2",
    ]

    /// The tables that exist on the target already.
    func existing(_ tables: [QualifiedName]) throws -> [QualifiedName] {
        try tables.filter { table in
            try connection.execute("SELECT pg_catalog.to_regclass($1) IS NOT NULL", [table.sqlIdentifier])[0, 0] == "t"
        }
    }

    /// `--clean`: drops `tables` in one statement, without CASCADE, so that nothing
    /// else is ever dropped; refuses when that would take partitions the archive
    /// does not restore with it.
    func drop(_ tables: [QualifiedName], restoring restored: [QualifiedName]) throws {
        let keep = Set(restored)
        for table in tables {
            let partitions = try connection.execute("""
                SELECT n.nspname, c.relname FROM pg_catalog.pg_partition_tree($1::regclass) AS t
                JOIN pg_catalog.pg_class AS c ON c.oid = t.relid JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                WHERE t.relid <> $1::regclass
                """, [table.sqlIdentifier])
            let extra = partitions.rows.map { QualifiedName(schema: $0[0], name: $0[1] ?? "") }.filter { !keep.contains($0) }
            guard extra.isEmpty else {
                throw RestoreError("--clean would drop \(extra.map(\.description).joined(separator: ", ")) with \(table), "
                    + "which the archive does not restore; drop or detach them first")
            }
        }
        do {
            try connection.execute("DROP TABLE \(tables.map(\.sqlIdentifier).joined(separator: ", "))")
        } catch let error as PostgresError {
            throw RestoreError("--clean could not drop \(tables.map(\.description).joined(separator: ", ")): \(error.description)")
        }
    }

    /// `--data-only` loads into tables that exist and are empty, never on top of rows.
    func requireEmpty(_ tables: [QualifiedName]) throws {
        for table in tables {
            guard try !existing([table]).isEmpty else {
                throw RestoreError("\(table) does not exist on the target: restore its definition first (without --data-only)")
            }
            let rows = try connection.execute("SELECT EXISTS (SELECT FROM \(table.sqlIdentifier))")
            guard rows[0, 0] == "f" else {
                throw RestoreError("\(table) already has rows on the target: --data-only loads only into empty tables")
            }
        }
    }
}
