import Foundation
import OpenKeyCLI
import Testing

@Suite struct OpenKeyCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PublishingTests/Fixtures")

    struct Run { var code: Int32; var out: String; var err: String }

    func run(_ args: [String]) -> Run {
        var out = "", err = ""
        let code = OpenKeyCommand.run(args, stdout: { out += $0 + "\n" }, stderr: { err += $0 + "\n" },
                                      environment: [:], interactive: false)
        return Run(code: code, out: out, err: err)
    }

    @Test func usageErrorsExitTwo() {
        #expect(run([]).code == 2)
        let typo = run(["build", "--outptu", "x"])
        #expect(typo.code == 2 && typo.err.contains("unknown option '--outptu'. Did you mean '--output'?"))
        let command = run(["biuld"])
        #expect(command.code == 2 && command.err.contains("Did you mean 'build'?"))
        #expect(run(["build", "--edition", "parent"]).code == 2)
        #expect(run(["build", "a", "b"]).code == 2)
        #expect(run(["build", "--output"]).code == 2)
    }

    @Test func helpAndVersionExitZero() {
        #expect(run(["--help"]).code == 0 && run(["--help"]).out.contains("openkey build [COURSE_DIR]"))
        #expect(run(["--version"]).out == "openkey \(OpenKeyCommand.version)\n")
    }

    @Test func contentErrorsExitOneAndSuccessExitsZero() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-cli-\(UUID().uuidString)")
        let bad = run(["build", Self.fixtures.appendingPathComponent("three-errors").path, "--output", out.path])
        #expect(bad.code == 1)
        #expect(bad.err.contains("Content/topics/quarks.md:9:9: error: broken link"))
        #expect(bad.err.contains("build failed: 3 errors, 0 warnings"))
        let good = run(["build", Self.fixtures.appendingPathComponent("valid").path, "--output", out.path])
        #expect(good.code == 0, "\(good.err)")
        #expect(good.out.contains(out.appendingPathComponent("index.html").path))
        let check = run(["check", Self.fixtures.appendingPathComponent("orphan").path, "--strict"])
        #expect(check.code == 1 && check.err.contains("[page.orphan]"))
    }

    @Test func missingCourseFolderIsAnInputError() {
        let result = run(["check", "/nonexistent/course"])
        #expect(result.code == 1 && result.err.contains("no Content/ folder"))
    }
}
