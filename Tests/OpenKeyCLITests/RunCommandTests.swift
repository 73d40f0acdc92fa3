import Foundation
import OpenKeyCLI
import Testing

@Suite struct RunCommandTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AnalysisTests/Scripts")

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = OpenKeyCommand.run(args, stdout: { out += $0 + "\n" }, stderr: { err += $0 + "\n" }, environment: [:], interactive: false)
        return (code, out, err)
    }

    @Test func printsTheCutFlowAndWritesPlots() throws {
        let plots = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-plots-\(UUID().uuidString)")
        let result = run(["run", Self.scripts.appendingPathComponent("zmass.ana").path, "--plot", plots.path])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("same flavour"))
        #expect(result.out.contains("mean mass = 55.9478"))
        let svg = try String(contentsOf: plots.appendingPathComponent("mll.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("Dilepton mass"))
    }

    @Test func jsonOutput() throws {
        let result = run(["run", Self.scripts.appendingPathComponent("zmass.ana").path, "--json", "--max-events", "10"])
        #expect(result.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let samples = try #require(object["samples"] as? [[String: Any]])
        let cutflow = try #require(samples.first?["cutflow"] as? [[String: Any]])
        #expect(cutflow.first?["events"] as? Int == 10)
    }

    @Test func analysisErrorsExitOneUsageErrorsExitTwo() {
        let bad = run(["run", Self.scripts.appendingPathComponent("errors-names.ana").path])
        #expect(bad.code == 1)
        #expect(bad.err.contains("errors-names.ana:2:8: error: unknown column 'lep_nn' [ana.unknown-name]"))
        #expect(bad.err.contains("analysis failed: 9 errors, 1 warning"))
        #expect(run(["run"]).code == 2)
        #expect(run(["run", "a.ana", "--threads", "0"]).code == 2)
        #expect(run(["run", "a.ana", "--timeout", "soon"]).code == 2)
        #expect(run(["run", "/nonexistent.ana"]).code == 1)
    }
}
