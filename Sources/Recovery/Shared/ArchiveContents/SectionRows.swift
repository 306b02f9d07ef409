import ScalpelArchive

extension Collection<Section> {
    /// The rows the index counts in all of them, the total a progress line measures
    /// against; nil when one has no count (an `--inserts` dump's data).
    var indexedRows: UInt64? {
        reduce(UInt64?(0)) { total, section in section.rows.flatMap { rows in total.map { $0 + rows } } }
    }
}
