import CLinux
import Glibc

extension FileDescriptor {
    /// Creates and opens for writing a new file, mode 0600, named as `template` with
    /// its trailing "XXXXXX" replaced by characters no file there has yet; returns it
    /// with the name it got. The only way pgscalpel creates a file: nothing of
    /// someone else's is ever opened or overwritten under a guessed name.
    ///
    /// The corresponding C function is `mkstemp`.
    public static func makeTemporaryFile(template: String) throws(Errno) -> (descriptor: FileDescriptor, path: String) {
        var path = ""
        // A fresh template each try: a failed mkstemp leaves its last guess in it.
        let descriptor = try valueOrErrno {
            var name = Array(template.utf8CString)
            let descriptor = name.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            path = text(of: name)
            return descriptor
        }
        return (FileDescriptor(rawValue: descriptor), path)
    }
}

extension FileDescriptor {
    /// Opens for writing a new file in `folder` that has no name yet, mode `mode`:
    /// until `link(as:)` names it, whatever ends this process (kill -9 included)
    /// takes the file with it. Throws `.notSupported` or `.isDirectory` where the
    /// file system (or an old kernel) cannot make one.
    ///
    /// The corresponding C call is `open` with `O_TMPFILE`.
    public static func makeUnnamedFile(in folder: String, mode: mode_t) throws(Errno) -> FileDescriptor {
        FileDescriptor(rawValue: try valueOrErrno { CLinux_openUnnamed(folder, mode) })
    }

    /// Gives the unnamed file open here the name `path`, in one step; throws
    /// `.fileExists`, leaving what is there alone, if `path` exists.
    ///
    /// The corresponding C function is `linkat`, through `/proc/self/fd`.
    public func link(as path: String) throws(Errno) {
        try nothingOrErrno { CLinux_linkDescriptor(rawValue, path) }
    }
}

extension FileSystem {
    /// Creates a new folder, mode 0700, named as `template` with its trailing
    /// "XXXXXX" replaced, and returns its path.
    ///
    /// The corresponding C function is `mkdtemp`.
    public static func makeTemporaryDirectory(template: String) throws(Errno) -> String {
        var name = Array(template.utf8CString)
        guard name.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { throw Errno.current }
        return text(of: name)
    }
}

/// The name a template became, without its terminating NUL.
private func text(of name: [CChar]) -> String {
    String(decoding: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
