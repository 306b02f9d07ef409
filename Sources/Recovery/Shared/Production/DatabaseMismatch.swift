/// The archive is a backup of one database and the command reads or writes another:
/// most often the wrong file (staging's backup against production), sometimes on
/// purpose (a database renamed since, a copy). So it is said, never refused.
func databaseMismatchNote(backup: String?, other: String, role: String) -> String? {
    guard let backup, backup != other else { return nil }
    return "note: the archive is a backup of database \(backup), and \(role) \(other)"
}
