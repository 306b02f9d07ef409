import ArgumentParser
import Recovery

extension PGScalpel {
    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index plain pg_dump output read from standard input.",
            discussion: """
            Drops into existing backup scripts in place of gzip; the result is still a .sql.gz.

            Examples:
              pg_dump prod | pgscalpel pack > prod.scalpel.sql.gz
              pg_dump prod | pgscalpel pack -f prod.scalpel.sql.gz
              gunzip -c old.sql.gz | pgscalpel pack -f old.scalpel.sql.gz
            """)

        @Option(name: [.customShort("f"), .customLong("file")], help: "Write the archive here (atomically) instead of standard output.")
        var file: String?

        func validate() throws {
            if file == nil && isTerminal(1) {
                throw ValidationError("standard output is a terminal: redirect it or give -f FILE")
            }
        }

        func run() throws {
            _ = try Packing.pack(to: file, progress: Progress(label: "pack"))
        }
    }
}
