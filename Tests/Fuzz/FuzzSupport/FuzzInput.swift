import Foundation

/// What every fuzz target shares. Each target is one function over bytes, reached
/// two ways: built by scripts/fuzz with `-sanitize=fuzzer -D LIBFUZZER`, libFuzzer
/// calls it through `LLVMFuzzerTestOneInput`; built plainly (`swift build`), the
/// target's `main` replays the files it is given, so a crash fixture can be rerun
/// under a debugger without libFuzzer.
public enum FuzzInput {
    /// The bytes libFuzzer hands over (a null pointer for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Runs `body` on each file named on the command line, or on every file of a
    /// folder named there: a crash stops at the file that caused it, named first.
    public static func replay(_ body: ([UInt8]) -> Void) {
        let names = CommandLine.arguments.dropFirst()
        guard !names.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE-OR-FOLDER...\n".utf8))
            exit(2)
        }
        var count = 0
        for path in names.flatMap(files) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            print(path)
            body(Array(data))
            count += 1
        }
        print("\(count) inputs replayed")
    }

    private static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }
    }
}
