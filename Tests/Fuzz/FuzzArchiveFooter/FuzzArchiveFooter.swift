import FuzzSupport
import ScalpelArchive
import TestSupport

/// An archive's bytes, whole, opened as every command opens one: the footer read
/// from the end, the index it points at inflated, checked and validated, then every
/// section read back. Damage must come out as an `ArchiveError`, never a trap, an
/// allocation the file cannot justify, or bytes past the file's end.
func fuzzArchive(_ bytes: [UInt8]) {
    guard let reader = try? ArchiveReader(source: MemorySource(bytes), name: "input") else { return }
    for section in reader.index.sections {
        _ = try? reader.text(of: section)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzArchive(FuzzInput.bytes(data, size))
    return 0
}

#if !LIBFUZZER
@main enum Replay {
    static func main() { FuzzInput.replay(fuzzArchive) }
}
#endif
