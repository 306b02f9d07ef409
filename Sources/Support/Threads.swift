import Glibc

/// Runs `body` on a thread of its own, as `Thread { }.start()` did: FoundationEssentials
/// has no `Thread`, and these workers block for long stretches (on pipes, libpq, each
/// other), which Dispatch's shared pool is not meant for. `stackSize` nil keeps the
/// system's default.
public func startThread(stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    if let stackSize {
        pthread_attr_setstacksize(&attributes, stackSize)
    }
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(&thread, &attributes, { context in
        Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }, context)
    // Out of memory or over the process limit: the work given to it would never be done.
    precondition(result == 0, "cannot start a thread: \(Errno(rawValue: result))")
}

/// The closure passed through pthread_create's untyped argument.
private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
