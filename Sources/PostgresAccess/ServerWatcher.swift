import Support

/// A small shell process that removes a sidecar server if pgscalpel dies
/// without doing so itself (SIGKILL, or the OOM killer), which no handler of
/// ours can catch. It waits on a pipe whose only write end pgscalpel holds:
/// the kernel closes it when pgscalpel ends, however it ends. Told `done` (the
/// server was stopped) or `keep` (`--keep`), it exits without touching anything.
struct ServerWatcher: ~Copyable {
    private let writeEnd: FileDescriptor

    /// Nil when no watcher could be started (no /bin/sh): the server then has
    /// only pgscalpel's own cleanup, as before.
    init?(directory: String) {
        guard let ends = try? FileDescriptor.pipe() else { return nil }
        defer { try? ends.readEnd.close() }
        // Every child pgscalpel spawns closes what it inherits; this covers any other.
        try? ends.writeEnd.setCloseOnExec()
        // The postmaster's pid file names its data directory on line 2: a pid
        // reused by another process since is left alone.
        let script = """
            read -r word
            case "$word" in done|keep) exit 0 ;; esac
            pid=$(sed -n 1p "$1/data/postmaster.pid" 2>/dev/null)
            if [ -n "$pid" ] && [ "$(sed -n 2p "$1/data/postmaster.pid")" = "$1/data" ]; then
                kill -QUIT "$pid" 2>/dev/null
                while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
            fi
            rm -rf "$1"
            """
        do {
            _ = try ChildProcess.spawn("/bin/sh", ["-c", script, "pgscalpel-server-watcher", directory],
                                       streams: .readingFrom(ends.readEnd), ownProcessGroup: true)
        } catch {
            try? ends.writeEnd.close()
            return nil
        }
        writeEnd = ends.writeEnd
    }

    /// The server is gone (`done`) or is the user's now (`keep`): the watcher exits.
    consuming func release(_ word: String) {
        try? writeEnd.writeAll(Array("\(word)\n".utf8))
        try? writeEnd.close()
        discard self
    }

    deinit {
        try? writeEnd.close()
    }
}
