import ArgumentParser
import Recovery

@main
struct PGScalpel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pgscalpel",
        abstract: "Table-level surgical recovery for PostgreSQL from indexed pg_dump archives.",
        version: PGScalpelVersion.current,
        subcommands: []
    )
}
