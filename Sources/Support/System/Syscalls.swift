/// The one place where a C call's -1 becomes a thrown `Errno`, and the one place
/// that retries a call a signal interrupted (EINTR), so that no call site keeps
/// its own loop and none forgets to: any handler installed without SA_RESTART,
/// by pgscalpel's libraries as much as by itself, makes a blocking read, write
/// or wait return early.
///
/// `retryOnInterrupt` is false only for `close`: on Linux the descriptor is gone
/// even when close reports EINTR, and closing it again could close one that
/// another thread has just been given.
@inline(__always)
func valueOrErrno<Value: FixedWidthInteger>(
    retryOnInterrupt: Bool = true, _ call: () -> Value
) throws(Errno) -> Value {
    while true {
        let value = call()
        guard value == -1 else { return value }
        let error = Errno.current
        guard retryOnInterrupt && error == .interrupted else { throw error }
    }
}

/// `valueOrErrno` for the calls whose only result is success.
@inline(__always)
func nothingOrErrno<Value: FixedWidthInteger>(
    retryOnInterrupt: Bool = true, _ call: () -> Value
) throws(Errno) {
    _ = try valueOrErrno(retryOnInterrupt: retryOnInterrupt, call)
}
