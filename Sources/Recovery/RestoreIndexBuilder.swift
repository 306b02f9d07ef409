import PostgresAccess
import ScalpelArchive

/// Builds post-data `INDEX` and `CONSTRAINT` sections (primary keys, unique,
/// exclusion and check constraints) over several connections at once, those of
/// the largest tables first. They need only their table and its data, never each
/// other; each statement locks one table, and builds on the same table wait for
/// each other. Foreign keys, which need the other table's key, come after.
struct RestoreIndexBuilder: Sendable {
    static let types: Set<String> = ["INDEX", "CONSTRAINT"]

    var archive: String
    var target: ConnectionTarget
    var settings: [String]
    var dataStyles: [String: String]

    /// `tableSizes`: bytes of each table's data, which an index build reads.
    func build(_ sections: [Section], tableSizes: [RelationName: UInt64], jobs: Int) throws {
        let workers = RestoreWorkers(archive: archive, target: target, settings: settings, dataStyles: dataStyles)
        let costs = sections.map { section in section.table.flatMap { tableSizes[$0] } ?? 0 }
        let deadlocked = try workers.run(costs: costs, jobs: jobs) { position, reader, session in
            // These sections have no OWNER TO or GRANT: nothing is counted here.
            var missing = RestoreSession.MissingRoles()
            do {
                _ = try session.run(sections[position], text: reader.text(of: sections[position]), missing: &missing)
                return 0
            } catch let error as PostgresError where error.sqlState == "40P01" {
                // Two builds locked tables in opposite orders (a partition and its
                // parent): the server undid this one; it runs again, alone, below.
                return 1
            }
        }
        let again = sections.indices.filter { deadlocked[$0] == 1 }.map { sections[$0] }
        if !again.isEmpty {
            _ = try workers.run(costs: again.map { _ in 0 }, jobs: 1) { position, reader, session in
                var missing = RestoreSession.MissingRoles()
                _ = try session.run(again[position], text: reader.text(of: again[position]), missing: &missing)
                return 0
            }
        }
    }
}
