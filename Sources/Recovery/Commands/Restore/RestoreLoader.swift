import PostgresAccess
import ScalpelArchive
import Support

/// Loads `TABLE DATA` sections with COPY FROM STDIN, streaming each section's
/// members from the archive into the server as they are decompressed, over as
/// many connections as `jobs` allows. Each section loads in its own transaction
/// and is rolled back unless the server counts exactly the archive's rows.
struct RestoreLoader: Sendable {
    var archive: String
    var target: ConnectionTarget
    var settings: [String]
    var dataStyles: [String: String]
    /// The tables were created by this restore, so they are empty: truncating
    /// each in its loading transaction costs nothing and lets a server with
    /// `wal_level=minimal` (the sidecar's) skip WAL for the whole load.
    var truncateFirst: Bool
    /// Whether a section whose loaded rows differ from the index's count is rolled
    /// back and fails the load; `drill` loads it anyway and reports the difference.
    var checkRows = true
    /// Counts the bytes of each chunk sent and names the tables loading.
    var progress: Progress?

    /// Rows loaded per section, in the order given.
    func load(_ sections: [Section], jobs: Int) throws -> [UInt64] {
        var workers = RestoreWorkers(archive: archive, target: target, settings: settings, dataStyles: dataStyles)
        workers.checkRows = checkRows
        // A COPY runs no SET: the sessions' notes are the caller's own session's.
        return try workers.run(costs: sections.map(\.uncompressedLength), jobs: jobs) { [self] position, reader, session in
            try load(sections[position], from: reader, into: session.connection)
        }.rows
    }

    /// `inOpenTransaction`: the caller's transaction holds the load, and rolls it back on failure.
    func load(_ section: Section, from reader: ArchiveReader, into connection: Connection,
              inOpenTransaction: Bool = false) throws -> UInt64 {
        guard let copyTarget = section.copyTarget else { throw RestoreError("\(section.label) is not a COPY block") }
        let table = copyTarget.sqlIdentifier
        let columns = section.columns.map { "(\($0.map(\.sqlIdentifier).joined(separator: ", ")))" } ?? ""
        let name = (section.table ?? copyTarget).description
        progress?.started(name)
        defer { progress?.ended(name) }
        return try connection.loading(inOpenTransaction: inOpenTransaction) {
            if truncateFirst && section.table == copyTarget { try connection.execute("TRUNCATE ONLY \(table)") }
            var data = SectionCopyData<RestoreError>(label: section.label)
            let rows = try connection.copyIn("COPY \(table) \(columns) FROM STDIN") { writer in
                try reader.read(section) { chunk in
                    try chunk.withUnsafeBytes { try data.feed($0) { try writer.write($0) } }
                    progress?.advance(bytes: UInt64(chunk.count))
                }
                try data.finish()
            }
            if checkRows, let expected = section.rows, UInt64(rows) != expected {
                throw RestoreError("\(section.label): the server loaded \(rows) rows, the archive's index says \(expected); rolled back")
            }
            return UInt64(rows)
        }
    }
}

/// Hands sections to the loading (or index-building) threads and gathers their
/// row counts; after the first failure no new section is started. A section is
/// handed out only once the sections it waits for are done (an index, once its
/// table's data is loaded); a thread with nothing ready waits for one to be.
final class LoadQueue: @unchecked Sendable {
    private let condition = Condition()
    // Guarded by `condition`.
    /// Positions in the order they are handed out when ready.
    private var pending: [Int]
    private let waitsFor: [[Int]]
    private var done: [Bool]
    private var rows: [UInt64]
    private var failure: (any Error)?
    private var notes: [String] = []
    private var errors: [String] = []

    init(order: [Int], waitsFor: [[Int]]) {
        pending = order
        self.waitsFor = waitsFor
        done = Array(repeating: false, count: order.count)
        rows = Array(repeating: 0, count: order.count)
    }

    func next() -> Int? {
        condition.withLock {
            while failure == nil && !pending.isEmpty {
                if let ready = pending.firstIndex(where: { waitsFor[$0].allSatisfy { done[$0] } }) {
                    return pending.remove(at: ready)
                }
                // Nothing ready: what is pending waits for sections still running.
                condition.wait()
            }
            return nil
        }
    }

    func finish(_ section: Int, rows count: UInt64) {
        condition.withLock {
            rows[section] = count
            done[section] = true
            condition.broadcast()
        }
    }

    func fail(_ error: any Error) {
        condition.withLock {
            failure = failure ?? error
            condition.broadcast()
        }
    }

    func note(_ lines: [String], errors failed: [String]) {
        condition.withLock {
            notes += lines
            errors += failed
        }
    }

    func result() throws -> RestoreWorkers.Results {
        try condition.withLock {
            if let failure { throw failure }
            return RestoreWorkers.Results(rows: rows, notes: notes, errors: errors)
        }
    }
}

extension Connection {
    /// Runs one table's load in a transaction of its own, committed when `body`
    /// returns and rolled back when it throws; with `inOpenTransaction`, in the
    /// caller's, which does both.
    func loading<T>(inOpenTransaction: Bool, _ body: () throws -> T) throws -> T {
        guard !inOpenTransaction else { return try body() }
        try execute("BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }
}
