// swift-tools-version: 6.0
import PackageDescription

// Linux only: pgscalpel calls Glibc and Linux interfaces (pipe sizes, renameat2,
// sync_file_range) directly, and its tests start Debian's PostgreSQL packages.
let package = Package(
    name: "pgscalpel",
    products: [
        .executable(name: "pgscalpel", targets: ["PGScalpelCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 of each archive backup writes, the checksum operators record.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libpq's header only (Debian's libpq-dev): pkg-config would also link libpq, which
        // CLibPQLoader instead loads on first use.
        .systemLibrary(name: "CLibPQ"),
        // The PQ functions pgscalpel calls, as stubs that load libpq when a command first needs it.
        .target(name: "CLibPQLoader", dependencies: ["CLibPQ"]),
        // Compression libraries, reached through pkg-config like any other C program would.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CIsal", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        // Linux calls that Swift's Glibc module leaves out (pipe size, writeback).
        .systemLibrary(name: "CLinux"),

        // The schema-qualified name every module passes around, what Foundation gave and
        // FoundationEssentials lacks (a condition variable, threads, trimming), in plain Swift,
        // so the binary links no Foundation and starts faster, and the one funnel every
        // module's OS calls go through (System/: descriptors, errno, EINTR).
        .target(name: "Support", dependencies: ["CLinux"]),
        // The indexed archive: gzip members, the index, the footer.
        .target(name: "ScalpelArchive", dependencies: ["CZlib", "CDeflate", "CIsal", "Support"]),
        // pg_dump's plain SQL output: sections, statements, COPY text.
        .target(name: "DumpParser", dependencies: ["Support"]),
        // libpq, and the ephemeral servers pgscalpel starts for itself.
        .target(name: "PostgresAccess", dependencies: ["CLibPQ", "CLibPQLoader", "Support"]),
        // What the commands do, built from the modules above.
        .target(name: "Recovery", dependencies: ["ScalpelArchive", "DumpParser", "PostgresAccess", "Support",
                                                 .product(name: "Crypto", package: "swift-crypto")]),
        // Argument parsing only: each command calls one Recovery entry point.
        .executableTarget(
            name: "PGScalpelCLI",
            dependencies: ["Recovery", "Support", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // What the test targets share, for tests only (it may use Foundation): fixture paths,
        // running programs, scratch folders, test servers, in-memory byte sinks and sources.
        .target(name: "TestSupport", dependencies: ["ScalpelArchive", "PostgresAccess", "Support"], path: "Tests/TestSupport"),

        // Each module's tests, through its API; those of PostgresAccess and Recovery against
        // a PostgreSQL server the target starts for itself.
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "ScalpelArchiveTests", dependencies: ["ScalpelArchive", "TestSupport"]),
        .testTarget(name: "DumpParserTests", dependencies: ["DumpParser", "TestSupport"]),
        .testTarget(name: "PostgresAccessTests", dependencies: ["PostgresAccess", "TestSupport"]),
        .testTarget(name: "RecoveryTests", dependencies: ["Recovery", "TestSupport"]),
        // pgscalpel run as an operator runs it, next to psql and pg_dump: the dependency on
        // PGScalpelCLI only makes SwiftPM build the binary, which the tests find next to their bundle.
        .testTarget(name: "EndToEndTests", dependencies: ["PGScalpelCLI", "TestSupport"]),

        // libFuzzer targets, one per parser of untrusted bytes (scripts/fuzz). Built
        // plainly, each replays the files it is given; scripts/fuzz builds them with
        // -sanitize=fuzzer, in .build-fuzz, into fuzzers seeded from Fixtures/fuzz.
        .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzArchiveFooter", dependencies: ["ScalpelArchive", "TestSupport", "FuzzSupport"],
                          path: "Tests/Fuzz/FuzzArchiveFooter"),
        .executableTarget(name: "FuzzIndexJSON", dependencies: ["ScalpelArchive", "TestSupport", "FuzzSupport"],
                          path: "Tests/Fuzz/FuzzIndexJSON"),
        .executableTarget(name: "FuzzDumpScanner", dependencies: ["DumpParser", "FuzzSupport"], path: "Tests/Fuzz/FuzzDumpScanner"),
        .executableTarget(name: "FuzzCopyText", dependencies: ["DumpParser", "FuzzSupport"], path: "Tests/Fuzz/FuzzCopyText"),
        .executableTarget(name: "FuzzWhereExpression", dependencies: ["Recovery", "DumpParser", "FuzzSupport"],
                          path: "Tests/Fuzz/FuzzWhereExpression"),
    ],
    swiftLanguageModes: [.v6]
)
