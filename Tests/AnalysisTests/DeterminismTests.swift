import Analysis
import Foundation
import Testing

/// Results must not depend on how events are split into chunks or how many threads run them.
@Suite struct DeterminismTests {
    func run(threads: Int, chunk: Int) throws -> AnalysisResult {
        let text = try String(contentsOf: ScriptTests.folder.appendingPathComponent("zmass.ana"), encoding: .utf8)
        let outcome = Runner.run(text: text, name: "zmass.ana", dataDirectory: ScriptTests.folder, threads: threads, chunkSize: chunk)
        return try #require(outcome.result)
    }

    /// Partial sums are merged in chunk order, so the thread count cannot change a single bit.
    @Test func identicalBytesForEveryThreadCount() throws {
        var outputs = Set<String>()
        for threads in [1, 2, 3, 8] { outputs.insert(ResultJSON.encode(try run(threads: threads, chunk: 3))) }
        #expect(outputs.count == 1)
    }

    /// Another chunk size groups the floating-point sums differently: counts are equal, sums agree to rounding.
    @Test func chunkSizeOnlyChangesRounding() throws {
        let reference = try run(threads: 2, chunk: 1000)
        for chunk in [1, 2, 7] {
            let other = try run(threads: 2, chunk: chunk)
            for (a, b) in zip(reference.samples, other.samples) {
                #expect(a.cutflow.map(\.events) == b.cutflow.map(\.events))
                #expect(zip(a.cutflow, b.cutflow).allSatisfy { abs($0.sumw - $1.sumw) <= 1e-12 * max(1, abs($0.sumw)) })
                #expect(zip(a.histograms[0].sumw, b.histograms[0].sumw).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($0)) })
                #expect(a.histograms[0].entries == b.histograms[0].entries)
            }
        }
    }

    @Test func stackedBackgroundsAddUpTheirSamples() throws {
        let text = """
        sample data "data/leptons.csv"
        sample a "data/leptons_mc.csv" role background weight mcWeight
        sample b "data/leptons_mc.csv" role background weight 2 * mcWeight
        histogram lep_n bins 4 from 0 to 4
        """
        let result = try #require(Runner.run(text: text, name: "stack.ana", dataDirectory: ScriptTests.folder).result)
        let stacked = result.stacked(role: "background")[0]
        let a = result.samples[1].histograms[0], b = result.samples[2].histograms[0]
        #expect(stacked.sumw == zip(a.sumw, b.sumw).map { $0 + $1 })
        #expect(zip(b.sumw, a.sumw).allSatisfy { abs($0 - 2 * $1) < 1e-12 })
        #expect(ResultJSON.encode(result).contains("\"stacked\""))
    }

    @Test func jsonIsVersionedAndWritesNaNAsText() throws {
        let text = "sample data \"data/leptons.csv\"\nreport mean(lep_pt[5]) as \"none\"\n"
        let result = try #require(Runner.run(text: text, name: "nan.ana", dataDirectory: ScriptTests.folder).result)
        let json = ResultJSON.encode(result)
        #expect(json.contains("\"schema\": \"openkey-analysis-result\""))
        #expect(json.contains("\"version\": 1"))
        #expect(json.contains("\"value\": \"nan\""))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }
}
