import FoundationEssentials
import Glibc
import Support

/// A program started with `posix_spawn`, because the postmaster must be our
/// own child (so we can signal and reap it, even from a signal handler) and
/// must not inherit our ignored signals or stray descriptors. pg_dump and
/// `sidecar`'s command start the same way (FoundationEssentials has no `Process`).
public struct ChildProcess: Sendable {
    public let pid: pid_t

    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signaled(let signal): "signal \(signal)"
            }
        }
    }

    /// Where the child's standard input, output and error go.
    public enum Streams: Sendable {
        /// Input from /dev/null, output and error appended to this file.
        case appendingTo(String)
        /// Input from /dev/null, output and error into these descriptors (the write
        /// ends of pipes), which the caller closes once the child is started.
        case descriptors(output: FileDescriptor, error: FileDescriptor)
        /// Our own three, shared.
        case inherited
        /// Input from this descriptor (the read end of a pipe), output and error to /dev/null.
        case readingFrom(FileDescriptor)
    }

    /// The unprivileged account to run as, when we are root and PostgreSQL
    /// refuses to be.
    public struct Account: Sendable {
        let name: String
        let uid: uid_t
        let gid: gid_t

        /// `postgres` when the distribution created it, otherwise `nobody`;
        /// nil when not running as root, since then no switch is needed.
        static func forServer() -> Account? {
            guard geteuid() == 0 else {
                return nil
            }
            for name in ["postgres", "nobody"] {
                if let entry = getpwnam(name) {
                    return Account(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
                }
            }
            return nil
        }
    }

    /// Starts `executable` with `streams` as its standard input, output and
    /// error, closing every other descriptor we hold: an inherited pipe end
    /// would keep someone else's reader waiting for EOF until the postmaster exits.
    ///
    /// With `account`, the program runs through util-linux's `setpriv`, which
    /// switches user and then execs, so `pid` is still the program's own. In
    /// its own process group, a terminal's Ctrl-C reaches only us, and we
    /// decide how the child ends.
    public static func spawn(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        streams: Streams,
        account: Account? = nil,
        ownProcessGroup: Bool = false
    ) throws -> ChildProcess {
        var argv = [executable] + arguments
        if let account {
            let setpriv = try locateSetpriv(environment)
            argv = [setpriv, "--reuid=\(account.uid)", "--regid=\(account.gid)", "--clear-groups", "--"] + argv
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The three streams first: descriptors handed over as pipes are among those closed next.
        switch streams {
        case .appendingTo(let file):
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        case .descriptors(let output, let error):
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, output.rawValue, 1)
            posix_spawn_file_actions_adddup2(&actions, error.rawValue, 2)
        case .inherited:
            break
        case .readingFrom(let input):
            posix_spawn_file_actions_adddup2(&actions, input.rawValue, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        for descriptor in openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if ownProcessGroup {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let environmentStrings = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let result = withCStrings(argv + [nil]) { argv in
            withCStrings(environmentStrings + [nil]) { envp in
                posix_spawn(
                    &pid, argv[0]!, &actions, &attributes,
                    argv.map { $0.map { UnsafeMutablePointer(mutating: $0) } },
                    envp.map { $0.map { UnsafeMutablePointer(mutating: $0) } }
                )
            }
        }
        guard result == 0 else {
            throw PostgresError(.processFailed, "cannot run \(executable): \(Errno(rawValue: result))")
        }
        return ChildProcess(pid: pid)
    }

    /// Runs a short-lived program to completion and returns what it printed
    /// on stdout and stderr together. The output goes through a file, not a
    /// pipe, so no descriptor of ours can leak into a concurrently spawned child.
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (termination: Termination, output: String) {
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("pgscalpel-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        let termination = try spawn(executable, arguments, environment: environment, streams: .appendingTo(outputFile)).wait()
        let output = FileManager.default.contents(atPath: outputFile) ?? Data()
        return (termination, String(decoding: output, as: UTF8.self))
    }

    /// Blocks until the process exits and reaps it.
    public func wait() -> Termination {
        guard let status = try? waitForChild(pid, blocking: true) else {
            return .exited(-1)
        }
        return Self.termination(status)
    }

    /// Reaps the process if it exits within `timeout`; nil if still running.
    func wait(timeout: Duration) -> Termination? {
        let deadline = ContinuousClock.now + timeout
        repeat {
            if let termination = poll() {
                return termination
            }
            usleep(10_000)
        } while ContinuousClock.now < deadline
        return poll()
    }

    /// Reaps the process if it has exited; nil while it runs.
    public func poll() -> Termination? {
        do { return try waitForChild(pid, blocking: false).map(Self.termination) } catch { return .exited(-1) }
    }

    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// The `WIFEXITED` family are macros Swift cannot import.
    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    /// The descriptors open right now; posix_spawn ignores closing one that
    /// was closed in the meantime.
    private static func openDescriptors() -> [Int32] {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return listed.compactMap { Int32($0) }
    }

    private static func locateSetpriv(_ environment: [String: String]) throws -> String {
        let directories = ["/usr/bin", "/bin"] + (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in directories {
            let path = "\(directory)/setpriv"
            if (try? FileSystem.checkAccess(path, .execute)) != nil {
                return path
            }
        }
        throw PostgresError(
            .missingBinary,
            "PostgreSQL refuses to run as root and setpriv, needed to switch users, is not installed (Debian package util-linux)"
        )
    }
}
