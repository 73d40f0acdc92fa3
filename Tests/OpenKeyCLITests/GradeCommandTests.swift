import Foundation
import OpenKeyCLI
import Testing

@Suite struct GradeCommandTests {
    static let exercise = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PublishingTests/Fixtures/exercise/Exercises/zmass")

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = OpenKeyCommand.run(args, stdout: { out += $0 + "\n" }, stderr: { err += $0 + "\n" }, environment: [:], interactive: false)
        return (code, out, err)
    }

    /// A class's submissions: right, wrong units, garbage, unusable name, duplicate, answers file, empty folder.
    func submissions() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-subs-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("alice"), withIntermediateDirectories: true)
        let solution = try String(contentsOf: Self.exercise.appendingPathComponent("solution.ana"), encoding: .utf8)
        try Data(solution.utf8).write(to: dir.appendingPathComponent("alice/analysis.ana"))
        try fm.createDirectory(at: dir.appendingPathComponent("hana"), withIntermediateDirectories: true)
        try Data(solution.utf8).write(to: dir.appendingPathComponent("hana/analysis.ana"))
        try Data("question which-boson: 1\n".utf8).write(to: dir.appendingPathComponent("hana/answers.txt"))
        try Data(solution.replacingOccurrences(of: "lep_pt[0:2] / 1000", with: "lep_pt[0:2]")
            .replacingOccurrences(of: "lep_E[0:2] / 1000", with: "lep_E[0:2]").utf8).write(to: dir.appendingPathComponent("carol.ana"))
        try Data([0, 0xFF, 0xFE, 0x41]).write(to: dir.appendingPathComponent("dave.ana"))
        try Data("<script>alert(1)</script>".utf8).write(to: dir.appendingPathComponent("../evil name.ana".replacingOccurrences(of: "../", with: "")))
        try Data("x".utf8).write(to: dir.appendingPathComponent("frank.ana"))
        try fm.createDirectory(at: dir.appendingPathComponent("frank"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("gina"), withIntermediateDirectories: true)
        try Data("cutflow data: 40 20 11 8\n".utf8).write(to: dir.appendingPathComponent("erin.answers"))
        return dir
    }

    @Test func gradesAClassWithoutStoppingOnBadSubmissions() throws {
        let subs = try submissions()
        let out = subs.appendingPathComponent("../grades-\(UUID().uuidString)").standardizedFileURL
        let result = run(["grade", Self.exercise.path, subs.path, "--out", out.path])
        #expect(result.code == 0, "\(result.err)")
        let gradebook = try String(contentsOf: out.appendingPathComponent("gradebook.csv"), encoding: .utf8)
        #expect(gradebook == """
            student,score,max_score,percent
            alice,6,7,85
            carol,2,7,28
            dave,0,7,0
            erin,2,7,28
            frank,0,7,0
            gina,0,7,0
            hana,7,7,100
            invalid-id-evil_name,0,7,0

            """)
        let carol = try String(contentsOf: out.appendingPathComponent("students/carol.txt"), encoding: .utf8)
        #expect(carol.contains("check your units (MeV or GeV)"))
        let frank = try String(contentsOf: out.appendingPathComponent("students/frank.txt"), encoding: .utf8)
        #expect(frank.contains("several submissions for student 'frank'"))
        // Nothing was written outside the output folder, and the JSON is a versioned grade.
        let json = try String(contentsOf: out.appendingPathComponent("students/alice.json"), encoding: .utf8)
        #expect(json.contains("\"schema\" : \"openkey-grade\"") || json.contains("\"schema\": \"openkey-grade\""))
    }

    @Test func aKilledRunResumesToTheSameGradebook() throws {
        let subs = try submissions()
        let full = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-full-\(UUID().uuidString)")
        let resumed = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-resumed-\(UUID().uuidString)")
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", full.path]).code == 0)
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", resumed.path]).code == 0)
        // Simulate a run killed halfway: the gradebook and half the students' files are gone.
        let students = resumed.appendingPathComponent("students")
        for (i, name) in try FileManager.default.contentsOfDirectory(atPath: students.path).sorted().enumerated() where i % 2 == 0 {
            try FileManager.default.removeItem(at: students.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: resumed.appendingPathComponent("gradebook.csv"))
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", resumed.path]).code == 0)
        for name in ["gradebook.csv"] + (try FileManager.default.contentsOfDirectory(atPath: full.appendingPathComponent("students").path)).map({ "students/" + $0 }) {
            #expect(FileManager.default.contents(atPath: full.appendingPathComponent(name).path)
                    == FileManager.default.contents(atPath: resumed.appendingPathComponent(name).path), "\(name) differs")
        }
    }

    @Test func selfCheckPrintsEveryCheck() throws {
        let subs = try submissions()
        let result = run(["check", Self.exercise.path, subs.appendingPathComponent("carol.ana").path])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("Grade for zmass: 2/7"), "\(result.out)")
        #expect(result.out.contains("✓ Event selection"))
        #expect(run(["check", Self.exercise.path, "/nonexistent.ana"]).code == 1)
        #expect(run(["grade", Self.exercise.path]).code == 2)
    }

    // MARK: - Gradebook exports and feedback pages

    func read(_ out: URL, _ name: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func writesMoodleAndCanvasImports() throws {
        let subs = try submissions()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-lms-\(UUID().uuidString)")
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", out.path]).code == 0)
        // The unusable name matches no account, so the imports leave it out.
        let missAll = "Event selection 0/2 (error); Dilepton mass histogram 0/3 (error); Mean mass 0/1 (error); Which boson? 0/1 (missing)"
        #expect(try read(out, "moodle.csv") == """
            ID number,Grade,Feedback
            alice,6,Not passed: Which boson? 0/1 (missing)
            carol,2,Not passed: Dilepton mass histogram 0/3 (failed); Mean mass 0/1 (failed); Which boson? 0/1 (missing)
            dave,0,Not passed: \(missAll)
            erin,2,Not passed: Dilepton mass histogram 0/3 (missing); Mean mass 0/1 (missing); Which boson? 0/1 (missing)
            frank,0,Not passed: \(missAll)
            gina,0,Not passed: \(missAll)
            hana,7,All checks passed.

            """)
        #expect(try read(out, "canvas.csv") == """
            Student,ID,SIS User ID,SIS Login ID,Section,Reconstruct the dilepton mass (zmass)
            Points Possible,,,,,7
            ,,alice,alice,,6
            ,,carol,carol,,2
            ,,dave,dave,,0
            ,,erin,erin,,2
            ,,frank,frank,,0
            ,,gina,gina,,0
            ,,hana,hana,,7

            """)
    }

    @Test func quotesCSVFieldsWithCommasAndQuotes() throws {
        // A copy of the exercise whose check and exercise titles hold a comma and quotes.
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("openkey-quoted-\(UUID().uuidString)/zmass")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = try read(Self.exercise, "exercise.yml")
            .replacingOccurrences(of: "title: Reconstruct the dilepton mass", with: "title: 'Mass, \"dilepton\"'")
            .replacingOccurrences(of: "title: Which boson?", with: "title: 'Which \"boson\", then?'")
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("exercise.yml"))
        try fm.copyItem(at: Self.exercise.appendingPathComponent("solution.ana"), to: folder.appendingPathComponent("solution.ana"))
        let subs = fm.temporaryDirectory.appendingPathComponent("openkey-quoted-subs-\(UUID().uuidString)")
        try fm.createDirectory(at: subs, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.exercise.appendingPathComponent("solution.ana"), to: subs.appendingPathComponent("alice.ana"))
        let out = fm.temporaryDirectory.appendingPathComponent("openkey-quoted-out-\(UUID().uuidString)")
        let data = Self.exercise.deletingLastPathComponent().appendingPathComponent("data")
        let result = run(["grade", folder.path, subs.path, "--out", out.path, "--data", data.path])
        #expect(result.code == 0, "\(result.err)")
        #expect(try read(out, "moodle.csv") == """
            ID number,Grade,Feedback
            alice,6,"Not passed: Which ""boson"", then? 0/1 (missing)"

            """)
        #expect(try read(out, "canvas.csv").hasPrefix("""
            Student,ID,SIS User ID,SIS Login ID,Section,"Mass, ""dilepton"" (zmass)"
            Points Possible,,,,,7

            """))
    }

    @Test func feedbackPagesEscapeSubmissionText() throws {
        let subs = try submissions()
        // The file name reaches the error message, and so the page.
        try Data("sample data \"<script>alert(1)</script>.csv\"\n".utf8).write(to: subs.appendingPathComponent("ivan.ana"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-pages-\(UUID().uuidString)")
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", out.path]).code == 0)
        let ivan = try read(out, "students/ivan.html")
        #expect(ivan.contains("&lt;script&gt;alert(1)&lt;/script&gt;.csv"))
        #expect(!ivan.lowercased().contains("<script"))
        #expect(ivan.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(ivan.contains("Score: <strong>0 / 7</strong>"))
        let carol = try read(out, "students/carol.html")
        #expect(carol.contains("<h2>Event selection <span class=\"status\">passed</span> <span class=\"points\">2 / 2</span></h2>"))
        #expect(carol.contains("check your units (MeV or GeV)"))
        for page in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("students").path) where page.hasSuffix(".html") {
            let html = try read(out, "students/" + page).lowercased()
            #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), "\(page)")
        }
    }

    @Test func summaryListsTheMostFailedChecks() throws {
        let subs = try submissions()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-summary-\(UUID().uuidString)")
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", out.path]).code == 0)
        let summary = try read(out, "summary.html")
        #expect(summary.contains("mean score 2.13 / 7"))
        #expect(summary.contains("<tr><td>0</td><td>4</td>"))
        #expect(summary.contains("<tr><td>7</td><td>1</td>"))
        #expect(summary.contains("""
            <tbody>
            <tr><td>Which boson?</td><td>7</td></tr>
            <tr><td>Dilepton mass histogram</td><td>6</td></tr>
            <tr><td>Mean mass</td><td>6</td></tr>
            <tr><td>Event selection</td><td>4</td></tr>
            </tbody>
            """))
        #expect(summary.contains("<li>invalid-id-evil_name</li>"))
    }

    @Test func rerunningGivesIdenticalBytes() throws {
        let subs = try submissions()
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-first-\(UUID().uuidString)")
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-second-\(UUID().uuidString)")
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", first.path]).code == 0)
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", second.path]).code == 0)
        // Again into the same folder: the files are replaced by the same bytes.
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", second.path]).code == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: first.appendingPathComponent("students").path)
            .filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count == 8)
        for name in ["moodle.csv", "canvas.csv", "summary.html"] + pages.map({ "students/" + $0 }) {
            let a = FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
            #expect(a != nil && a == FileManager.default.contents(atPath: second.appendingPathComponent(name).path), "\(name) differs")
        }
    }
}

@Suite struct StudentSelfCheckTests {
    /// A student with only the student edition (no solution.ana) checks their work against check.bundle.
    @Test func selfCheckWorksFromTheStudentEditionAlone() throws {
        let course = GradeCommandTests.exercise.deletingLastPathComponent().deletingLastPathComponent()
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-student-\(UUID().uuidString)")
        var out = "", err = ""
        #expect(OpenKeyCommand.run(["build", course.path, "--output", site.path], stdout: { out += $0 }, stderr: { err += $0 },
                                   environment: [:], interactive: false) == 0, "\(err)")
        let folder = site.appendingPathComponent("exercises/zmass")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("solution.ana").path))
        let solution = GradeCommandTests.exercise.appendingPathComponent("solution.ana")
        out = ""
        let code = OpenKeyCommand.run(["check", folder.path, solution.path, "--data", course.appendingPathComponent("Exercises/data").path],
                                      stdout: { out += $0 + "\n" }, stderr: { err += $0 }, environment: [:], interactive: false)
        #expect(code == 0, "\(err)")
        #expect(out.hasPrefix("Grade for zmass: 6/7"))
        let plots = site.appendingPathComponent("plots")
        out = ""
        _ = OpenKeyCommand.run(["check", folder.path, solution.path, "--data", course.appendingPathComponent("Exercises/data").path,
                                "--plot", plots.path], stdout: { out += $0 + "\n" }, stderr: { err += $0 }, environment: [:], interactive: false)
        let svg = try String(contentsOf: plots.appendingPathComponent("mass.svg"), encoding: .utf8)
        #expect(svg.contains("Your analysis") && svg.contains("Reference"))
    }
}

extension GradeCommandTests {
    /// With a roster, each student's feedback page is in their language (labels and direction), named with their name.
    @Test func rosterGivesFeedbackInEachStudentsLanguage() throws {
        let subs = try submissions()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let roster = subs.deletingLastPathComponent().appendingPathComponent("roster-\(UUID().uuidString).csv")
        try Data("email,id,name,language\na@example.org,alice,\"García, Alicia\",es\n,hana,,ar\n,carol,,de\n".utf8).write(to: roster)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-roster-\(UUID().uuidString)")
        let result = run(["grade", Self.exercise.path, subs.path, "--out", out.path, "--roster", roster.path, "--course", repository.path])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.err.contains("no UI strings for 'de'"))
        let alice = try read(out, "students/alice.html")
        #expect(alice.contains("<html lang=\"es\" dir=\"ltr\">"))
        #expect(alice.contains("Estudiante: <strong>García, Alicia (alice)</strong>"))
        #expect(alice.contains("Puntuación: <strong>"))
        #expect(alice.contains("Coincide con la referencia."), "the grader's own words are in Spanish too")
        let hana = try read(out, "students/hana.html")
        #expect(hana.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(!hana.contains("Score:"))
        let carol = try read(out, "students/carol.html")
        #expect(carol.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(carol.contains("Score: <strong>"))

        try Data("student,language\nalice,es\nalice,fr\n".utf8).write(to: roster)
        let duplicate = run(["grade", Self.exercise.path, subs.path, "--out", out.path, "--roster", roster.path])
        #expect(duplicate.code == 1)
        #expect(duplicate.err.contains("\(roster.path):3:1: error: student 'alice' is listed twice"))
        try Data("email,language\n".utf8).write(to: roster)
        #expect(run(["grade", Self.exercise.path, subs.path, "--out", out.path, "--roster", roster.path]).err.contains("one called 'id'"))
    }
}

extension GradeCommandTests {
    /// A course that translates the exercise: students on the roster get its checks' words in their language.
    @Test func rosterUsesTheCoursesExerciseTranslation() throws {
        let fm = FileManager.default
        let course = fm.temporaryDirectory.appendingPathComponent("openkey-roster-course-\(UUID().uuidString)")
        try fm.copyItem(at: Self.exercise.deletingLastPathComponent().deletingLastPathComponent(), to: course)
        try Data("title: Exercise course\nlanguages: [en, es]\n".utf8).write(to: course.appendingPathComponent("Content/site.yml"))
        try fm.createDirectory(at: course.appendingPathComponent("Translations/es/exercises"), withIntermediateDirectories: true)
        try Data("feedback.score: Puntuación\n".utf8).write(to: course.appendingPathComponent("Translations/es/ui.yml"))
        try Data("""
            title: Reconstruye la masa de dos leptones
            checks:
              mass:
                title: Histograma de masa
                hints: ["Tus masas son mil veces demasiado grandes."]
              which-boson:
                title: ¿Qué bosón?

            """.utf8).write(to: course.appendingPathComponent("Translations/es/exercises/zmass.yml"))
        let subs = try submissions()
        let roster = subs.appendingPathComponent("../roster-\(UUID().uuidString).csv").standardizedFileURL
        try Data("id,language\ncarol,es\nalice,en\n".utf8).write(to: roster)
        let out = fm.temporaryDirectory.appendingPathComponent("openkey-roster-out-\(UUID().uuidString)")
        let exercise = course.appendingPathComponent("Exercises/zmass")
        let result = run(["grade", exercise.path, subs.path, "--out", out.path, "--roster", roster.path])
        #expect(result.code == 0, "\(result.err)")
        let carol = try read(out, "students/carol.html")
        #expect(carol.contains("<h1>Reconstruye la masa de dos leptones</h1>"))
        #expect(carol.contains("Histograma de masa"))
        #expect(carol.contains("<h2>¿Qué bosón? <span class=\"status\">"))
        #expect(carol.contains("Puntuación: <strong>"))
        let alice = try read(out, "students/alice.html")
        #expect(alice.contains("Dilepton mass histogram"))
        // Scores never depend on the language.
        let plain = fm.temporaryDirectory.appendingPathComponent("openkey-roster-plain-\(UUID().uuidString)")
        #expect(run(["grade", exercise.path, subs.path, "--out", plain.path]).code == 0)
        #expect(try read(out, "gradebook.csv") == read(plain, "gradebook.csv"))
    }
}
