import ArgumentParser
import Recovery
import Support

struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Index plain pg_dump output read from standard input.",
        discussion: """
        Drops into existing backup scripts in place of gzip; the result is still a .sql.gz.

        Examples:
          pg_dump prod | pgscalpel pack > prod.scalpel.sql.gz
          pg_dump prod | pgscalpel pack -f prod.scalpel.sql.gz
          gunzip -c old.sql.gz | pgscalpel pack -f old.scalpel.sql.gz
        """)

    @Option(name: [.customShort("f"), .customLong("file")], help: "Write the archive here (atomically) instead of standard output.")
    var file: String?

    @Flag(help: "Replace the file given with -f if it exists (by default an archive is never written over).")
    var overwrite = false

    @Option(help: ArgumentHelp("DEFLATE implementation, for measurements.", visibility: .hidden))
    var compressor: CompressionBackend = .standard

    @Option(parsing: .unconditional, help: ArgumentHelp("Compression level (adaptive and libdeflate 1-12, isal 1-3, zlib 1-9); the default is the backend's.",
                               visibility: .hidden))
    var level: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Largest member, in KiB of SQL.", visibility: .hidden))
    var memberKib: Int = 1024

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if let level, !compressor.levels.contains(level) {
            throw ValidationError("--level for \(compressor.rawValue) is \(compressor.levels.lowerBound) to \(compressor.levels.upperBound)")
        }
        guard memberKib >= 16 else { throw ValidationError("--member-kib is at least 16") }
        if file == nil && FileDescriptor.standardOutput.isTerminal {
            throw ValidationError("standard output is a terminal: redirect it or give -f FILE")
        }
    }

    func run() throws {
        var compression = Packing.Compression()
        compression.backend = compressor
        compression.level = level
        compression.memberLimit = memberKib << 10
        _ = try Packing.pack(to: file, overwrite: overwrite, compression: compression, progress: progress.meter("pack"))
    }
}
