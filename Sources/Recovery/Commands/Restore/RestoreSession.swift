import PostgresAccess
import ScalpelArchive

/// A connection to the restore target with the dump's session settings applied,
/// as psql would have them after running the dump's prologue: client encoding,
/// `standard_conforming_strings`, an empty `search_path`, no function body checks,
/// and the date and interval styles the COPY text was written under.
final class RestoreSession {
    let connection: Connection
    private(set) var notes: [String] = []
    /// Set inside the transaction that replaces tables (`--clean`), where a failed
    /// statement would abort everything after it: each statement then runs under a
    /// savepoint, so the failures `run` expects (an object already there, a missing
    /// role) undo only that statement.
    var inTransaction = false
    /// `restore --all` without `--exit-on-error`: a statement failing unexpectedly is
    /// recorded in `errors` and the next one runs, as psql goes on.
    var continueOnError = false
    private(set) var errors: [String] = []

    /// The errors recorded since the last call, so a report can list them in the order they came.
    func takeErrors() -> [String] {
        defer { errors.removeAll() }
        return errors
    }

    /// `settings` are the prologue's statements; a setting this server does not
    /// know (a newer pg_dump's `SET transaction_timeout`) is noted and passed over.
    init(target: ConnectionTarget, settings: [String], dataStyles: [String: String]) throws {
        connection = try Connection(target)
        for statement in settings {
            do {
                try connection.execute(statement)
            } catch let error as PostgresError where error.sqlState == "42704" {
                notes.append("the dump's setting was not applied: \(error.message)")
            }
        }
        for name in ["DateStyle", "IntervalStyle"] {
            if let value = dataStyles[name] { try connection.execute("SELECT pg_catalog.set_config($1, $2, false)", [name, value]) }
        }
    }

    /// What became of one schema section.
    enum Outcome: Equatable {
        case created
        /// A schema, type, function, ... of that name was there already; the section was skipped.
        case existed
        /// Skipped, for the reason given.
        case skipped(String)
        /// Every statement named a missing role (counted in `MissingRoles`).
        case rolesMissing
    }

    /// Statements skipped because they name roles the target lacks.
    struct MissingRoles {
        /// Role to the number of `OWNER TO` statements skipped.
        var owners: [String: Int] = [:]
        /// Role to the number of `GRANT`s and `REVOKE`s skipped.
        var grantees: [String: Int] = [:]
    }

    /// Runs a section's SQL a statement at a time. Ownership changes to roles the
    /// target lacks (or that this user may not give objects to) are skipped, so
    /// objects stay the restoring user's, and so are grants to missing roles; both
    /// are counted in `missing`. A prerequisite that already exists (restoring a
    /// second table into the same database) is kept as it is.
    func run(_ section: Section, text: [UInt8], missing: inout MissingRoles) throws -> Outcome {
        let type = section.type ?? ""
        var createdSomething = false
        var skippedGrant = false
        for statement in SectionStatement.split(text) {
            if let role = statement.newOwner {
                do {
                    try execute(statement)
                } catch let error as PostgresError where error.sqlState == "42704" || error.sqlState == "42501" {
                    missing.owners[role, default: 0] += 1
                } catch let error as PostgresError {
                    try failed(section, error)
                }
                continue
            }
            do {
                try execute(statement)
                if statement.firstWord != "set" { createdSomething = true }
            } catch let error as PostgresError {
                let state = error.sqlState ?? ""
                let word = statement.firstWord ?? ""
                if Self.duplicates.contains(state) && !createdSomething && RestorePlan.prerequisites.contains(type) {
                    return .existed
                } else if state == "42704", let role = statement.grantee {
                    missing.grantees[role, default: 0] += 1
                    skippedGrant = true
                } else if word == "set" {
                    notes.append("\(section.label): \(statement.text.trimmedSQL) failed, left at the server's default: \(error.message)")
                } else if state == "42P01" && !Self.definitions.contains(type) {
                    return .skipped("\(section.label) names a table that is not restored: \(error.message)")
                } else {
                    try failed(section, error)
                }
            }
        }
        return createdSomething || !skippedGrant ? .created : .rolesMissing
    }

    /// An error no rule expects: the restore stops, or, going on as psql does, it is
    /// recorded. A deadlock is thrown as it is: `restore --all` runs that build again.
    /// So is a failure of the connection itself: nothing after it could run.
    func failed(_ section: Section, _ error: any Error) throws {
        if let error = error as? PostgresError, error.sqlState == nil || error.sqlState == "40P01" { throw error }
        // The loader's own errors name their section already.
        let message = error is RestoreError ? "\(error)" : "\(section.label): \(error)"
        guard continueOnError else { throw RestoreError(message) }
        errors.append(message)
    }

    private func execute(_ statement: SectionStatement) throws {
        guard inTransaction else {
            try connection.execute(bytes: Array(statement.bytes))
            return
        }
        try connection.execute("SAVEPOINT pgscalpel_statement")
        do {
            try connection.execute(bytes: Array(statement.bytes))
        } catch {
            // If even this fails, the transaction is aborted and the next statement says so.
            _ = try? connection.execute("ROLLBACK TO SAVEPOINT pgscalpel_statement")
            throw error
        }
        try connection.execute("RELEASE SAVEPOINT pgscalpel_statement")
    }

    /// duplicate_object, duplicate_schema, duplicate_table (a sequence), duplicate_function.
    private static let duplicates: Set<String> = ["42710", "42P06", "42P07", "42723"]

    /// Sections whose failure leaves the table unusable: never skipped.
    private static let definitions: Set<String> = ["TABLE", "DEFAULT", "SEQUENCE", "SEQUENCE OWNED BY", "TABLE ATTACH"]
}

extension String {
    /// A statement as it reads in a message: the comments before it dropped, one line.
    var trimmedSQL: String {
        split(separator: "\n").filter { !$0.hasPrefix("--") && !$0.allSatisfy(\.isWhitespace) }
            .map { $0.trimmingSpacesAndTabs() }.joined(separator: " ")
    }
}
