import Analysis
import Curriculum
import Diagnostics
import Foundation
import Grading
@testable import Publishing
import Testing

@Suite struct ExerciseEmbedTests {
    func build(_ root: URL, edition: Edition = .student) -> (BuildPipeline.Result, URL) {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        return (BuildPipeline.run(BuildOptions(courseRoot: root, output: out, edition: edition, strict: true, environment: [:])), out)
    }

    /// A copy of the exercise fixture whose page text can be changed.
    func fixtureCopy(page: String? = nil) throws -> URL {
        let copy = TestPaths.temporaryDirectory().appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.fixture("exercise"), to: copy)
        if let page { try Data(page.utf8).write(to: copy.appendingPathComponent("Content/topics/z.md")) }
        return copy
    }

    @Test func referenceRunGoesIntoThePageAndStatedValuesAreChecked() throws {
        let (result, out) = build(TestPaths.fixture("exercise"))
        #expect(result.succeeded, "\(DiagnosticFormatter.format(result.diagnostics))")
        let html = try String(contentsOf: out.appendingPathComponent("topics/z.html"), encoding: .utf8)
        #expect(html.contains("<section class=\"exercise\" id=\"exercise-zmass\">"))
        #expect(html.contains("<svg") && html.contains("Dilepton mass"))
        #expect(html.contains("(reference analysis: 55.9478)"))
        // What submissions are graded on stays out of the student edition.
        #expect(!html.contains("Cut flow of the reference analysis") && !html.contains("Data table"))
        #expect(!html.contains("\u{1}"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("exercises/zmass/starter.ana").path))
        // The student edition never carries the reference solution.
        #expect(!html.contains("Reference solution") && !html.contains("Grading guide") && !html.contains("divide by 1000"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("exercises/zmass/solution.ana").path))
        #expect(SiteCrawler.brokenLinks(in: out).isEmpty)
    }

    @Test func teacherEditionAddsTheSolution() throws {
        let (result, out) = build(TestPaths.fixture("exercise"), edition: .teacher)
        #expect(result.succeeded)
        let html = try String(contentsOf: out.appendingPathComponent("topics/z.html"), encoding: .utf8)
        #expect(html.contains("Reference solution (teacher edition)") && html.contains("filter lep_n == 2"))
        #expect(html.contains("<caption>Cut flow of the reference analysis</caption>") && html.contains("Data table"))
        #expect(html.contains("Grading guide (teacher edition) — 7 points"))
        #expect(html.contains("Students often forget to divide by 1000."))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("exercises/zmass/solution.ana").path))
    }

    @Test func aStatementTheDataContradictsFailsTheBuildAtItsLine() throws {
        let page = """
        ---
        title: The Z boson
        summary: Find its mass.
        ---
        ```exercise zmass
        expect report "mean mass" = 91 ± 2
        expect cutflow "two leptons" = 20
        expect report "median mass" = 3
        ```
        """
        let (result, _) = build(try fixtureCopy(page: page))
        #expect(!result.succeeded)
        #expect(result.diagnostics.map { "\($0.location?.line ?? 0) \($0.id)" } == ["6 exercise.drift", "8 exercise.expect"])
        #expect(result.diagnostics.first?.message == "the page states 'report \"mean mass\" = 91 ± 2', but the data gives 55.9478")
    }

    @Test func unknownExerciseAndMalformedExpectations() throws {
        let page = "---\ntitle: Z\nsummary: S\n---\n```exercise zmas\n```\n\n```exercise zmass\nexpect mass = 3\nexpect report \"x\" 4\n```\n"
        let (result, _) = build(try fixtureCopy(page: page))
        #expect(result.diagnostics.map { "\($0.location?.line ?? 0) \($0.id)" } == ["5 exercise.unknown", "9 exercise.expect", "10 exercise.expect"])
        #expect(result.diagnostics.first?.notes.first?.message == "did you mean 'zmass'?")
    }

    @Test func statedPrecisionIsTheDefaultTolerance() {
        let at = Diagnostics.SourceLocation.file("p.md")
        guard case .success(let a) = StatedValue.parse("expect report \"m\" = 91.2", at: at),
              case .success(let b) = StatedValue.parse("expect peak mll in mc = 90 +- 3", at: at),
              case .success(let c) = StatedValue.parse("expect cutflow \"two leptons\" = 3537", at: at) else {
            Issue.record("parse failed"); return
        }
        #expect(abs(a.tolerance - 0.05) < 1e-12 && b.tolerance == 3 && b.sample == "mc" && c.tolerance == 0)
    }
}

@Suite struct ExerciseCacheTests {
    func hexBits(_ x: Double) -> String { String(x.bitPattern, radix: 16) }

    func build(_ root: URL) -> (BuildPipeline.Result, String) {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let result = BuildPipeline.run(BuildOptions(courseRoot: root, output: out, strict: true, environment: [:]))
        return (result, (try? String(contentsOf: out.appendingPathComponent("topics/z.html"), encoding: .utf8)) ?? "")
    }

    @Test func unchangedExercisesComeFromTheCacheAndChangedDataIsRerun() throws {
        let course = TestPaths.temporaryDirectory().appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.fixture("exercise"), to: course)
        try? FileManager.default.removeItem(at: course.appendingPathComponent(".openkey-cache"))
        let (first, page) = build(course)
        #expect(first.succeeded)
        let cacheDir = course.appendingPathComponent(".openkey-cache/exercises")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheDir.path)
        #expect(entries.count == 1 && entries[0].hasPrefix("zmass-"))
        // Prove the second build reads the cache: alter the cached mean (55.9478 → 56.5) and see it in the page.
        let file = cacheDir.appendingPathComponent(entries[0])
        let archive = try String(contentsOf: file, encoding: .utf8)
        let altered = archive.replacingOccurrences(of: hexBits(ResultArchive.decode(archive)!.samples[0].reports[0].value),
                                                   with: hexBits(56.5))
        #expect(altered != archive)
        try Data(altered.utf8).write(to: file)
        let (_, cachedPage) = build(course)
        #expect(cachedPage.contains("(reference analysis: 56.5)"))
        #expect(page.contains("(reference analysis: 55.9478)"))
        // A changed data file changes the key: the solution runs again.
        let data = course.appendingPathComponent("Exercises/data/leptons_mc.csv")
        try Data((try String(contentsOf: data, encoding: .utf8) + "0,,,,,,,1.0\n").utf8).write(to: data)
        let (_, rerunPage) = build(course)
        #expect(rerunPage.contains("(reference analysis: 55.9478)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).count == 1)
    }
}

@Suite struct ExerciseBundleTests {
    /// The student edition carries checks and reference only scrambled, and `openkey check` can use them.
    @Test func studentEditionShipsAScrambledSelfCheckBundle() throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        #expect(BuildPipeline.run(BuildOptions(courseRoot: TestPaths.fixture("exercise"), output: out, environment: [:])).succeeded)
        let bundle = try Data(contentsOf: out.appendingPathComponent("exercises/zmass/check.bundle"))
        let text = String(decoding: bundle, as: UTF8.self)
        #expect(!text.contains("mean mass") && !text.contains("Z boson") && !FileManager.default.fileExists(atPath: out.appendingPathComponent("exercises/zmass/exercise.yml").path))
        let (yaml, reference) = try #require(ExerciseBundle.open(bundle, id: "zmass"))
        #expect(yaml.contains("title: Reconstruct the dilepton mass"))
        #expect(reference.samples.first?.reports.first?.name == "mean mass")
        #expect(ExerciseBundle.open(bundle, id: "other") == nil)
    }
}
