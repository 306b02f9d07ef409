import Foundation
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
        let queue = LoadQueue(count: sections.count)
        let group = DispatchGroup()
        for _ in 0..<min(max(jobs, 1), sections.count) {
            group.enter()
            let worker = Thread { [self] in
                defer { group.leave() }
                do {
                    let reader = try ArchiveReader(path: archive)
                    let session = try RestoreSession(target: target, settings: settings, dataStyles: dataStyles)
                    // An index section has no OWNER TO or GRANT: nothing is counted here.
                    var missing = RestoreSession.MissingRoles()
                    while let next = queue.next() {
                        _ = try session.run(sections[next], text: reader.text(of: sections[next]), missing: &missing)
                        queue.finish(next, rows: 0)
                    }
                } catch {
                    queue.fail(error)
                }
            }
            worker.start()
        }
        group.wait()
        _ = try queue.result()
    }
}
