import Diagnostics
import Grading
import Testing

@Suite struct ExerciseParserTests {
    static let head = ["title: T", "summary: S", "checks:"]

    /// Parses `lines` as `ex.yml` and returns the printed diagnostics.
    func diagnostics(_ lines: [String]) -> [String] {
        let (exercise, diagnostics) = ExerciseParser.parse(lines.joined(separator: "\n") + "\n", sourcePath: "ex.yml", id: "z")
        #expect(exercise == nil)
        return printed(diagnostics)
    }

    @Test func fullFile() throws {
        let exercise = try Fixture.exercise()
        #expect(exercise.id == "z-boson")
        #expect(exercise.title == "Find the Z boson")
        #expect(exercise.datasets == ["leptons.csv"])
        #expect(exercise.time == "40 min")
        #expect(exercise.curriculum == ["ocr-a-physics:6.4.2(d)"])
        #expect(exercise.checks.map(\.id) == ["selection", "mass", "mean-mass", "which-boson", "peak-value"])
        #expect(exercise.maxScore == 10)
        let selection = exercise.checks[0]
        #expect(selection.kind == .cutflow(tolerance: 0, weightsTolerance: nil))
        #expect(selection.sample == "data")
        #expect(selection.title == "Event selection")
        #expect(selection.location.description == "Exercises/z-boson/exercise.yml:8:9")
        #expect(exercise.checks[1].kind == .histogram(name: "mll", maxChi2PerNDF: 2, mistakes: [
            .init(pattern: .peakBetween(low: 1000, high: 1_000_000), hint: "Your peak is far above 200: did you forget to convert MeV to GeV?"),
        ]))
        #expect(exercise.checks[1].title == "Dilepton mass")
        #expect(exercise.checks[2].kind == .value(report: "mean mass", tolerance: .relative(0.01), mistakes: [
            .init(pattern: .near(value: 55948, tolerance: .relative(0.05)), hint: "Did you forget to divide by 1000?"),
        ]))
        #expect(exercise.checks[2].title == "mean-mass")
        guard case .question(let q) = exercise.checks[3].kind, case .choices(let choices) = q.answer else {
            Issue.record("which-boson is not a multiple-choice question"); return
        }
        #expect(choices.map(\.correct) == [true, false])
        #expect(exercise.checks[4].kind == .question(.init(prompt: "At what mass (in GeV) is the peak?",
                                                           answer: .number(91.2, tolerance: .absolute(2)))))
    }

    @Test func unknownKeyWithSuggestion() {
        #expect(diagnostics(Self.head + ["  - id: a", "    type: cutflow", "    tolerence: 1"]) == [
            "ex.yml:6:5: error: unknown key 'tolerence' in check 'a' [yaml.unknown-key]",
            "ex.yml:6:5: note: did you mean 'tolerance'?",
        ])
    }

    @Test func missingTitle() {
        #expect(diagnostics(["summary: S", "checks:", "  - id: a", "    type: cutflow"]) == [
            "ex.yml:1:1: error: missing required field 'title' in exercise 'z' [field.missing]",
        ])
    }

    @Test func duplicateCheckID() {
        let check = ["  - id: a", "    type: value", "    report: r"]
        #expect(diagnostics(Self.head + check + check) == [
            "ex.yml:7:9: error: duplicate check id 'a' [exercise.duplicate-check]",
            "ex.yml:4:9: note: first used here",
        ])
    }

    @Test func unknownType() {
        #expect(diagnostics(Self.head + ["  - id: a", "    type: histgram", "    histogram: mll"]) == [
            "ex.yml:5:11: error: unknown check type 'histgram' in check 'a' [exercise.check-type]",
            "ex.yml:5:11: note: did you mean 'histogram'?",
        ])
    }

    @Test func questionWithoutCorrectChoice() {
        #expect(diagnostics(Self.head + ["  - id: q", "    type: question", "    prompt: P", "    choices:",
                                         "      - text: A", "      - text: B"]) == [
            "ex.yml:7:5: error: no choice is marked 'correct: true' in check 'q' [exercise.choices]",
        ])
    }

    @Test func questionWithTwoCorrectChoices() {
        #expect(diagnostics(Self.head + ["  - id: q", "    type: question", "    prompt: P", "    choices:",
                                         "      - text: A", "        correct: true", "      - text: B", "        correct: true"]) == [
            "ex.yml:11:18: error: more than one choice is correct in check 'q' [exercise.choices]",
            "ex.yml:9:18: note: first correct choice here",
        ])
    }

    @Test func histogramWithoutName() {
        #expect(diagnostics(Self.head + ["  - id: h", "    type: histogram", "    points: 3"]) == [
            "ex.yml:4:5: error: missing required field 'histogram' in check 'h' [field.missing]",
        ])
    }

    @Test func conflictingTolerances() {
        #expect(diagnostics(Self.head + ["  - id: v", "    type: value", "    report: r", "    relative: 0.1", "    absolute: 2"]) == [
            "ex.yml:8:5: error: 'absolute' conflicts with 'relative': give one tolerance in check 'v' [exercise.tolerance]",
        ])
    }

    @Test func everyErrorInOneRun() {
        let lines = ["title: T", "summry: S", "checks:", "  - id: a", "    type: nope"]
        #expect(diagnostics(lines) == [
            "ex.yml:2:1: error: unknown key 'summry' in exercise 'z' [yaml.unknown-key]",
            "ex.yml:2:1: note: did you mean 'summary'?",
            "ex.yml:1:1: error: missing required field 'summary' in exercise 'z' [field.missing]",
            "ex.yml:5:11: error: unknown check type 'nope' in check 'a' [exercise.check-type]",
        ])
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let (exercise, diagnostics) = ExerciseParser.parse("title: [unclosed\n", sourcePath: "ex.yml", id: "z")
        #expect(exercise == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.line == 1)
    }
}
