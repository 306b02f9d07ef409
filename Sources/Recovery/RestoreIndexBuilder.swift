import PostgresAccess
import ScalpelArchive

/// Builds post-data `INDEX` sections over several connections at once. Index
/// builds need only their table and its data, never each other, and CREATE
/// INDEX takes a lock that other builds on the same table share.
struct RestoreIndexBuilder: Sendable {
    var archive: String
    var target: ConnectionTarget
    var settings: [String]
    var dataStyles: [String: String]

    func build(_ sections: [Section], jobs: Int) throws {
        let workers = RestoreWorkers(archive: archive, target: target, settings: settings, dataStyles: dataStyles)
        _ = try workers.run(count: sections.count, jobs: jobs) { position, reader, session in
            // An index section has no OWNER TO or GRANT: nothing is counted here.
            var missing = RestoreSession.MissingRoles()
            _ = try session.run(sections[position], text: reader.text(of: sections[position]), missing: &missing)
            return 0
        }
    }
}
