import ScalpelArchive
import Support

/// `manifest.json` of a folder export: what each file holds and where it came
/// from, so the folder can be understood (and checked) away from the archive.
struct ExportManifest: Codable, Equatable {
    static let fileName = "manifest.json"

    struct Table: Codable, Equatable {
        var schema: String?
        var name: String
        /// One file per format, in `formats`' order; `file` too when there is one format,
        /// as manifests written before `formats` had it.
        var file: String?
        var files: [String]
        var rows: UInt64
        var columns: [String]
        /// The `--where` expression the rows were chosen by, as given.
        var `where`: String?
    }

    /// The archive, as an absolute path.
    var archive: String
    var database: String?
    /// When the dump ran (ISO 8601, UTC), from the archive's index.
    var dumpStartedAt: String?
    var dumpCompletedAt: String?
    /// `format` too when there is one.
    var format: ExportFormat?
    var formats: [ExportFormat]
    /// How bytea values are written (JSON Lines only).
    var bytea: ExportFormat.Bytea?
    var tables: [Table]
    /// Tables that matched but hold no data in the archive.
    var skipped: [QualifiedName]
}
