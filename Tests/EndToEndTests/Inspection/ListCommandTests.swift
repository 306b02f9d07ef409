import Foundation
import Testing
import TestSupport

/// `ls` as the first thing an operator runs: a partitioned table used to show `-`
/// rows and 0 B, and read as empty.
@Suite struct ListCommandTests {
    @Test func aPartitionedTableShowsItsPartitionsSums() throws {
        let env = try TestServer.environment()
        let database = try TestServer.makeDatabase("lsparts")
        let setup = try CLI.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", """
            CREATE SCHEMA archive;
            CREATE TABLE events (at date NOT NULL, note text) PARTITION BY RANGE (at);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE archive.events_old PARTITION OF events FOR VALUES FROM ('2000-01-01') TO ('2024-01-01')
                PARTITION BY RANGE (at);
            CREATE TABLE archive.events_2023 PARTITION OF archive.events_old FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
            CREATE TABLE archive.events_2022 PARTITION OF archive.events_old FOR VALUES FROM ('2000-01-01') TO ('2023-01-01');
            INSERT INTO events SELECT '2024-01-01'::date + i % 300, 'x' FROM generate_series(1, 40) i;
            INSERT INTO events SELECT '2023-01-01'::date + i % 300, 'y' FROM generate_series(1, 7) i;
            INSERT INTO events SELECT '2022-01-01'::date, 'z' FROM generate_series(1, 3) i;
            CREATE TABLE plain (id int);
            """], environment: env)
        try #require(setup.status == 0, "\(setup.errors)")
        let scratch = try ScratchFolder()
        let archive = scratch.file("p.scalpel.sql.gz")
        let backup = try CLI.pgscalpel(["backup", "-d", database, "-f", archive], environment: env)
        try #require(backup.status == 0, "\(backup.errors)")

        let listed = try CLI.pgscalpel(["ls", archive, "--json"])
        #expect(listed.status == 0, "\(listed.errors)")
        let json = try #require(try JSONSerialization.jsonObject(with: listed.output) as? [String: Any])
        let tables = try #require(json["tables"] as? [[String: Any]])
        func table(_ schema: String, _ name: String) throws -> [String: Any] {
            try #require(tables.first { $0["schema"] as? String == schema && $0["name"] as? String == name })
        }
        let events = try table("public", "events")
        #expect(events["rows"] as? Int == 50)
        #expect(events["sumOfPartitions"] as? Bool == true)
        let partitions = try #require(events["partitions"] as? [[String: String]])
        #expect(Set(partitions.map { "\($0["schema"]!).\($0["name"]!)" }) == ["public.events_2024", "archive.events_old"])
        let old = try table("archive", "events_old")
        #expect(old["rows"] as? Int == 10 && old["sumOfPartitions"] as? Bool == true)
        // The partitions keep their own counts, and the parent's bytes are theirs.
        let leaves = try [table("public", "events_2024"), table("archive", "events_2023"), table("archive", "events_2022")]
        #expect(leaves.map { $0["rows"] as? Int } == [40, 7, 3])
        #expect(leaves.allSatisfy { $0["sumOfPartitions"] as? Bool == false && $0["partitions"] == nil })
        #expect(events["dataBytes"] as? Int == leaves.reduce(0) { $0 + ($1["dataBytes"] as! Int) })
        #expect(try table("public", "plain")["rows"] as? Int == 0)

        let text = try CLI.pgscalpel(["ls", archive, "-t", "events"]).text
        let line = try #require(text.split(separator: "\n").first { $0.contains(" events ") })
        #expect(line.split(separator: " ").contains("50*"), "\(text)")
        #expect(text.contains("(1 tables; * the sum of a partitioned table's partitions)"), "\(text)")
        #expect(!(try CLI.pgscalpel(["ls", archive, "-t", "plain"]).text.contains("*")))

        // -n is a pattern, as pg_dump's is.
        let archived = try CLI.pgscalpel(["ls", archive, "-n", "ARCH*", "--json"])
        let names = try #require((try JSONSerialization.jsonObject(with: archived.output) as? [String: Any])?["tables"] as? [[String: Any]])
        #expect(Set(names.compactMap { $0["name"] as? String }) == ["events_old", "events_2023", "events_2022"])
    }
}
