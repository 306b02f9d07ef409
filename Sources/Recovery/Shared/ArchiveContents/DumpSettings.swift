import DumpParser

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
