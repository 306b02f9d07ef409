import Foundation
import PostgresAccess
import Recovery
import ScalpelArchive
import Support
import TestSupport

/// A database and its archive for the export suites, made on first use in the target's server.
final class ExportFixture: @unchecked Sendable {
    let server: ScratchServer
    let database = "export_source"
    let archive: String
    let reader: ArchiveReader

    private static let made = Result { try ExportFixture() }

    static func shared() throws -> ExportFixture { try made.get() }

    private init() throws {
        server = try RestoreServer.shared()
        try server.createDatabase(database)
        let connection = try Connection(server.target(database: database))
        let demo = URL(fileURLWithPath: Fixture.path("demo-app.sql"))
        try connection.execute(try String(contentsOf: demo, encoding: .utf8))
        try connection.execute(Self.awkwardTypes)
        // In the server's directory, which goes when the server stops at exit.
        archive = server.directory + "/export.scalpel.sql.gz"
        _ = try Backup(target: server.target(database: database), file: archive, pgDumpArguments: []).run()
        reader = try ArchiveReader(path: archive)
    }

    func connect() throws -> Connection {
        let connection = try Connection(server.target(database: database))
        // The settings pg_dump wrote its COPY text under (backup pins TimeZone and bytea_output).
        try connection.execute("""
            SET TimeZone = 'UTC'; SET DateStyle = 'ISO'; SET IntervalStyle = 'postgres';
            SET extra_float_digits = 3; SET bytea_output = 'hex'
            """)
        return connection
    }

    func hasData(_ table: QualifiedName) -> Bool {
        reader.index.dataSection(of: table) != nil
            || reader.index.sections.contains { $0.type == "TABLE ATTACH" && $0.name == table.name && $0.schema == table.schema }
    }

    struct Exported {
        var bytes: [UInt8]
        var summary: ExportSummary
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    func export(_ table: String, format: ExportFormat = .csv, columns: [String]? = nil, keys: [String] = [],
                bytea: ExportFormat.Bytea = .hex) throws -> Exported {
        var export = Export(archive: archive, tables: [try TablePattern(table)])
        export.formats = [format]
        export.columns = columns
        export.keys = keys
        export.bytea = bytea
        let sink = MemorySink()
        let summary = try export.write(reader: reader, to: sink)
        return Exported(bytes: sink.bytes, summary: summary)
    }

    /// The table's rows in COPY text, sorted, generated columns included.
    func copyText(of table: String, via connection: Connection) throws -> [String] {
        var text: [UInt8] = []
        try connection.copyOut("COPY (SELECT * FROM \(table)) TO STDOUT") { text += $0 }
        return String(decoding: text, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
    }

    /// Every type export treats specially, and the values most likely to be mangled.
    private static let awkwardTypes = #"""
        CREATE TYPE mood AS ENUM ('happy', 'sad', 'o''k');
        CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
        CREATE DOMAIN tags AS text[];
        CREATE TABLE kinds (
            id integer PRIMARY KEY,
            tz timestamptz, ts timestamp(3), d date, iv interval,
            r real, dp double precision, n numeric(40, 20), nn numeric,
            b boolean, bytes bytea,
            ia integer[], ta text[], nested int[][], ba bytea[], tg tags, ja jsonb[], fa float8[],
            jb jsonb, j json, u uuid, ip inet, m mood, p posint, t text, vc varchar(10), ch char(3)
        );
        INSERT INTO kinds VALUES
            (1, '2026-03-01 12:30:00.123456+00', '2026-03-01 12:30:00.123', '2026-03-01', '1 year 2 mons 3 days 04:05:06.7',
             1.5, 2.25, 12345678901234567890.12345678901234567890, -0.000000000000000000000000000001,
             true, '\x00ff5c',
             '{1,NULL,-3}', ARRAY['a b', 'c"d', NULL, 'NULL', '', '{}', 'back\slash'], '{{1,2},{3,4}}', ARRAY['\x01'::bytea, NULL],
             '{x,y}', ARRAY['{"a": 1}'::jsonb, '[true]'], '{1,2}',
             '{"a": [1, {"b": null}], "c": "x\ny"}', E'{ "k" :\n [1, 2] }', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
             '192.168.0.1/24', 'o''k', 7, E'tab\there, new\nline, back\\slash, "quote", comma, é日本 😀', 'short', 'ab'),
            (2, 'infinity', '-infinity', '2026-12-31', '-1 days', 'NaN', '-Infinity', 0, 'NaN',
             false, '\x', '{}', '{}', '{}', '{}', '{}', '{}', '{-0,Infinity,NaN,1e100}',
             '[]', '"just a string"', NULL, '::1', 'happy', 1, '', '', ''),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (4, '2000-01-01 00:00:00+00', NULL, NULL, NULL, '-0', '-0', 1e-30, 100, NULL, '', '{}', '{"\\"}', NULL, NULL,
             NULL, NULL, NULL, '{"\\": "\u00e9"}', 'null', NULL, NULL, 'sad', 2, E'\\.', 'x,y', 'a"');
        CREATE TABLE dots (v text, id integer);
        INSERT INTO dots VALUES ('\.', 1), ('\.', 2), ('', 3), (NULL, 4), ('"', 5), (E'cr\rhere', 6), ('comma,', 7);
        CREATE TABLE pairs (a text, b integer, note text, PRIMARY KEY (a, b));
        INSERT INTO pairs VALUES ('x,y', 2, 'comma'), ('say "hi"', 1, 'quotes'), ('x', 1, 'plain');
        CREATE TABLE base (id integer PRIMARY KEY, flag boolean);
        CREATE TABLE derived (note text) INHERITS (base);
        INSERT INTO derived VALUES (1, true, 'child');
        """#
}
