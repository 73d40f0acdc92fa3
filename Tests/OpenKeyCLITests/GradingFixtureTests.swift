import Foundation
import OpenKeyCLI
import Testing

/// Golden-file test of `openkey grade` on a whole class of awkward submissions.
///
/// The fixture is `Fixtures/grading/`:
/// - `exercise/zmass/` (exercise.yml, solution.ana) and `exercise/data/` (the two CSV samples),
/// - `submissions/`: one entry per student, each a known mistake (see the file names),
/// - `expected/`: the golden `gradebook.csv`, `moodle.csv`, `canvas.csv` and `students/*.txt`.
///
/// One more submission, `huge.ana` (> 1 MiB), is generated into the temporary copy so that the
/// fixture itself stays small.
///
/// To re-record the golden files after an intended change of the grader's output:
///
///     RECORD_GOLDEN=1 swift test --disable-xctest --filter GradingFixtureTests
///
/// Recording rewrites `expected/` and fails the test, so nothing is re-recorded silently:
/// read the diff in git before accepting it.
@Suite struct GradingFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/grading")
    static let expected = fixture.appendingPathComponent("expected")

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = OpenKeyCommand.run(args, stdout: { out += $0 + "\n" }, stderr: { err += $0 + "\n" }, environment: [:], interactive: false)
        return (code, out, err)
    }

    /// Every file and folder under `root`, by relative path, with the file's bytes (nil for a folder).
    func snapshot(_ root: URL) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return result }
        while let relative = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            _ = fm.fileExists(atPath: path, isDirectory: &isDir)
            result[relative] = isDir.boolValue ? Data?.none : fm.contents(atPath: path)
        }
        return result
    }

    /// A readable line diff of `expected` against `actual` (longest common subsequence).
    func lineDiff(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [String] = [], i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1; j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                lines.append("-\(i + 1): \(a[i])"); i += 1
            } else {
                lines.append("+\(j + 1): \(b[j])"); j += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func gradesTheFixtureClassExactlyAsRecorded() throws {
        let fm = FileManager.default
        // sandbox/work/{exercise,submissions,out}: a write that escapes `out` through `..` lands in
        // work/ or sandbox/, which are both compared before and after.
        let sandbox = fm.temporaryDirectory.appendingPathComponent("openkey-golden-\(UUID().uuidString)/sandbox")
        let work = sandbox.appendingPathComponent("work")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: sandbox.deletingLastPathComponent()) }
        try fm.copyItem(at: Self.fixture.appendingPathComponent("exercise"), to: work.appendingPathComponent("exercise"))
        let submissions = work.appendingPathComponent("submissions")
        try fm.copyItem(at: Self.fixture.appendingPathComponent("submissions"), to: submissions)

        // Mostly valid but far too big: the solution followed by 40 000 harmless defines (> 1 MiB).
        let solution = try String(contentsOf: submissions.appendingPathComponent("alice.ana"), encoding: .utf8)
        let huge = solution + (0..<40_000).map { "define pad\($0) = lep_n + \($0)\n" }.joined()
        #expect(huge.utf8.count > 1 << 20)
        try Data(huge.utf8).write(to: submissions.appendingPathComponent("huge.ana"))

        let before = try snapshot(sandbox)
        let out = work.appendingPathComponent("out")
        let result = run(["grade", work.appendingPathComponent("exercise/zmass").path, submissions.path, "--out", out.path])
        #expect(result.code == 0, "\(result.err)")

        // Nothing was written, changed or removed outside the output folder.
        let after = try snapshot(sandbox)
        let outside = after.filter { !$0.key.hasPrefix("work/out/") && $0.key != "work/out" }
        #expect(Set(outside.keys) == Set(before.keys), "new or removed: \(Set(outside.keys).symmetricDifference(before.keys).sorted())")
        for (path, data) in before where outside[path] != data {
            Issue.record("\(path) was changed by grading")
        }

        // Golden files: the three gradebooks and every student's text report.
        let students = try fm.contentsOfDirectory(atPath: out.appendingPathComponent("students").path).sorted()
        let reports = students.filter { $0.hasSuffix(".txt") }.map { "students/" + $0 }
        let names = ["gradebook.csv", "moodle.csv", "canvas.csv"] + reports
        let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        if recording {
            let goldenStudents = Self.expected.appendingPathComponent("students")
            try? fm.removeItem(at: goldenStudents)
            try fm.createDirectory(at: goldenStudents, withIntermediateDirectories: true)
            for name in names {
                let target = Self.expected.appendingPathComponent(name)
                try? fm.removeItem(at: target)
                try fm.copyItem(at: out.appendingPathComponent(name), to: target)
            }
            Issue.record("RECORD_GOLDEN=1: rewrote \(names.count) golden files in \(Self.expected.path); check them and run again without RECORD_GOLDEN")
            return
        }
        let recorded = (try? fm.contentsOfDirectory(atPath: Self.expected.appendingPathComponent("students").path)) ?? []
        #expect(Set(recorded.map { "students/" + $0 }) == Set(reports),
                "students/*.txt differ from the golden set: \(Set(recorded.map { "students/" + $0 }).symmetricDifference(reports).sorted())")
        for name in names {
            let actual = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            guard let golden = try? String(contentsOf: Self.expected.appendingPathComponent(name), encoding: .utf8) else {
                Issue.record("no golden file expected/\(name); run with RECORD_GOLDEN=1")
                continue
            }
            if actual != golden {
                Issue.record("\(name) differs from expected/\(name) (- expected, + actual):\n\(lineDiff(golden, actual))")
            }
        }

        // Submission text reaches the feedback pages only escaped.
        for page in students where page.hasSuffix(".html") {
            let html = try String(contentsOf: out.appendingPathComponent("students/" + page), encoding: .utf8).lowercased()
            #expect(!html.contains("<script"), "\(page) holds a script tag")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8).lowercased()
        #expect(!summary.contains("<script"))
        let xss = try String(contentsOf: out.appendingPathComponent("students/xss-sample.html"), encoding: .utf8)
        #expect(xss.contains("&lt;script&gt;alert(1)&lt;/script&gt;.csv"))

        // Unusable names never become file names: no page is named after '..sneaky' or 'my name',
        // and every file in students/ is a plain name.
        for file in students {
            #expect(!file.hasPrefix(".") && !file.contains(" ") && !file.contains("sneaky"), "\(file)")
        }
        #expect(students.contains("invalid-id-my_name.txt"))
    }
}
