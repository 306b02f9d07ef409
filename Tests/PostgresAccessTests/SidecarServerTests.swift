import Foundation
@testable import PostgresAccess
import Testing

@Suite struct SidecarServerTests {
    private func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0
    }

    @Test func stopShutsDownAndRemovesTheDirectory() throws {
        let server = try SidecarServer()
        let pid = server.processIdentifier
        #expect(isAlive(pid))
        #expect(FileManager.default.fileExists(atPath: server.logFile))
        #expect(server.target.redacted == "host=\(server.socketDirectory) port=5432 user=postgres dbname=postgres")
        #expect(server.dataDirectory.hasPrefix(server.directory))

        try server.createDatabase("scratch db")
        let connection = try Connection(server.target(database: "scratch db"))
        #expect(try connection.execute("SELECT current_database()")[0, 0] == "scratch db")
        // Index builds get more than PostgreSQL's default 64MB where the machine has it.
        let memory = try connection.execute("SELECT setting::bigint * 1024 FROM pg_settings WHERE name = 'maintenance_work_mem'")[0, 0]
        #expect(memory == String(SidecarServer.maintenanceMemoryMB << 20))
        #expect(ProcessInfo.processInfo.physicalMemory < 8 << 30 || SidecarServer.maintenanceMemoryMB == 1024)

        server.stop()
        #expect(!isAlive(pid))
        #expect(!FileManager.default.fileExists(atPath: server.directory))
        server.stop()
        #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
    }

    @Test func releasingTheServerStopsIt() throws {
        func startAndRelease() throws -> (pid_t, String) {
            let server = try SidecarServer()
            return (server.processIdentifier, server.directory)
        }
        let (pid, directory) = try startAndRelease()
        #expect(!isAlive(pid))
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test func failedStartReportsTheLogAndCleansUp() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("pgscalpel-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary

        let error = #expect(throws: PostgresError.self) {
            try SidecarServer(settings: ["shared_buffers": "plenty"], environment: environment)
        }
        #expect(error?.code == .serverStartFailed)
        #expect(error?.description.contains(#"invalid value for parameter "shared_buffers": "plenty""#) == true)
        #expect(error?.detail?.contains("shared_buffers") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    }
}

@Suite struct ServerBinariesTests {
    @Test func locatesTheInstalledServer() throws {
        let binaries = try ServerBinaries.locate()
        #expect(binaries.initdb != nil)
        #expect(binaries.postgres != nil)
        #expect(binaries.pgDump != nil)
        #expect(binaries.psql != nil)
        #expect(binaries.initdb.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            == binaries.postgres.map { URL(fileURLWithPath: $0).deletingLastPathComponent() })
        let version = try binaries.version(of: .postgres)
        #expect(version.wholeMatch(of: #/\d+(\.\d+)?/#) != nil)
        #expect(try binaries.version(of: .pgDump) == version)
    }

    @Test func missingToolNamesTheDebianPackage() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("pgscalpel-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let binaries = ServerBinaries(directory: empty)
        #expect(binaries.pgDump == nil)

        let client = #expect(throws: PostgresError.self) { try binaries.require(.pgDump) }
        #expect(client?.code == .missingBinary)
        #expect(client?.description.hasSuffix("install the Debian package postgresql-client") == true)
        let server = #expect(throws: PostgresError.self) { try SidecarServer(binaries: binaries) }
        #expect(server?.description.hasSuffix("install the Debian package postgresql") == true)
    }
}
