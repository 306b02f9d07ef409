import CLibPQ
import FoundationEssentials
import Glibc
import Support

/// A sidecar: a PostgreSQL server of pgscalpel's own in a fresh temporary directory, reachable
/// only through a unix socket in that directory, for sidecar restores and
/// tests. Durability is switched off and WAL kept minimal (a table created
/// in the transaction that loads it writes none): nothing in it is meant to
/// survive, and restores into it should be fast.
///
/// The directory and the postmaster go away on `stop()`, when the object is
/// released, on `exit()` (an `atexit` hook), and on SIGINT, SIGTERM and SIGHUP
/// when the program's signal handler calls `stopAll()` (pgscalpel's
/// `Interruption` does). Only SIGKILL leaves them behind.
public final class SidecarServer {
    /// The temporary directory: socket, data directory and logs.
    public let directory: String
    public let dataDirectory: String
    public let socketDirectory: String
    /// Server output, kept for the error when startup fails.
    public let logFile: String
    public let port: Int
    /// The postmaster, for callers that watch it or signal it themselves.
    public let processIdentifier: pid_t
    /// The `postgres` superuser on the `postgres` database.
    public let target: ConnectionTarget
    private let process: ServerProcess

    /// Runs initdb and starts the server; returns once it accepts connections.
    ///
    /// When running as root, which PostgreSQL refuses, initdb and postgres run
    /// as the `postgres` system user if there is one, otherwise as `nobody`.
    /// `settings` are extra `-c name=value` options, applied last.
    public init(
        binaries: ServerBinaries? = nil,
        settings: [String: String] = [:],
        port: Int = 5432,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let binaries = try binaries ?? ServerBinaries.locate(environment: environment)
        let initdb = try binaries.require(.initdb)
        let postgres = try binaries.require(.postgres)
        let account = ChildProcess.Account.forServer()

        let directory = try Self.makeDirectory(environment: environment, port: port, account: account)
        let process = ServerProcess(directory: directory)
        let dataDirectory = "\(directory)/data"
        let logFile = "\(directory)/postgres.log"
        do {
            if let account {
                do { try FileSystem.changeOwner(directory, user: account.uid, group: account.gid) } catch {
                    throw PostgresError(.serverStartFailed, "cannot hand \(directory) to user \(account.name): \(error)")
                }
            }
            let initdbLog = "\(directory)/initdb.log"
            _ = try process.launch(postmaster: false) {
                try ChildProcess.spawn(
                    initdb,
                    ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"],
                    environment: environment, streams: .appendingTo(initdbLog), account: account, ownProcessGroup: true
                )
            }
            let initialized = process.waitForExit()
            guard initialized == .exited(0) else {
                throw Self.startFailure("initdb failed (\(initialized))", log: initdbLog)
            }

            var options = [
                "listen_addresses": "",
                "fsync": "off",
                "synchronous_commit": "off",
                "full_page_writes": "off",
                "wal_level": "minimal",
                "max_wal_senders": "0",
                // Index builds (a restore's post-data; pgvector's HNSW above all: 20,000
                // 768-dimension rows built in 65 s at 1GB against 137 s at the default
                // 64MB here) get what a throwaway server can give.
                "maintenance_work_mem": "\(Self.maintenanceMemoryMB)MB",
            ]
            options.merge(settings) { _, given in given }
            let arguments = ["-D", dataDirectory, "-k", directory, "-p", String(port)]
                + options.sorted { $0.key < $1.key }.flatMap { ["-c", "\($0.key)=\($0.value)"] }
            let postmaster = try process.launch(postmaster: true) {
                try ChildProcess.spawn(
                    postgres, arguments, environment: environment,
                    streams: .appendingTo(logFile), account: account, ownProcessGroup: true
                )
            }
            self.processIdentifier = postmaster.pid
            self.target = .unixSocket(directory: directory, port: port, user: "postgres", database: "postgres")
            try Self.waitUntilReady(target, process: process, logFile: logFile)
        } catch {
            if !process.stop() {
                // Stopped from elsewhere mid-start: a signal handler or exit
                // path is ending the process. Give it time to, rather than
                // race it with an error that is only a consequence of that.
                sleep(5)
            }
            throw error
        }
        self.directory = directory
        self.dataDirectory = dataDirectory
        self.socketDirectory = directory
        self.logFile = logFile
        self.port = port
        self.process = process
    }

    deinit {
        stop()
    }

    /// Shuts the server down (fast shutdown, escalating if it hangs) and
    /// deletes the directory. Safe to call more than once.
    public func stop() {
        process.stop()
    }

    /// Leaves the server running after pgscalpel exits, for `--keep`: from here on
    /// it is the user's to stop (`pg_ctl -D dataDirectory stop`) and remove.
    /// False if it was already stopped.
    @discardableResult
    public func detach() -> Bool {
        process.detach()
    }

    /// The shell command that stops a detached server and removes its directory,
    /// printed for `--keep`: pg_ctl is not always on the user's PATH, a signal is.
    public var removeCommand: String {
        let pidFile = "\(dataDirectory)/postmaster.pid"
        return "kill -INT $(head -n 1 '\(pidFile)') && while [ -e '\(pidFile)' ]; do sleep 0.1; done && rm -rf '\(directory)'"
    }

    public func target(database: String) -> ConnectionTarget {
        target.setting("dbname", to: database)
    }

    public func createDatabase(_ name: String) throws {
        let connection = try Connection(target)
        try connection.execute("CREATE DATABASE \(name.sqlIdentifier)")
    }

    /// Stops every server not yet stopped, from any thread: for signal
    /// handlers and exit paths that cannot reach the owning objects. Blocks
    /// until they are down and their directories deleted.
    public static func stopAll() {
        ServerRegistry.shared.stopAll()
    }

    /// `$TMPDIR` unless the socket path would exceed the kernel's ~107-byte
    /// limit, or the server's user could not reach it (e.g. under /root).
    private static func makeDirectory(environment: [String: String], port: Int, account: ChildProcess.Account?) throws -> String {
        var base = environment["TMPDIR"].map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "/tmp"
        let socketPathLength = base.utf8.count + "/pgscalpel-XXXXXX/.s.PGSQL.\(port)".utf8.count
        if socketPathLength > 100 || (account != nil && !isReachableByEveryone(base)) {
            base = "/tmp"
        }
        do { return try FileSystem.makeTemporaryDirectory(template: "\(base)/pgscalpel-XXXXXX") } catch {
            throw PostgresError(.serverStartFailed, "cannot create a directory in \(base): \(error)")
        }
    }

    private static func isReachableByEveryone(_ path: String) -> Bool {
        var url = URL(fileURLWithPath: path)
        while url.path != "/" {
            guard let info = try? FileSystem.status(url.path), info.st_mode & S_IXOTH != 0 else {
                return false
            }
            url.deleteLastPathComponent()
        }
        return true
    }

    /// Polls with `PQping` until the server accepts connections, giving up
    /// early if the postmaster exits; the timeout only guards against a hung start.
    private static func waitUntilReady(_ target: ConnectionTarget, process: ServerProcess, logFile: String) throws {
        try LibPQ.load()
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let ping = target.withLibpqArrays { keywords, values in PQpingParams(keywords, values, 0) }
            if ping == PQPING_OK {
                return
            }
            if let termination = process.termination() {
                throw startFailure("PostgreSQL server exited during startup (\(termination))", log: logFile)
            }
            usleep(20_000)
        }
        throw startFailure("PostgreSQL server did not accept connections within 60 seconds", log: logFile)
    }

    /// The summary and the last log lines on one line, the last twenty in `detail`.
    /// An eighth of the machine's memory, from 64 MB (PostgreSQL's default) to 1 GB:
    /// `restore --into auto -j N` may build N indexes at once.
    static var maintenanceMemoryMB: UInt64 {
        min(1024, max(64, (ProcessInfo.processInfo.physicalMemory / 8) >> 20))
    }

    private static func startFailure(_ summary: String, log: String) -> PostgresError {
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
            .split(whereSeparator: \.isNewline)
            .map(String.init)
        let lastLines = lines.suffix(20).joined(separator: "\n")
        let tail = lines.suffix(3).joined(separator: "\n").asOneLine
        return PostgresError(
            .serverStartFailed,
            tail.isEmpty ? summary : "\(summary): \(tail)",
            detail: lastLines.isEmpty ? nil : lastLines
        )
    }
}

@available(*, unavailable)
extension SidecarServer: Sendable {}
