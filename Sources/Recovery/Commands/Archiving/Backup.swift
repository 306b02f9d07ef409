import Glibc
import FoundationEssentials
import PostgresAccess
import ScalpelArchive
import Support

/// `pgscalpel backup`: pg_dump's plain output written straight into an indexed
/// archive, compressed on all cores, appearing under its name only when complete.
public struct Backup {
    public var target: ConnectionTarget
    public var file: String
    /// pg_dump's own selection options, passed through (`--table=...`, `--schema=...`).
    public var pgDumpArguments: [String]
    /// Whether an existing file under `file` may be replaced.
    public var overwrite = false
    /// Whether a backup with no table is what was meant (else it is flagged).
    public var allowEmpty = false
    /// Where to look for pg_dump (`--bindir`, `PGSCALPEL_BINDIR`).
    public var binaries = BinaryChoice()

    public init(target: ConnectionTarget, file: String, pgDumpArguments: [String]) {
        self.target = target
        self.file = file
        self.pgDumpArguments = pgDumpArguments
    }

    /// The archive written, and where its dump came from.
    public struct Result {
        public var index: ArchiveIndex
        public var source: ConnectionEndpoint
        /// Of the whole file, in hex.
        public var sha256: String
        /// The pg_dump that ran, so the operator sees which one was chosen.
        public var pgDump: String
    }

    public func run(progress: Progress? = nil) throws -> Result {
        try Packing.refuseExisting(file, overwrite: overwrite)
        let source = try checkServer()
        let pgDump = try binaries.installations().pgDump(forServerMajor: source.major).path

        let started = Date()
        // Pinned as startup options, which outrank postgresql.conf, ALTER DATABASE and
        // ALTER ROLE settings; the user's own options (conninfo or PGOPTIONS) are kept.
        let environment = ProcessInfo.processInfo.environment
        let pinned = DumpSettings.pinnedByBackup.sorted { $0.key < $1.key }.map { "-c \($0.key)=\($0.value)" }
        let options = ([target["options"] ?? environment["PGOPTIONS"]].compactMap { $0 } + pinned).joined(separator: " ")
        let (conninfo, childEnvironment) = target.setting("options", to: options).childProcessArguments()

        let sink = try AtomicFileSink(path: file, replacing: overwrite)
        let run = try PgDumpRun(executable: pgDump,
                                arguments: ["--format=plain", "--verbose", "--dbname=\(conninfo)"] + pgDumpArguments,
                                environment: environment.merging(childEnvironment) { $1 })
        let token = Interruption.register { [temporary = sink.temporaryPath, pid = run.processIdentifier] in
            kill(pid, SIGTERM)
            if let temporary { try? FileSystem.removeFile(temporary) }
        }
        defer { Interruption.unregister(token) }
        do {
            let digesting = DigestingSink(sink)
            let builder = try ArchiveBuilder(sink: digesting)
            // pg_dump's output has no size known in advance: bytes and rate only.
            progress?.begin("dumping")
            try Packing.pump(run.outputDescriptor, name: "pg_dump's output", into: builder, progress: progress)
            progress?.finish()
            try run.wait()
            var settings = DumpSettings.pinnedByBackup
            settings["DateStyle"] = "ISO"
            let index = try builder.finish(dump: DumpInfo(
                database: source.database, startedAt: isoTimestamp(started), completedAt: isoTimestamp(Date()),
                settings: settings, pgDumpArguments: pgDumpArguments, extensions: source.extensions))
            try sink.commit()
            return Result(index: index, source: source.endpoint, sha256: digesting.hexDigest(), pgDump: pgDump)
        } catch {
            run.terminate()
            sink.discard()
            throw error
        }
    }

    /// Connects first, so a wrong password or host is one clear error rather than
    /// pg_dump's, and so pg_dump can be chosen by the server's major. Reads the
    /// extensions' versions here because pg_dump's plain output has none; this is
    /// outside pg_dump's snapshot, which matters only for an extension created,
    /// dropped or updated while the backup starts.
    private func checkServer()
        throws -> (database: String, endpoint: ConnectionEndpoint, extensions: [String: String], major: Int) {
        let connection = try Connection(target)
        let database = connection.database
        var extensions: [String: String] = [:]
        for row in try connection.execute("SELECT extname, extversion FROM pg_catalog.pg_extension").rows {
            if let name = row[0], let version = row[1] { extensions[name] = version }
        }
        return (database, connection.endpoint, extensions, connection.serverVersionNumber / 10000)
    }
}
