import PostgresAccess
import ScalpelArchive

extension RestoreSession {
    /// Loads a `TABLE DATA` section of a dump made with `--inserts`: its INSERT
    /// statements, run as they arrive from the archive a member at a time, so a
    /// large table is never held whole. Returns the rows the server inserted; the
    /// index has no count to check it against (one INSERT may hold many rows).
    /// `inOpenTransaction`: the caller's transaction holds the load.
    func insertRows(_ section: Section, from reader: ArchiveReader, inOpenTransaction: Bool = false) throws -> UInt64 {
        try connection.loading(inOpenTransaction: inOpenTransaction) {
            var rows: UInt64 = 0
            func run(_ statements: [SectionStatement]) throws {
                for statement in statements {
                    do {
                        rows += UInt64(try connection.execute(bytes: statement.bytes).affectedRows ?? 0)
                    } catch let error as PostgresError {
                        throw RestoreError("\(section.label): \(error.description)")
                    }
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
