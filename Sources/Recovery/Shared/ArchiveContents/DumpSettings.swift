import DumpParser
import ScalpelArchive

/// Session settings under which pg_dump writes its COPY text. pg_dump sets DateStyle,
/// IntervalStyle and extra_float_digits itself on every connection (and writes
/// client_encoding and standard_conforming_strings into the dump), but leaves
/// TimeZone and bytea_output to the server: `backup` pins those two for its pg_dump.
public enum DumpSettings {
    /// What `backup` passes to pg_dump as connection startup options (`-c name=value`).
    public static let pinnedByBackup: [String: String] = ["TimeZone": "UTC", "bytea_output": "hex"]

    static func implied(by prologue: DumpPrologue) -> [String: String] {
        var settings = ["DateStyle": "ISO", "IntervalStyle": "postgres", "extra_float_digits": "3"]
        for setting in prologue.settings where setting.name == "client_encoding" || setting.name == "standard_conforming_strings" {
            settings[setting.name] = setting.value
        }
        return settings
    }
}

extension ArchiveReader {
    /// The index's settings decide how `export` transcodes and which client_encoding
    /// its SQL sets, and under which settings `diff` and `apply` read production; no
    /// CRC covers their meaning. Those the dump states itself (pg_dump's fixed three,
    /// and the prologue's client_encoding and standard_conforming_strings) must be the
    /// dump's: an edited index saying SJIS made `export` write UTF-8 text as SJIS.
    func requireDumpSettings(name: String) throws {
        guard let section = index.prologue else { return }
        var scanner = DumpScanner()
        try read(section) { bytes in _ = bytes.withUnsafeBytes { scanner.consume($0) } }
        _ = try scanner.finish(requiringEpilogue: false)
        let implied = DumpSettings.implied(by: scanner.prologue)
        for setting in implied.keys.sorted() where index.dump.settings[setting] != implied[setting] {
            throw ArchiveError(.indexDamaged, "\(name): the index's \(setting) setting is not the one the dump sets "
                + "(\(implied[setting]!)); the archive is damaged")
        }
    }
}
