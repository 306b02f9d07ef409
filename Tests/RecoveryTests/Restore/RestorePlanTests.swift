import Foundation
import Support
import Testing
@testable import Recovery
import ScalpelArchive

/// Which sections a restore runs, read from the awkward fixture's archive without a server.
@Suite struct RestorePlanTests {
    static func plan(_ patterns: String..., part: RestorePlan.Part = .all, fixture: String = "awkward-verbose.sql") throws -> RestorePlan {
        let archive = try PackedArchive(fixture: fixture)
        let reader = try ArchiveReader(path: archive.path)
        return try RestorePlan(index: reader.index, patterns: try patterns.map(TablePattern.init), part: part,
                               text: reader.text(of:))
    }

    /// pg_dump 18's statistics of the table and of its indexes come with it, after
    /// its data and indexes; another table's never.
    @Test func aTableBringsItsStatistics() throws {
        let plan = try Self.plan("t2", fixture: "pg18-statistics.sql")
        #expect(plan.postData.map { "\($0.type ?? "") \($0.name ?? "")" }
            == ["STATISTICS DATA t2", "INDEX t2_i_idx", "STATISTICS DATA t2_i_idx"])
        #expect(!plan.notes.contains { $0.contains("STATISTICS DATA") })
        let dataOnly = try Self.plan("t2", part: .dataOnly, fixture: "pg18-statistics.sql")
        #expect(!dataOnly.sections.contains { $0.type == "STATISTICS DATA" })
    }

    @Test func aTableBringsItsTypesSequenceAndPostDataInDumpOrder() throws {
        let plan = try Self.plan("public.plain")
        #expect(plan.tables == [QualifiedName(schema: "public", name: "plain")])
        #expect(plan.preData.map(\.label) == [
            "TYPE public.mood", "DOMAIN public.posint", "TABLE public.plain", "COMMENT public.plain",
            "SEQUENCE public.plain_id_seq", "SEQUENCE OWNED BY public.plain_id_seq", "DEFAULT public.plain id",
        ])
        #expect(plan.data.map(\.label) == ["TABLE DATA public.plain"])
        #expect(plan.postData.map(\.label) == [
            "SEQUENCE SET public.plain_id_seq", "CHECK CONSTRAINT public.note_len", "CONSTRAINT public.plain_pkey",
            "POLICY public.p 1", "ROW SECURITY public.plain", "ACL public.plain",
        ])
        #expect(plan.notes.contains { $0.contains("PUBLICATION TABLE public.pub") })
        #expect(plan.extensions.isEmpty && plan.skippedForeignKeys.isEmpty)
    }

    @Test func aForeignKeyComesOnlyWithTheTableItReferences() throws {
        let orderItems = QualifiedName(schema: "Sales", name: "Order Items")
        let alone = try Self.plan("\"Sales\".\"Order Items\"")
        #expect(alone.skippedForeignKeys == [RestorePlan.ForeignKey(
            table: orderItems, name: "Order Items_plain_id_fkey", references: QualifiedName(schema: "public", name: "plain"))])
        #expect(alone.preData.first?.label == "SCHEMA Sales")
        #expect(!alone.sections.contains { $0.table == QualifiedName(schema: "public", name: "plain") })
        #expect(!alone.sections.contains { $0.type == "FK CONSTRAINT" })
        // Identity and generated columns need nothing beyond the table's own sections.
        #expect(alone.sections.allSatisfy { $0.table == orderItems || $0.type == "SCHEMA" })

        let both = try Self.plan("\"Sales\".\"Order Items\"", "plain")
        #expect(both.skippedForeignKeys.isEmpty)
        #expect(both.postData.contains { $0.type == "FK CONSTRAINT" })
    }

    @Test func aPartitionedTableBringsItsPartitionsAndTheirData() throws {
        let plan = try Self.plan("measurements")
        #expect(plan.tables.map(\.description) == ["public.measurements", "Sales.m \"2025\"", "public.m2024"])
        #expect(plan.data.map(\.label) == ["TABLE DATA Sales.m \"2025\"", "TABLE DATA public.m2024"])
        #expect(plan.sections.filter { $0.type == "TABLE ATTACH" }.count == 2)
        #expect(plan.sections.filter { $0.type == "INDEX ATTACH" }.count == 2)
        #expect(plan.preData.first?.label == "SCHEMA Sales")

        let partition = try Self.plan("m2024")
        #expect(!partition.sections.contains { $0.type == "TABLE ATTACH" || $0.type == "INDEX ATTACH" })
        #expect(partition.notes.contains { $0.contains("partition of public.measurements") })
    }

    @Test func aTriggerBringsItsFunctionAndNoOtherFunction() throws {
        let plan = try Self.plan("public.select")
        let functions = plan.sections.filter { $0.type == "FUNCTION" }.map(\.label)
        #expect(functions == ["FUNCTION public.trg"])
        #expect(plan.postData.contains { $0.type == "TRIGGER" })
    }

    @Test func schemaOnlyAndDataOnlySplitThePlan() throws {
        let schema = try Self.plan("plain", part: .schemaOnly)
        #expect(schema.data.isEmpty)
        #expect(!schema.sections.contains { $0.type == "SEQUENCE SET" })
        #expect(schema.preData.contains { $0.type == "TYPE" })
        let data = try Self.plan("plain", part: .dataOnly)
        #expect(data.sections.map(\.label) == ["TABLE DATA public.plain", "SEQUENCE SET public.plain_id_seq"])
    }

    @Test func foreignTablesAreLeftOutAndNamesMustMatch() throws {
        let plan = try Self.plan("public.*")
        #expect(!plan.tables.contains(QualifiedName(schema: "public", name: "ft")))
        #expect(plan.notes.contains { $0.contains("public.ft is a foreign table") })
        #expect(throws: UsageError.self) { try Self.plan("nope") }
        #expect(throws: UsageError.self) { try Self.plan("public.ft") }
    }
}
