import Diagnostics
import Foundation
import Grading
import Testing

@Suite struct AnswersFileTests {
    func diagnostics(_ text: String) -> [String] {
        let (file, diagnostics) = AnswersFileParser.parse(text, path: "a.txt")
        #expect(file == nil)
        return printed(diagnostics)
    }

    @Test func parsesEveryEntry() throws {
        let (file, diagnostics) = AnswersFileParser.parse(try Fixture.text("submissions/correct.answers"), path: "a.txt")
        #expect(diagnostics.isEmpty)
        let answers = try #require(file)
        #expect(answers.cutflows.map(\.values) == [[40, 20, 11, 8]])
        #expect(answers.cutflows.first?.sample == "data")
        #expect(answers.histograms.first?.values == [1, 2, 2, 2, 0, 0, 0, 1, 0, 0])
        #expect(answers.edges["mll"]?.values.count == 11)
        #expect(answers.values.map(\.name) == ["mean mass"])
        #expect(answers.values.first?.values == 55.9)
        #expect(answers.questions.map(\.answer) == ["The Z boson", "91.0"])
        #expect(answers.questions.first?.location.description == "a.txt:6:1")
    }

    @Test func gradesAnAnswersFile() throws {
        let file = try #require(AnswersFileParser.parse(try Fixture.text("submissions/correct.answers"), path: "a.txt").0)
        let grade = Grader.evaluate(exercise: try Fixture.exercise(), reference: try Fixture.reference(), submission: .answers(file))
        #expect(grade.checks.map(\.status) == [.passed, .passed, .passed, .passed, .passed])
        #expect(grade.score == 10)
        #expect(grade["which-boson"]?.message == "Correct. The Z boson (91 GeV) decays into a lepton and its antiparticle.")
    }

    @Test func sampleMayBeLeftOutAndChoicesGivenByNumber() throws {
        let text = "cutflow: 40 20 11 9\nquestion which-boson: 1\nquestion peak-value: 95\n"
        let file = try #require(AnswersFileParser.parse(text, path: "a.txt").0)
        let grade = Grader.evaluate(exercise: try Fixture.exercise(), reference: try Fixture.reference(), submission: .answers(file))
        #expect(grade["selection"]?.status == .partial)
        #expect(grade["selection"]?.points == 1)
        #expect(grade["selection"]?.details.first == "after filter 3 'same flavour': expected 8 events, got 9")
        #expect(grade["which-boson"]?.status == .passed)
        #expect(grade["peak-value"]?.status == .failed)
        #expect(grade["mass"]?.status == .missing)
    }

    @Test func malformedLinesAreLocated() {
        let text = """
        # OpenKey answers file, version 1
        cutflow data 40 20
        histogram mll: 1 2 x3
        value mean: 3
        cutflw: 1
        value "mean mass": 1 2
        question peak-value:
        """
        #expect(diagnostics(text) == [
            "a.txt:2:14: error: expected ':' after 'cutflow data' [answers.syntax]",
            "a.txt:3:20: error: 'x3' is not a number [answers.number]",
            "a.txt:4:7: error: expected a quoted name such as \"mean mass\" [answers.syntax]",
            "a.txt:5:1: error: unknown entry 'cutflw' [answers.unknown-entry]",
            "a.txt:5:1: note: did you mean 'cutflow'?",
            "a.txt:6:1: error: value \"mean mass\" needs exactly one number, found 2 [answers.number]",
            "a.txt:7:21: error: the answer to 'peak-value' is empty [answers.syntax]",
        ])
    }

    @Test func crossLineErrors() {
        let text = "edges mll: 0 1 2\nhistogram mll: 1 2 3\nhistogram h: 1\nquestion q: a\nquestion q: b\nedges e: 2 1\n# OpenKey answers file, version 2\n"
        #expect(diagnostics(text) == [
            "a.txt:5:1: error: the answer to 'q' is given twice [answers.duplicate]",
            "a.txt:4:1: note: first given here",
            "a.txt:6:1: error: the edges of 'e' must be at least two increasing numbers [answers.edges]",
            "a.txt:7:1: error: unsupported answers file version '2' [answers.version]",
            "a.txt:2:1: error: histogram 'mll' has 3 bins but 3 edges [answers.edges]",
            "a.txt:1:1: note: edges given here",
            "a.txt:3:1: error: histogram 'h' has no edges [answers.edges]",
        ])
    }

    @Test func hostileBytesNeverCrash() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let count = Int.random(in: 0..<2000, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let (file, diagnostics) = AnswersFileParser.parse(bytes, path: "a.txt")
            #expect(file != nil || !diagnostics.isEmpty)
            #expect(diagnostics.count <= 21)
        }
        // Lines of random entry-like text, to reach deeper than the first word.
        let pieces = ["cutflow", "histogram", "edges", "value", "question", "\"", ":", " ", "1", "-2.5e3", "nan", "#", "\u{00e9}", "\t", "data"]
        for _ in 0..<300 {
            let line = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            _ = AnswersFileParser.parse(line, path: "a.txt")
        }
    }

    @Test func largeFileIsRefused() {
        let bytes = [UInt8](repeating: 0x31, count: 2 << 20)
        let (file, diagnostics) = AnswersFileParser.parse(bytes, path: "a.txt")
        #expect(file == nil)
        #expect(printed(diagnostics) == ["a.txt:1:1: error: the answers file is 2097152 bytes, over the limit of 1048576 [answers.too-large]"])
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("cutflow: 1\n".utf8) + [0x71, 0xFF, 0x0A]
        #expect(printed(AnswersFileParser.parse(bytes, path: "a.txt").1) == ["a.txt:2:1: error: this line is not valid UTF-8 text [answers.encoding]"])
    }
}

/// A small deterministic generator (SplitMix64) so fuzz cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
