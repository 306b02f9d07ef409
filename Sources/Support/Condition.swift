import Glibc

/// A lock with a condition variable, as `NSCondition` was: FoundationEssentials has
/// none, and importing Foundation for it costs every run of pgscalpel milliseconds of
/// start-up. The pthread objects live on the heap because they must never move.
public final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    public func lock() {
        pthread_mutex_lock(mutex)
    }

    public func unlock() {
        pthread_mutex_unlock(mutex)
    }

    /// Releases the lock until `broadcast`, then holds it again; callers loop on their predicate.
    public func wait() {
        pthread_cond_wait(condition, mutex)
    }

    public func broadcast() {
        pthread_cond_broadcast(condition)
    }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}
