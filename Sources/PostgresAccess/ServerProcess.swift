import FoundationEssentials
import Synchronization
import Glibc

/// The part of an `SidecarServer` that a signal handler or `atexit` may
/// need to tear down from another thread: the running child (initdb, then
/// the postmaster) and the directory.
///
/// One lock serialises everything. Children are spawned under it, so a
/// concurrent `stop` either prevents a start or sees the child; `stop` holds
/// it until the directory is gone, so a second caller waits for the first
/// instead of letting the process exit mid-cleanup.
final class ServerProcess: @unchecked Sendable {
    let directory: String
    private let lock = Mutex(())
    private var child: ChildProcess?
    private var childIsPostmaster = false
    private var ended: ChildProcess.Termination?
    private var stopped = false
    /// Removes the server should this process die without a chance to.
    private var watcher: ServerWatcher?

    init(directory: String) {
        self.directory = directory
        watcher = ServerWatcher(directory: directory)
        ServerRegistry.shared.add(self)
    }

    func launch(postmaster: Bool, _ spawn: () throws -> ChildProcess) throws -> ChildProcess {
        try lock.withLock { _ in
            guard !stopped else {
                throw PostgresError(.serverStartFailed, "the server was stopped while starting")
            }
            let started = try spawn()
            child = started
            childIsPostmaster = postmaster
            ended = nil
            return started
        }
    }

    /// How the current child ended, if it has. Only this class reaps, under
    /// the lock, so a pid is never signalled after it could have been reused.
    func termination() -> ChildProcess.Termination? {
        lock.withLock { _ in
            if ended == nil, let child {
                ended = child.poll()
            }
            return ended
        }
    }

    func waitForExit() -> ChildProcess.Termination {
        while true {
            if let termination = termination() {
                return termination
            }
            usleep(10_000)
        }
    }

    /// Ends the child and removes the directory; false if an earlier call
    /// already did. Children run in their own process group, so signalling
    /// the group also reaches the processes initdb and the postmaster started.
    @discardableResult
    func stop() -> Bool {
        let stoppedNow = lock.withLock { _ in
            guard !stopped else {
                return false
            }
            stopped = true
            if let child, ended == nil {
                ended = childIsPostmaster ? Self.shutDown(child) : Self.killGroup(child)
            }
            Self.remove(directory)
            watcher.take()?.release("done")
            return true
        }
        ServerRegistry.shared.remove(self)
        return stoppedNow
    }

    /// Gives the running server up: it is no longer stopped by `stop`, deinit,
    /// signals or exit, and outlives this process. False if already stopped.
    func detach() -> Bool {
        let detached = lock.withLock { _ in
            guard !stopped else { return false }
            stopped = true
            watcher.take()?.release("keep")
            return true
        }
        ServerRegistry.shared.remove(self)
        return detached
    }

    /// Fast shutdown (SIGINT: end sessions, write a checkpoint), then
    /// immediate shutdown (SIGQUIT), then SIGKILL, each after a grace period.
    private static func shutDown(_ postmaster: ChildProcess) -> ChildProcess.Termination {
        postmaster.signal(SIGINT)
        if let termination = postmaster.wait(timeout: .seconds(10)) {
            return termination
        }
        postmaster.signal(SIGQUIT)
        if let termination = postmaster.wait(timeout: .seconds(5)) {
            return termination
        }
        return killGroup(postmaster)
    }

    private static func killGroup(_ child: ChildProcess) -> ChildProcess.Termination {
        kill(-child.pid, SIGKILL)
        return child.wait()
    }

    /// A killed group member may still finish a write into the directory
    /// just after it was deleted, so deletion is repeated for a moment.
    private static func remove(_ directory: String) {
        for _ in 0..<20 {
            try? FileManager.default.removeItem(atPath: directory)
            guard FileManager.default.fileExists(atPath: directory) else {
                return
            }
            usleep(50_000)
        }
    }
}

/// Every server not yet stopped, so that a signal or `exit()` can still
/// shut them down and delete their directories.
final class ServerRegistry: @unchecked Sendable {
    static let shared = ServerRegistry()

    private let lock = Mutex(())
    private var servers: [ObjectIdentifier: ServerProcess] = [:]
    private var exitHookInstalled = false

    func add(_ server: ServerProcess) {
        let installHook = lock.withLock { _ in
            servers[ObjectIdentifier(server)] = server
            defer { exitHookInstalled = true }
            return !exitHookInstalled
        }
        if installHook {
            atexit { ServerRegistry.shared.stopAll() }
        }
    }

    func remove(_ server: ServerProcess) {
        _ = lock.withLock { _ in servers.removeValue(forKey: ObjectIdentifier(server)) }
    }

    /// Stops outside the registry lock: each `stop` removes itself from it.
    func stopAll() {
        let live = lock.withLock { _ in Array(servers.values) }
        for server in live {
            server.stop()
        }
    }
}
