import Glibc
import PostgresAccess
import ScalpelArchive

extension Restore {
    /// `--into auto`: restores into a sidecar of its own (see `Sidecar`),
    /// into a database named like the dumped one when the archive says which
    /// (`backup` records it), then hands `ready` the report, the connection string
    /// and, with `keep`, the shell command that stops and removes the server.
    /// Without `keep` the server stays until Ctrl-C, SIGTERM or SIGHUP, which stop it
    /// and remove its directory; with `keep` it is detached and outlives pgscalpel.
    public func runInSidecar(keep: Bool,
                             ready: (RestoreReport, _ conninfo: String, _ stopCommand: String?) throws -> Void) throws {
        try inSidecar(archive: archive, binaries: binaries, keep: keep, progress: progress,
                      restore: { try run(into: $0, throwaway: true) }, ready: ready)
    }
}

extension RestoreAll {
    /// `restore --all --into auto`: as `Restore.runInSidecar`, for the whole archive.
    public func runInSidecar(keep: Bool,
                             ready: (RestoreAllReport, _ conninfo: String, _ stopCommand: String?) throws -> Void) throws {
        try inSidecar(archive: archive, binaries: binaries, keep: keep, progress: progress, restore: run(into:), ready: ready)
    }
}

/// Starts the sidecar, restores into it and hands over, for both kinds of restore.
private func inSidecar<Report>(archive: String, binaries: BinaryChoice, keep: Bool, progress: Progress?,
                               restore run: (ConnectionTarget) throws -> Report,
                               ready: (Report, _ conninfo: String, _ stopCommand: String?) throws -> Void) throws {
    let dump = try ArchiveReader.open(archive).index.dump
    progress?.begin("starting a sidecar server")
    let server = try SidecarServer(binaries: try binaries.sidecarBinaries(sourceVersion: dump.serverVersion))
    defer { server.stop() }
    var database = "postgres"
    if let dumped = dump.database, dumped != database, !dumped.hasPrefix("template") {
        try server.createDatabase(dumped)
        database = dumped
    }
    let target = server.target(database: database)
    let report = try run(target)
    let conninfo = target.childProcessArguments().conninfo
    guard keep else {
        try ready(report, conninfo, nil)
        while true { pause() }
    }
    server.detach()
    try ready(report, conninfo, server.removeCommand)
}
