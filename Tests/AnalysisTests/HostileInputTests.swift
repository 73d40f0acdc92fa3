import Analysis
import Diagnostics
import Dispatch
import EventData
import Foundation
import Testing

/// Malformed and malicious analyses: each must end in a clear, located diagnostic, quickly, without crashing.
@Suite struct HostileInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".ana") }.sorted()

    @Test func thereAreAtLeastThirtyHostileFiles() { #expect(Self.files.count >= 30) }

    static func outcome(bytes: [UInt8], name: String, budget: Budget = Budget(timeLimit: 5)) -> (Runner.Outcome, Double) {
        let start = DispatchTime.now()
        let (program, syntax) = Analysis.parse(bytes, path: name)
        var outcome = Runner.Outcome(diagnostics: syntax, result: nil)
        if !syntax.contains(where: { $0.severity == .error }) {
            let text = String(decoding: bytes, as: UTF8.self)
            outcome = Runner.run(text: text, name: name, dataDirectory: data, budget: budget)
            _ = program
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return (outcome, seconds)
    }

    @Test(arguments: files)
    func endsInALocatedError(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let (outcome, seconds) = Self.outcome(bytes: bytes, name: name)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "no error for \(name)")
        #expect(outcome.result == nil)
        for error in errors {
            let location = try #require(error.location, "\(error.message) has no location")
            #expect(location.path == name && location.line >= 1 && location.column >= 1)
            #expect(!error.message.isEmpty)
        }
        #expect(seconds < 5, "\(name) took \(seconds) s")
    }

    @Test func tenMegabyteFileIsRefusedAtOnce() {
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        let (outcome, seconds) = Self.outcome(bytes: bytes, name: "big.ana")
        #expect(outcome.diagnostics.map(\.id) == ["ana.too-large"])
        #expect(seconds < 1)
    }

    @Test func manyStatementsStayWithinTheTokenLimit() {
        let text = "sample data \"data/leptons.csv\"\n" + String(repeating: "filter lep_n >= 0 and lep_n >= 0 and lep_n >= 0\n", count: 20_000)
        let (outcome, _) = Self.outcome(bytes: Array(text.utf8), name: "many.ana")
        #expect(outcome.diagnostics.map(\.id).contains("ana.too-many-tokens"))
    }

    @Test func timeLimitStopsTheRun() {
        let text = "sample data \"data/leptons.csv\"\nreport count()\n"
        let (outcome, _) = Self.outcome(bytes: Array(text.utf8), name: "slow.ana", budget: Budget(timeLimit: 0))
        #expect(outcome.diagnostics.map(\.id) == ["ana.timeout"])
    }

    @Test func memoryLimitStopsTheRun() {
        let text = "sample data \"data/leptons.csv\"\ndefine a = lep_pt * 2\nreport mean(sum(a))\n"
        let (outcome, _) = Self.outcome(bytes: Array(text.utf8), name: "memory.ana", budget: Budget(memoryPerChunk: 64))
        #expect(outcome.diagnostics.map(\.id) == ["ana.memory"])
    }

    @Test func maxEventsLimitsWhatIsRead() {
        let text = "sample data \"data/leptons.csv\"\nreport count() as \"n\"\n"
        let (outcome, _) = Self.outcome(bytes: Array(text.utf8), name: "limit.ana", budget: Budget(maxEvents: 7))
        #expect(outcome.result?.samples.first?.cutflow.first?.events == 7)
    }
}

extension HostileInputTests {
    /// Prints what each hostile file yields, for reviewing the messages by eye (`swift test --filter summary`).
    @Test func summary() throws {
        for name in Self.files {
            let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let (outcome, _) = Self.outcome(bytes: bytes, name: name)
            let first = outcome.diagnostics.first { $0.severity == .error }.map { "\($0.location?.description ?? "") [\($0.id)] \($0.message.prefix(90))" }
            #expect(first != nil)
            if ProcessInfo.processInfo.environment["SHOW_HOSTILE"] == "1" { print(first ?? "-") }
        }
    }
}
