import CLinux
import Glibc

/// The calls that take a path rather than an open descriptor.
public enum FileSystem {
    /// The access `checkAccess` asks about; none asks only whether the path exists.
    public struct Access: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        public static let write = Access(rawValue: W_OK)
        public static let execute = Access(rawValue: X_OK)
    }

    /// Returns if this process may use `path` so (or, with no access given, if
    /// anything is there), and throws why not otherwise: ENOENT, EACCES.
    ///
    /// The corresponding C function is `access`.
    public static func checkAccess(_ path: String, _ access: Access = []) throws(Errno) {
        try nothingOrErrno { Glibc.access(path, access.isEmpty ? F_OK : access.rawValue) }
    }

    /// The size, type and permissions of what `path` names, through symbolic links.
    ///
    /// The corresponding C function is `stat`.
    public static func status(_ path: String) throws(Errno) -> stat {
        var status = stat()
        try nothingOrErrno { stat(path, &status) }
        return status
    }

    /// Removes the name `path`; the file itself goes once no descriptor holds it open.
    ///
    /// The corresponding C function is `unlink`.
    public static func removeFile(_ path: String) throws(Errno) {
        try nothingOrErrno { unlink(path) }
    }

    /// Moves `source` to `destination` in one step, replacing whatever was there.
    ///
    /// The corresponding C function is `rename`.
    public static func rename(_ source: String, to destination: String) throws(Errno) {
        try nothingOrErrno { Glibc.rename(source, destination) }
    }

    /// `rename` that fails with EEXIST rather than replace anything under
    /// `destination`, in one step; EINVAL where the file system cannot do it so.
    ///
    /// The corresponding C function is `renameat2`, with `RENAME_NOREPLACE`.
    public static func renameWithoutReplacing(_ source: String, to destination: String) throws(Errno) {
        try nothingOrErrno { CLinux_renameNoReplace(source, destination) }
    }

    /// Hands `path` to another user and group, as root may.
    ///
    /// The corresponding C function is `chown`.
    public static func changeOwner(_ path: String, user: uid_t, group: gid_t) throws(Errno) {
        try nothingOrErrno { chown(path, user, group) }
    }
}
