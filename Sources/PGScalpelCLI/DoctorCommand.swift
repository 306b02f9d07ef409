import ArgumentParser
import Recovery

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check PostgreSQL binaries, libpq, and (given a database) the connection and pg_dump's fit.",
        discussion: """
        Exit status 1 when something required is missing; each missing part names the Debian package to install.

        Examples:
          pgscalpel doctor
          pgscalpel doctor -d postgres://app@db:5432/prod --json
        """)

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var programs: BinDirOption

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        let wantsConnection = connection.dbname != nil || connection.host != nil
            || connection.port != nil || connection.username != nil
        let report = Doctor(target: wantsConnection ? try connection.target() : nil, binaries: programs.choice)
        try writeStandardOutput(json ? try jsonText(report) : report.renderText())
        try report.requireSuccess()
    }
}
