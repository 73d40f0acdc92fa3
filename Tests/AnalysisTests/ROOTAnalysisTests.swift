import Analysis
import Foundation
import Testing

/// The engine on real ROOT ntuples (written by ROOT 6.40), read by OpenKey's own reader.
@Suite struct ROOTAnalysisTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EventDataTests/Fixtures/root")
    static let zmass = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("bench/zmass_root.ana")

    /// Cut flow of the Z-mass selection on atlas_mini_zlib.root as computed with uproot + awkward
    /// (bench/zmass_root_crosscheck.py prints it; `make conformance` compares every number).
    @Test func zMassCutFlowMatchesUproot() throws {
        let text = try String(contentsOf: Self.zmass, encoding: .utf8)
        let outcome = Runner.run(text: text, name: "zmass_root.ana", dataDirectory: Self.fixtures, threads: 2, chunkSize: 1000)
        let result = try #require(outcome.result, "\(outcome.diagnosticLines)")
        for sample in result.samples {
            #expect(sample.cutflow.map(\.events) == [5000, 3537, 3166, 2988])
        }
        let mean = try #require(result.samples.first?.reports.first?.value)
        #expect(abs(mean - 93.03197382555962) < 1e-9)
    }

    @Test func zstdSampleGivesAClearError() throws {
        let text = "sample data \"atlas_mini_zstd.root\" tree \"mini\"\nfilter lep_n == 2\nreport count()\n"
        let outcome = Runner.run(text: text, name: "zstd.ana", dataDirectory: Self.fixtures)
        #expect(outcome.result == nil)
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.id == "root.unsupported-compression")
        #expect(error.message.contains("ZSTD"))
    }
}
