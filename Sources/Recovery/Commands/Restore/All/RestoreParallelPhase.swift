import PostgresAccess
import ScalpelArchive
import Support

/// The parallel part of `restore --all`: every COPY block over `jobs` connections,
/// and each table's `INDEX` and `CONSTRAINT` sections (primary keys, unique,
/// exclusion and check constraints) as soon as that table's data is in, so the
/// builds of tables loaded early overlap the loading of the others, as pg_restore
/// does, and no connection idles at a barrier between data and indexes. The
/// largest ready work goes first. Each build locks one table; builds on the same
/// table wait for each other. Foreign keys, which need the other table's key and
/// check every row against it, go last, once everything else is done, still in
/// parallel with each other.
struct RestoreParallelPhase: Sendable {
    static let types: Set<String> = ["INDEX", "CONSTRAINT", "FK CONSTRAINT"]

    var loader: RestoreLoader
    /// A load or build that fails is recorded and the others go on, as psql would.
    var continueOnError = false

    /// Rows loaded per COPY block, in the order of `copies`, and the builds' notes.
    func run(copies: [Section], builds allBuilds: [Section], jobs: Int) throws -> RestoreWorkers.Results {
        // Indexes and constraints first, foreign keys after them.
        let indexes = allBuilds.filter { $0.type != "FK CONSTRAINT" }
        let builds = indexes + allBuilds.filter { $0.type == "FK CONSTRAINT" }
        var dataOf: [QualifiedName: [Int]] = [:]
        var tableSizes: [QualifiedName: UInt64] = [:]
        for (position, copy) in copies.enumerated() {
            guard let table = copy.table else { continue }
            dataOf[table, default: []].append(position)
            tableSizes[table, default: 0] += copy.uncompressedLength
        }
        let sections = copies + builds
        let costs = copies.map(\.uncompressedLength) + builds.map { build in build.table.flatMap { tableSizes[$0] } ?? 0 }
        // A table with no data of its own (a partitioned parent) waits for all the
        // data, so its builds never hold it while its partitions load.
        let allButForeignKeys = Array(0..<(copies.count + indexes.count))
        let waitsFor = copies.map { _ in [Int]() } + builds.map { build in
            build.type == "FK CONSTRAINT" ? allButForeignKeys : build.table.flatMap { dataOf[$0] } ?? Array(copies.indices)
        }
        var workers = RestoreWorkers(archive: loader.archive, target: loader.target, settings: loader.settings,
                                     dataStyles: loader.dataStyles)
        workers.continueOnError = continueOnError
        workers.checkRows = loader.checkRows
        let outcomes = try workers.run(costs: costs, waitsFor: waitsFor, jobs: jobs) { [loader] position, reader, session in
            let section = sections[position]
            if position < copies.count {
                do {
                    return try loader.load(section, from: reader, into: session.connection)
                } catch where session.continueOnError {
                    try session.failed(section, error)
                    return Self.notLoaded
                }
            }
            do {
                loader.progress?.started(section.label)
                defer { loader.progress?.ended(section.label) }
                try Self.build(section, reader: reader, session: session)
                return 0
            } catch let error as PostgresError where error.sqlState == "40P01" {
                // Two builds locked tables in opposite orders (a partition and its
                // parent, two tables that reference each other): the server undid
                // this one; it runs again, alone, below.
                return Self.deadlocked
            }
        }
        var notes = outcomes.notes, errors = outcomes.errors
        let again = builds.indices.filter { outcomes.rows[copies.count + $0] == Self.deadlocked }.map { builds[$0] }
        if !again.isEmpty {
            let retried = try workers.run(costs: again.map { _ in 0 }, jobs: 1) { position, reader, session in
                try Self.build(again[position], reader: reader, session: session)
                return 0
            }
            notes += retried.notes
            errors += retried.errors
        }
        return RestoreWorkers.Results(rows: Array(outcomes.rows[..<copies.count]), notes: notes, errors: errors)
    }

    private static func build(_ section: Section, reader: ArchiveReader, session: RestoreSession) throws {
        // A build has no OWNER TO or GRANT: nothing is counted here.
        var missing = RestoreSession.MissingRoles()
        _ = try session.run(section, text: reader.text(of: section), missing: &missing)
    }

    private static let deadlocked = UInt64.max
    /// The rows of a load that failed and was passed over: none, and no table to report.
    static let notLoaded = UInt64.max - 1
}
