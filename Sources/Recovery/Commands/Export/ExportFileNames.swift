import ScalpelArchive
import Support

/// File names for the tables of a folder export: `schema.table.csv`, with the
/// characters that file systems refuse or treat specially (`/`, `\`, `:`, `*`, `?`,
/// `"`, `<`, `>`, `|`, control characters, a leading dot) replaced by `_`, and
/// `~2`, `~3`, ... added where two names would clash, ignoring case as macOS and
/// Windows disks do.
struct ExportFileNames {
    private var taken: Set<String> = [ExportManifest.fileName.lowercased()]

    mutating func name(for table: QualifiedName, format: ExportFormat) -> String {
        var base = String(String.UnicodeScalarView(
            ([table.schema, table.name].compactMap { $0 }.joined(separator: ".")).unicodeScalars.map { scalar in
                scalar.value < 0x20 || scalar.value == 0x7F || "/\\:*?\"<>|".unicodeScalars.contains(scalar) ? "_" : scalar
            }))
        if base.hasPrefix(".") { base = "_" + base.dropFirst() }
        // Most file systems allow 255 bytes; leave room for the suffix and extension.
        while base.utf8.count > 200 { base.removeLast() }
        var candidate = "\(base).\(format.fileExtension)"
        var number = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(base)~\(number).\(format.fileExtension)"
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
