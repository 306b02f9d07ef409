import ArgumentParser
import Recovery

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "Show an archive's table of contents: tables, rows, sizes, and the dump's metadata.",
        discussion: """
        Examples:
          pgscalpel ls prod.scalpel.sql.gz
          pgscalpel ls prod.scalpel.sql.gz -n billing --json
          pgscalpel ls prod.scalpel.sql.gz -t 'public.user*' --type INDEX --type CONSTRAINT
          pgscalpel ls prod.scalpel.sql.gz --type all
        """)

    @Argument(help: "The indexed archive.")
    var archive: String

    @Option(name: [.customShort("n"), .customLong("schema")], help: "Only schemas matching this pattern (repeatable; pg_dump -n's patterns).")
    var schemas: [String] = []

    @Option(name: [.customShort("t"), .customLong("table")], help: "Only tables matching this pattern (repeatable; pg_dump -t's patterns: *, ?, [...], \"quoted\").")
    var tables: [String] = []

    @Option(name: .customLong("type"), help: "List TOC entries of this type instead of tables (TABLE DATA, INDEX, ...; 'all' for every entry).")
    var types: [String] = []

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let listing = try Listing(path: archive, filter: .init(
            schemas: try schemas.map(SchemaPattern.init), tables: try tables.map(TablePattern.init), types: types))
        try writeStandardOutput(json ? try jsonText(listing) : listing.renderText())
    }
}
