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
