import Foundation
import Support

/// The committed pg_dump outputs in Fixtures/, made by Fixtures/make-fixtures.sh.
public enum Fixture {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    public static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    public static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    public struct ExpectedTable: Decodable, Sendable {
        public var schema: String
        public var name: String
        public var rows: UInt64
        public var columns: [String]

        public var qualifiedName: QualifiedName { QualifiedName(schema: schema, name: name) }
    }

    /// Row counts and COPY columns of every ordinary table of the awkward database,
    /// read from the server when the fixtures were made.
    public static func expectedTables() throws -> [ExpectedTable] {
        let data = try Data(contentsOf: directory.appendingPathComponent("awkward.expected.json"))
        return try JSONDecoder().decode([ExpectedTable].self, from: data)
    }
}
