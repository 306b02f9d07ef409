/// pgscalpel's own version, printed by `--version` and recorded in every archive's index.
public enum PGScalpelVersion {
    public static let current = "0.1.0"
}
