import Analysis
import Diagnostics
import Grading
import Testing

/// Submissions in Fixtures/z-boson/submissions, run on Fixtures/data and graded against solution.ana.
@Suite struct GraderTests {
    @Test func referenceMatchesTheKnownValues() throws {
        let reference = try Fixture.reference()
        #expect(reference.samples.first?.cutflow.map(\.events) == [40, 20, 11, 8])
        #expect(reference.samples.first?.histograms.first?.sumw == [1, 2, 2, 2, 0, 0, 0, 1, 0, 0])
    }

    @Test func correctAnalysis() throws {
        let grade = try Fixture.grade("correct.ana")
        #expect(grade.checks.map(\.status) == [.passed, .passed, .passed, .missing, .missing])
        #expect(grade.score == 8)
        #expect(grade.maxScore == 10)
        #expect(grade["selection"]?.message == "Your selection keeps the same events as the reference.")
        #expect(grade["mass"]?.details == ["χ²/ndf = 0 (ndf 5, pass ≤ 2)"])
        #expect(grade["mean-mass"]?.details == ["expected 55.9478, got 55.9478 (±1%)"])
    }

    @Test func questionsFromAnAnswersFileAlongsideTheAnalysis() throws {
        var answers = AnswersFile()
        answers.questions = [.init(id: "which-boson", answer: "2", location: .file("a")),
                             .init(id: "peak-value", answer: "90", location: .file("a"))]
        let grade = try Fixture.grade("correct.ana", answers: answers)
        #expect(grade["which-boson"]?.status == .failed)
        #expect(grade["which-boson"]?.message == "Not quite. A real photon is massless; it cannot make a peak at 91 GeV.")
        #expect(grade["peak-value"]?.status == .passed)
        #expect(grade.score == 9)
    }

    @Test func wrongCutNamesTheStepAndGivesPartialCredit() throws {
        let grade = try Fixture.grade("wrong-cut.ana")
        let selection = try #require(grade["selection"])
        #expect(selection.status == .partial)
        #expect(selection.points == 1)
        #expect(selection.message == "Compare your filters with the three cuts in the instructions.")
        #expect(selection.details == [
            "after filter 2 'opposite charge': expected 11 events, got 9",
            "after filter 3 'same flavour': expected 8 events, got 5",
            "2 of 4 steps match",
        ])
        #expect(grade["mean-mass"]?.status == .failed)
        #expect(grade["mean-mass"]?.details == ["expected 55.9478, got 117.169 (±1%)"])
    }

    @Test func mevInsteadOfGeVFiresTheMistakeHints() throws {
        let grade = try Fixture.grade("mev.ana")
        #expect(grade["selection"]?.status == .passed)
        #expect(grade["mass"]?.status == .failed)
        #expect(grade["mass"]?.message == "Does not match the reference. Use the same binning as the instructions: 10 bins from 0 to 200. "
            + "Your peak is far above 200: did you forget to convert MeV to GeV?")
        #expect(grade["mean-mass"]?.message == "Does not match the reference. Did you forget to divide by 1000?")
        #expect(grade["mean-mass"]?.details == ["expected 55.9478, got 55947.8 (±1%)"])
        #expect(grade.score == 2)
    }

    @Test func wrongBinningNamesBothBinnings() throws {
        let grade = try Fixture.grade("wrong-binning.ana")
        let mass = try #require(grade["mass"])
        #expect(mass.status == .failed)
        #expect(mass.points == 0)
        #expect(mass.details == ["your binning: 20 bins from 0 to 200; the reference: 10 bins from 0 to 200"])
        #expect(grade.score == 4)
    }

    @Test func brokenSyntaxScoresZeroWithTheError() throws {
        let grade = try Fixture.grade("broken.ana")
        #expect(grade.checks.map(\.status) == [.error, .error, .error, .missing, .missing])
        #expect(grade.score == 0)
        #expect(grade["selection"]?.message
            == "Your submission could not be used: submissions/broken.ana:3:16: expected a value, a column name or a function call, found end of line")
    }

    @Test func histogramThatDisagreesNamesTheBins() throws {
        var answers = AnswersFile()
        answers.histograms = [.init(name: "mll", sample: nil, values: [1, 2, 2, 2, 0, 0, 0, 9, 9, 0], location: .file("a"))]
        answers.edges["mll"] = .init(name: "mll", sample: nil, values: stride(from: 0.0, through: 200, by: 20).map { $0 }, location: .file("a"))
        let grade = Grader.evaluate(exercise: try Fixture.exercise(), reference: try Fixture.reference(), submission: .answers(answers))
        let mass = try #require(grade["mass"])
        #expect(mass.status == .failed)
        #expect(mass.details == ["χ²/ndf = 2.56667 (ndf 6, pass ≤ 2)", "bins that disagree: 8, 9 (m_ll 140–180 GeV)"])
        #expect(grade["selection"]?.status == .missing)
    }

    @Test func missingReferenceItemIsAnError() throws {
        var exercise = try Fixture.exercise()
        exercise.checks[2].kind = .value(report: "no such report", tolerance: .relative(0.01), mistakes: [])
        let grade = Grader.evaluate(exercise: exercise, reference: try Fixture.reference(), submission: try Fixture.run("solution.ana"))
        #expect(grade["mean-mass"]?.status == .error)
    }

    @Test func tolerances() {
        #expect(Tolerance.relative(0.01).accepts(55.9, expected: 55.9478))
        #expect(!Tolerance.relative(0.01).accepts(57, expected: 55.9478))
        #expect(Tolerance.absolute(2).accepts(93.2, expected: 91.2))
        #expect(Tolerance.significantFigures(3).accepts(91.2, expected: 91.187))
        #expect(Tolerance.significantFigures(3).accepts(91.23, expected: 91.187))
        #expect(!Tolerance.significantFigures(3).accepts(91.3, expected: 91.187))
        #expect(!Tolerance.absolute(1).accepts(.nan, expected: 1))
    }
}
