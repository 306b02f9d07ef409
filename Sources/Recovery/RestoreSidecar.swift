#if canImport(Glibc)
import Glibc
#endif
import PostgresAccess
import ScalpelArchive

extension Restore {
    /// `--into auto`: restores into a throwaway server of its own (see `Sidecar`),
    /// into a database named like the dumped one when the archive says which
    /// (`backup` records it), then hands `ready` the report and the connection
    /// string and keeps the server until Ctrl-C, SIGTERM or SIGHUP, which stop it
    /// and remove its directory. The server cannot outlive the command: a kept
    /// server would need `EphemeralServer` to give up its directory, which it does
    /// not offer.
    public func runInSidecar(ready: (RestoreReport, _ conninfo: String) throws -> Void) throws -> Never {
        let server = try EphemeralServer()
        defer { server.stop() }
        var database = "postgres"
        if let dumped = try ArchiveReader(path: archive).index.dump.database, dumped != database, !dumped.hasPrefix("template") {
            try server.createDatabase(dumped)
            database = dumped
        }
        let target = server.target(database: database)
        let report = try run(into: target)
        try ready(report, target.childProcessArguments().conninfo)
        while true { pause() }
    }
}
