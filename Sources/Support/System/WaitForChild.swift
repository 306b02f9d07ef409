import Glibc

/// Reaps the child `pid` once it has ended and returns the status it ended with
/// (decoded by the caller, as Swift cannot import the `WIFEXITED` macros); nil
/// when not `blocking` and it is still running.
///
/// The corresponding C function is `waitpid`.
public func waitForChild(_ pid: pid_t, blocking: Bool) throws(Errno) -> Int32? {
    var status: Int32 = 0
    let reaped = try valueOrErrno { waitpid(pid, &status, blocking ? 0 : WNOHANG) }
    return reaped == 0 ? nil : status
}
