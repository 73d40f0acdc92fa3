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
}
