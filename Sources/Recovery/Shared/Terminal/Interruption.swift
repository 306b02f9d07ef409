import Glibc
import Dispatch
import PostgresAccess
import Support
import Synchronization

/// What must not outlive pgscalpel when it is interrupted (Ctrl-C, SIGTERM, SIGHUP):
/// temporary archive files, sidecar servers. Each owner registers its cleanup for
/// as long as the resource exists; on a signal all of them run, then the process
/// exits with 128 + the signal number, as shells expect.
public enum Interruption {
    private static let registry = Registry()
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    public static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                registry.runAll()
                SidecarServer.stopAll()
                fflush(nil)
                // _exit, not exit: atexit hooks and destructors must not race the main thread.
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Registers `cleanup` until the returned token is passed to `unregister`.
    public static func register(_ cleanup: @escaping @Sendable () -> Void) -> Int {
        registry.add(cleanup)
    }

    /// Registers the removal of a temporary file, where there is one to remove.
    public static func register(removing file: String?) -> Int {
        register { if let file { try? FileSystem.removeFile(file) } }
    }

    public static func unregister(_ token: Int) {
        registry.remove(token)
    }

    private final class Registry: @unchecked Sendable {
        private let lock = Mutex(())
        private var next = 0
        private var cleanups: [Int: @Sendable () -> Void] = [:]

        func add(_ cleanup: @escaping @Sendable () -> Void) -> Int {
            lock.withLock { _ in
                next += 1
                cleanups[next] = cleanup
                return next
            }
        }

        func remove(_ token: Int) {
            _ = lock.withLock { _ in cleanups.removeValue(forKey: token) }
        }

        func runAll() {
            let all = lock.withLock { _ in cleanups.sorted { $0.key > $1.key }.map(\.value) }
            for cleanup in all { cleanup() }
        }
    }
}
