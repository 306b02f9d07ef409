import Dispatch
import PostgresAccess
import ScalpelArchive
import Support

/// Hands sections out to up to `jobs` threads, each with its own archive reader and
/// its own connection (a libpq connection has one owner), and collects a count per
/// section; the first failure stops the others from taking more. The costliest
/// ready section goes first, so the last one to finish is not a big one started
/// late; `waitsFor` names, per section, the sections it must follow.
struct RestoreWorkers: Sendable {
    var archive: String
    var target: ConnectionTarget
    var settings: [String]
    var dataStyles: [String: String]
    var continueOnError = false
    /// Whether each data section's rows must be as many as the index says.
    var checkRows = true

    struct Results {
        /// Per section, in the order of `costs`.
        var rows: [UInt64]
        /// What the sessions noted (a setting the target refused); each session
        /// applies the same settings, so one note may come from several.
        var notes: [String]
        /// With `continueOnError`, the statements that failed and were passed over.
        var errors: [String] = []
    }

    func run(costs: [UInt64], waitsFor: [[Int]]? = nil, jobs: Int,
             _ work: @escaping @Sendable (Int, ArchiveReader, RestoreSession) throws -> UInt64) throws -> Results {
        let count = costs.count
        let queue = LoadQueue(order: costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 },
                              waitsFor: waitsFor ?? Array(repeating: [], count: count))
        let group = DispatchGroup()
        for _ in 0..<min(max(jobs, 1), count) {
            group.enter()
            startThread { [self] in
                defer { group.leave() }
                do {
                    let reader = try ArchiveReader.open(archive, checkingRows: checkRows)
                    let session = try RestoreSession(target: target, settings: settings, dataStyles: dataStyles)
                    session.continueOnError = continueOnError
                    defer { queue.note(session.notes, errors: session.errors) }
                    while let next = queue.next() {
                        queue.finish(next, rows: try work(next, reader, session))
                    }
                } catch {
                    queue.fail(error)
                }
            }
        }
        group.wait()
        return try queue.result()
    }
}
