import Glibc
import FoundationEssentials
import ScalpelArchive
import Support

public typealias CompressionBackend = ScalpelArchive.CompressionBackend

/// `pgscalpel pack`: indexes plain pg_dump output that some other process produced.
public enum Packing {
    /// Reads `input` to its end in reads of up to 1 MiB.
    static func pump(_ input: FileDescriptor, name: String, into builder: ArchiveBuilder, progress: Progress?) throws {
        let capacity = 1 << 20
        let napAfterShortRead = enlargePipe(input, to: capacity)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n: Int
            do { n = try input.read(into: buffer) } catch {
                throw ArchiveError(.io, "cannot read \(name): \(error)", errno: error)
            }
            if n == 0 { return }
            try builder.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            progress?.set(bytes: builder.bytesIn, note: "\(formatBytes(builder.bytesOut)) written",
                          active: builder.currentTable?.description)
            if napAfterShortRead && n < capacity / 4 { usleep(2000) }
        }
    }

    /// pg_dump, the server and the compressors share 2 cores; a 64 KiB pipe stalls
    /// pg_dump (and through it the server) whenever the reader is not scheduled at
    /// once, and a 1 MiB pipe rides that out. It also lets the reader wait 2 ms after
    /// finding the pipe nearly empty: pg_dump writes 4 KiB at a time, and a reader
    /// woken by each write costs both processes a context switch per 4 KiB (110,000
    /// against 41,000 in a backup of 423 MiB). pg_dump would have to write over
    /// 500 MB/s to fill the pipe in 2 ms, and then the next read is a full one.
    /// Returns whether the pipe holds 1 MiB; never for a file, which is not a pipe.
    private static func enlargePipe(_ input: FileDescriptor, to capacity: Int) -> Bool {
        try? input.setPipeCapacity(capacity)
        return (try? input.pipeCapacity()).map { $0 >= capacity } ?? false
    }

    /// How members are compressed; the defaults are what the benchmarks chose.
    public struct Compression: Sendable {
        public var backend = CompressionBackend.standard
        /// nil: the backend's default level.
        public var level: Int?
        public var memberLimit = ArchiveLayout.defaultMemberLimit
        public init() {}
    }

    /// An archive may be the only good copy of a table (last night's, before the bad
    /// migration): `backup` and `pack` never write over one unless told to. Checked
    /// before pg_dump starts, and again atomically at the rename.
    static func refuseExisting(_ path: String, overwrite: Bool) throws {
        guard !overwrite, (try? FileSystem.checkAccess(path)) != nil else { return }
        throw UsageError("\(path) exists already: an archive is never written over; give a new name, or --overwrite")
    }

    /// Packs standard input into `path` (atomically), or to standard output when `path` is nil.
    public static func pack(input: FileDescriptor = .standardInput, to path: String?, overwrite: Bool = false,
                            compression: Compression = Compression(), progress: Progress? = nil) throws -> ArchiveIndex {
        let started = Date()
        if let path {
            try refuseExisting(path, overwrite: overwrite)
            let sink = try AtomicFileSink(path: path, replacing: overwrite)
            let token = Interruption.register(removing: sink.temporaryPath)
            defer { Interruption.unregister(token) }
            let index = try pack(input: input, sink: sink, compression: compression, started: started, progress: progress)
            try sink.commit()
            return index
        }
        return try pack(input: input, sink: DescriptorSink(fd: .standardOutput, name: "standard output"),
                        compression: compression, started: started, progress: progress)
    }

    private static func pack(input: FileDescriptor, sink: any ByteSink, compression: Compression, started: Date,
                             progress: Progress?) throws -> ArchiveIndex {
        let builder = try ArchiveBuilder(sink: sink, memberLimit: compression.memberLimit, backend: compression.backend,
                                         level: compression.level)
        progress?.begin("packing", bytes: regularFileSize(input))
        try pump(input, name: "standard input", into: builder, progress: progress)
        progress?.finish()
        return try builder.finish(dump: DumpInfo(startedAt: isoTimestamp(started), completedAt: isoTimestamp(Date())))
    }
}

/// The size of standard input when it is a file (`pack < dump.sql`), which makes
/// a percentage; nil for a pipe, whose end is not known.
private func regularFileSize(_ input: FileDescriptor) -> UInt64? {
    guard let status = try? input.status(), status.st_mode & S_IFMT == S_IFREG else { return nil }
    return UInt64(status.st_size)
}

/// UTC to the second, as in `2026-01-03T02:00:00Z`.
func isoTimestamp(_ date: Date) -> String {
    date.ISO8601Format()
}
