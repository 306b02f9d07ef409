import PostgresAccess
import ScalpelArchive

extension RestoreSession {
    /// Loads a `TABLE DATA` section of a dump made with `--inserts`: its INSERT
    /// statements, run as they arrive from the archive a member at a time, so a
    /// large table is never held whole. Each member's statements go to the server
    /// in one round trip; one each made 200,000 rows take 18 s, as long as psql.
    /// Returns the rows the server inserted; the index has no count to check it
    /// against (one INSERT may hold many rows). `inOpenTransaction`: the caller's
    /// transaction holds the load.
    func insertRows(_ section: Section, from reader: ArchiveReader, inOpenTransaction: Bool = false) throws -> UInt64 {
        try connection.loading(inOpenTransaction: inOpenTransaction) {
            var rows: UInt64 = 0
            func run(_ statements: [SectionStatement]) throws {
                guard !statements.isEmpty else { return }
                var batch: [UInt8] = []
                batch.reserveCapacity(statements.reduce(0) { $0 + $1.bytes.count })
                for statement in statements { batch += statement.bytes }
                do {
                    try connection.executeEach(bytes: batch) { rows += UInt64($0.affectedRows ?? 0) }
                } catch let error as PostgresError {
                    throw RestoreError("\(section.label): \(error.description)")
                }
            }
            var pending: [UInt8] = []
            // Returns where the statements run end; they go out of scope before
            // `pending` is trimmed, so trimming does not copy it.
            func runComplete() throws -> Int {
                let complete = SectionStatement.complete(in: pending)
                try run(complete.statements)
                return complete.end
            }
            try reader.read(section) { chunk in
                pending += chunk
                pending.removeFirst(try runComplete())
            }
            try run(SectionStatement.split(pending))
            return rows
        }
    }
}
