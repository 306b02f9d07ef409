import Foundation

/// A scratch folder removed when the test ends.
public final class ScratchFolder {
    public let path: String

    public init() throws {
        path = NSTemporaryDirectory() + "pgscalpel-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { "\(path)/\(name)" }

    /// A 16 KiB tmpfs in the folder, as a full disk; nil without the right to mount.
    public func smallDisk() throws -> String? {
        let disk = file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        guard try CLI.shell("mount -t tmpfs -o size=16k tmpfs '\(disk)'").status == 0 else { return nil }
        mounts.append(disk)
        return disk
    }

    private var mounts: [String] = []

    deinit {
        for disk in mounts { _ = try? CLI.shell("umount '\(disk)'") }
        try? FileManager.default.removeItem(atPath: path)
    }
}
