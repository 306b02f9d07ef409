import Support
import TestSupport
import Testing

@testable import DumpParser

/// A dump cut short must never index as complete.
@Suite struct TruncationTests {
    private func finishError(_ bytes: ArraySlice<UInt8>, chunkSize: Int = 4096) throws -> DumpError? {
        do {
            _ = try Scan.run(Array(bytes), chunkSize: chunkSize)
            return nil
        } catch let error as DumpError {
            return error
        }
    }

    private func offset(of marker: String, in bytes: [UInt8]) throws -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        let range = try #require(text.range(of: marker))
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }

    @Test func cutInsideCopyData() throws {
        let bytes = try Fixture.bytes("awkward.sql")
        let copy = try offset(of: "COPY public.plain (id, note, m, p) FROM stdin;", in: bytes)
        let error = try #require(try finishError(bytes[..<(copy + 5000)]))
        guard case let .endsInsideCopy(table, copyOffset, rows) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(table == QualifiedName("public", "plain"))
        #expect(copyOffset == UInt64(copy))
        #expect(rows > 50 && rows < 1500)
        #expect(error.description.contains("COPY data for public.plain"))
        #expect(error.description.contains("truncated"))
    }

    @Test func cutRightAfterTheCopyCommand() throws {
        let bytes = try Fixture.bytes("awkward.sql")
        let copy = try offset(of: "COPY public.plain (id, note, m, p) FROM stdin;", in: bytes)
        let error = try finishError(bytes[..<(copy + 20)], chunkSize: 1)
        #expect(error == .unterminatedStatement(offset: UInt64(copy)))
        let tail = try finishError(bytes[..<(copy + 47)])
        #expect(tail == .endsInsideCopy(table: QualifiedName("public", "plain"), copyOffset: UInt64(copy), rowsRead: 0))
    }

    @Test func cutBeforeTheEpilogue() throws {
        let bytes = try Fixture.bytes("awkward-verbose.sql")
        let end = try offset(of: "\n-- Completed on", in: bytes)
        let error = try finishError(bytes[..<end])
        #expect(error == .missingEpilogue(streamLength: UInt64(end)))
        #expect(error?.description.contains("dump complete") == true)
    }

    @Test func cutInsideLiterals() throws {
        let bytes = try Fixture.bytes("awkward.sql")
        let body = try offset(of: "$_$\nBEGIN", in: bytes)
        #expect(try finishError(bytes[..<(body + 30)]) == .unterminatedLiteral(.dollarQuoted, offset: UInt64(body)))
        let comment = try offset(of: "'\n--\n-- Name: ghost_in_string", in: bytes)
        #expect(try finishError(bytes[..<(comment + 10)], chunkSize: 7) == .unterminatedLiteral(.string, offset: UInt64(comment)))
        let quoted = try offset(of: "\"new\nline\" (\n", in: bytes)
        #expect(try finishError(bytes[..<(quoted + 5)]) == .unterminatedLiteral(.identifier, offset: UInt64(quoted)))
    }

    @Test func cutInsideAStatement() throws {
        let bytes = try Fixture.bytes("awkward.sql")
        let statement = try offset(of: "CREATE TABLE public.empty (", in: bytes)
        #expect(try finishError(bytes[..<(statement + 30)]) == .unterminatedStatement(offset: UInt64(statement)))
    }

    @Test func emptyStreamHasNoEpilogue() throws {
        #expect(try finishError([]) == .missingEpilogue(streamLength: 0))
    }
}
