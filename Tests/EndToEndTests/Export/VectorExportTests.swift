import Foundation
import TestSupport
import Testing

/// pgvector's columns from a real pg_dump 18 dump (Fixtures/pgvector.sql): JSON Lines
/// writes an embedding as an array of numbers, as a consumer of embeddings reads it.
@Suite struct VectorExportTests {
    @Test func vectorsAreJSONArraysOfNumbers() throws {
        let scratch = try ScratchFolder()
        let archive = scratch.file("vectors.scalpel.sql.gz")
        let packed = try CLI.pgscalpel(["pack", "-f", archive],
                                       input: try Data(contentsOf: URL(fileURLWithPath: Fixture.path("pgvector.sql"))))
        #expect(packed.status == 0, "\(packed.errors)")
        let exported = try CLI.pgscalpel(["export", archive, "-t", "embeddings", "--format", "jsonl"])
        #expect(exported.status == 0, "\(exported.errors)")
        #expect(exported.text == """
            {"id":1,"embedding":[0.5,-1,2.25],"half":[1,2,3],"label":"one"}
            {"id":2,"embedding":[1e-05,0,3],"half":null,"label":"two"}
            {"id":3,"embedding":null,"half":[0.5,0.25,0],"label":"three"}

            """)
        // The other formats keep pgvector's own text, which it reads back.
        let csv = try CLI.pgscalpel(["export", archive, "-t", "embeddings"])
        #expect(csv.text.contains("\n1,\"[0.5,-1,2.25]\",\"[1,2,3]\",one\n"), "\(csv.text)")
    }
}
