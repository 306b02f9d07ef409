import Foundation
import PostgresAccess
import Testing

@Suite struct CopyTests {
    private struct Abandoned: Error {}

    /// Every type whose text form pg_dump writes and a restore must
    /// reproduce exactly, with the values most likely to get mangled.
    private static let mixedRows = #"""
        SELECT i,
               i * 3000000019::bigint,
               CASE i % 8 WHEN 0 THEN NULL WHEN 1 THEN E'tab\there' WHEN 2 THEN E'new\nline\r' WHEN 3 THEN E'back\\slash'
                          WHEN 4 THEN 'ünïcødé ✓ 😀' WHEN 5 THEN '' ELSE 'r' || i END,
               CASE WHEN i % 7 = 0 THEN NULL ELSE i * 0.001 END,
               CASE i % 6 WHEN 0 THEN 'NaN'::float8 WHEN 1 THEN '-0'::float8 WHEN 2 THEN 'Infinity'::float8
                          WHEN 3 THEN '-Infinity'::float8 ELSE i / 3.0::float8 END,
               timestamptz '2000-01-01 00:00:00+00' + i * interval '1.001 second',
               date '2000-01-01' + i % 10000,
               (i % 30) * interval '1 day 1.000001 second',
               int4send(i),
               '[{"a": [1, null, true]}, {"s": "q \" b \\ s"}, [], null]'::jsonb -> (i % 5),
               ARRAY[i, NULL],
               CASE WHEN i % 5 = 0 THEN NULL ELSE ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid END,
               CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END
        FROM generate_series(1, 1000000) AS i
        """#

    private struct Digest: Equatable {
        var hasher = Hasher()
        var bytes = 0
        var chunks = 0

        mutating func add(_ chunk: UnsafeRawBufferPointer) {
            hasher.combine(bytes: chunk)
            bytes += chunk.count
            chunks += 1
        }

        static func == (lhs: Digest, rhs: Digest) -> Bool {
            lhs.hasher.finalize() == rhs.hasher.finalize() && lhs.bytes == rhs.bytes && lhs.chunks == rhs.chunks
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func millionMixedRowsRoundTripByteForByte() throws {
        let source = try SharedServer.connect()
        let sink = try SharedServer.connect()
        // Created in the loading transaction, the table bypasses the free
        // space map, so its heap order is the order the rows were sent in.
        try sink.execute("BEGIN")
        try sink.execute("""
            CREATE TABLE copy_round_trip (
                id int, big bigint, label text, amount numeric, ratio float8, at timestamptz,
                day date, span interval, raw bytea, doc jsonb, numbers int[], key uuid, flag boolean
            )
            """)
        defer { _ = try? sink.execute("DROP TABLE copy_round_trip") }

        var sent = Digest()
        let written = try sink.copyIn("COPY copy_round_trip FROM STDIN") { writer in
            let read = try source.copyOut("COPY (\(Self.mixedRows)) TO STDOUT") { chunk in
                sent.add(chunk)
                try writer.write(chunk)
            }
            #expect(read == 1_000_000)
        }
        #expect(written == 1_000_000)
        try sink.execute("COMMIT")

        try source.execute("SET synchronize_seqscans = off")
        var received = Digest()
        let read = try source.copyOut("COPY copy_round_trip TO STDOUT") { received.add($0) }
        #expect(read == 1_000_000)
        #expect(received.bytes > 150_000_000)
        #expect(received == sent)
    }

    @Test func copyInAcceptsAnyChunking() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE chunks (id int, label text)")
        let rows = try connection.copyIn("COPY chunks FROM STDIN") { writer in
            try writer.write("1\tone\n2\t")
            try writer.write(Array("tw".utf8))
            try "o\n3\t\\N\n".utf8CString.withUnsafeBytes { try writer.write(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
        }
        #expect(rows == 3)
        #expect(try connection.execute("SELECT id, label FROM chunks ORDER BY id").rows == [["1", "one"], ["2", "two"], ["3", nil]])
    }

    @Test func throwingCopyInBodyLeavesNoRows() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE abandoned_in (id int)")
        #expect(throws: Abandoned.self) {
            try connection.copyIn("COPY abandoned_in FROM STDIN") { writer in
                for id in 1...10_000 {
                    try writer.write("\(id)\n")
                }
                throw Abandoned()
            }
        }
        #expect(try connection.execute("SELECT count(*) FROM abandoned_in")[0, 0] == "0")
    }

    @Test(.timeLimit(.minutes(1)))
    func throwingCopyOutBodyCancelsTheQuery() throws {
        let connection = try SharedServer.connect()
        var seen = 0
        let started = ContinuousClock.now
        #expect(throws: Abandoned.self) {
            try connection.copyOut("COPY (SELECT generate_series(1, 1000000000)) TO STDOUT") { _ in
                seen += 1
                if seen == 10 {
                    throw Abandoned()
                }
            }
        }
        #expect(seen == 10)
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(try connection.execute("SELECT 1")[0, 0] == "1")
    }

    @Test func badCopyDataMapsToSQLState() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE typed (id int)")
        let error = #expect(throws: PostgresError.self) {
            try connection.copyIn("COPY typed FROM STDIN") { try $0.write("1\nnot a number\n") }
        }
        #expect(error?.sqlState == "22P02")
        #expect(try connection.execute("SELECT count(*) FROM typed")[0, 0] == "0")
    }

    @Test func failingCopyOutQueryMapsToSQLState() throws {
        let connection = try SharedServer.connect()
        var rows = 0
        let error = #expect(throws: PostgresError.self) {
            try connection.copyOut("COPY (SELECT 10 / (5 - i) FROM generate_series(1, 10) AS i) TO STDOUT") { _ in rows += 1 }
        }
        #expect(error?.sqlState == "22012")
        #expect(rows == 4)
        #expect(try connection.execute("SELECT 1")[0, 0] == "1")
    }

    @Test func copyInTheWrongDirectionIsRefused() throws {
        let connection = try SharedServer.connect()
        try connection.execute("CREATE TEMP TABLE direction (id int)")
        let error = #expect(throws: PostgresError.self) {
            try connection.copyOut("COPY direction FROM STDIN") { _ in }
        }
        #expect(error?.code == .unexpectedResult)
        #expect(throws: PostgresError.self) {
            try connection.copyIn("SELECT 1") { _ in }
        }
        #expect(try connection.execute("SELECT count(*) FROM direction")[0, 0] == "0")
    }

    @Test func copyOutRunsOneStatementOnly() throws {
        let connection = try SharedServer.connect()
        let error = #expect(throws: PostgresError.self) {
            try connection.copyOut("COPY (SELECT 1) TO STDOUT; CREATE TEMP TABLE smuggled (id int)") { _ in }
        }
        #expect(error?.sqlState == "42601")
        #expect(try connection.execute("SELECT to_regclass('pg_temp.smuggled') IS NULL")[0, 0] == "t")
    }
}
