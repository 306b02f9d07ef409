import Glibc
import ArgumentParser
import Recovery

@main
struct PGScalpel: ParsableCommand {
    // Every command gives its commandName: deriving one from the type's name makes
    // the runtime scan all its conformance tables, a few milliseconds of every start.
    static let configuration = CommandConfiguration(
        commandName: "pgscalpel",
        abstract: "Table-level surgical recovery for PostgreSQL from indexed pg_dump archives.",
        discussion: """
        An indexed archive is an ordinary .sql.gz (gunzip -c FILE | psql restores it) that \
        pgscalpel can seek into: one table is read without decompressing the rest.

        Examples:
          pgscalpel backup -d postgres://app@db/prod -f prod.scalpel.sql.gz
          pg_dump prod | pgscalpel pack > prod.scalpel.sql.gz
          pgscalpel ls prod.scalpel.sql.gz
          pgscalpel verify prod.scalpel.sql.gz

        After a bad migration damaged the users table of database prod:
          pgscalpel diff prod.scalpel.sql.gz -t users --against prod
          pgscalpel apply prod.scalpel.sql.gz -t users --into prod   # dry run first
          pgscalpel apply prod.scalpel.sql.gz -t users --into prod --execute
          pgscalpel restore prod.scalpel.sql.gz -t users --into auto
          pgscalpel export prod.scalpel.sql.gz -t users --key 42 --format jsonl

        Exit status: 0 success, 1 a check failed (verify found damage, diff found a \
        difference, ...), 2 error, 3 a dry run of apply that planned changes (nothing written).
        """,
        version: PGScalpelVersion.current,
        subcommands: [BackupCommand.self, PackCommand.self, ListCommand.self, VerifyCommand.self, CatCommand.self, ExportCommand.self,
                      RestoreCommand.self, DiffCommand.self, ApplyCommand.self, DrillCommand.self, DoctorCommand.self,
                      SidecarCommand.self]
    )

    /// Every failure becomes one line on standard error and exit status 2 (a failed
    /// check exits 1 from its command), never a stack trace.
    static func main() {
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            var error = error
            if exitCode(for: error) == .validationFailure,
               let unknown = UnknownOption.error(in: Array(CommandLine.arguments.dropFirst()), of: self) {
                error = unknown
            }
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            let message = error is CleanExit ? fullMessage(for: error) : oneLine(error)
            writeStandardError("pgscalpel: \(message)\n")
            Glibc.exit(code == .validationFailure || code == .failure ? 2 : code.rawValue)
        }
    }

    /// pgscalpel's own messages are one line already, and may name tables and sections
    /// from the archive: made printable whole, so a newline in a name shows as `\n`
    /// and no control character reaches the terminal. ArgumentParser's span lines.
    private static func oneLine(_ error: any Error) -> String {
        let line: String
        switch error {
        case let error as CustomStringConvertible where !(error is ValidationError):
            line = printable(error.description.trimmingWhitespace())
        default:
            line = printable(message(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingSpacesAndTabs() }
                .filter { !$0.isEmpty }.joined(separator: " "))
        }
        if exitCode(for: error) == .validationFailure { return "\(line) (see \(helpCommand))" }
        return line
    }

    /// The help that covers the mistake: the subcommand's when one was named.
    private static var helpCommand: String {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let named = CommandLine.arguments.dropFirst().first, names.contains(named) else { return "pgscalpel --help" }
        return "pgscalpel \(named) --help"
    }
}
