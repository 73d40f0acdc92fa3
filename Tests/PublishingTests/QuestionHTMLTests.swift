import Curriculum
import Foundation
import Grading
@testable import Publishing
import Testing

@Suite struct QuestionHTMLTests {
    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The digest the page script computes must be the one the build wrote: run the shipped openkey.js function in node.
    @Test(.enabled(if: QuestionHTMLTests.node != nil, "needs node"))
    func pageScriptHashesLikeTheBuild() throws {
        let js = try String(contentsOf: TestPaths.repository.appendingPathComponent("Site/assets/openkey.js"), encoding: .utf8)
        let start = try #require(js.range(of: "function fnv1a(text) {"))
        let end = try #require(js.range(of: "\n  }\n", range: start.upperBound..<js.endIndex))
        let function = String(js[start.lowerBound..<end.upperBound])
        let inputs = ["abc|the z boson", "", "é|γγ 125", "salt|-3"]
        let script = function + "\nconsole.log(" + inputs.map { "fnv1a(\(jsonString($0)))" }.joined(separator: " + ' ' + ") + ");"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.node))
        process.arguments = ["-e", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = inputs.map { QuestionHTML.hex(QuestionHTML.fnv1a($0)) }.joined(separator: " ")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }

    func jsonString(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
    }

    static let check = Check(id: "which", title: "Which particle?", kind: .question(Question(prompt: "Which?", answer: .choices([
        .init(text: "The Z boson", correct: true, why: "It has 91 GeV."), .init(text: "The photon", why: "Massless."),
    ]))), points: 1, location: .file("e.yml"))

    @Test func studentEditionHidesTheKey() {
        guard case .question(let q) = Self.check.kind else { return }
        let html = QuestionHTML.render(Self.check, question: q, exerciseID: "z", edition: .student)
        let salt = QuestionHTML.hex(QuestionHTML.fnv1a("openkey|z|which"))
        #expect(html.contains("data-accept=\"\(QuestionHTML.digest(salt, "the  Z boson"))\""))
        #expect(!html.contains("Answer:") && !html.contains("correct"))
        let teacher = QuestionHTML.render(Self.check, question: q, exerciseID: "z", edition: .teacher)
        #expect(teacher.contains("<p class=\"question-key\">Answer: The Z boson</p>"))
    }

    @Test func numericAnswersAcceptEveryStepInsideTheTolerance() {
        let check = Check(id: "peak", title: "Peak", kind: .question(Question(prompt: "Where?", answer: .number(125, tolerance: .absolute(3)))),
                          points: 1, location: .file("e.yml"))
        guard case .question(let q) = check.kind else { return }
        let html = QuestionHTML.render(check, question: q, exerciseID: "h", edition: .student)
        let salt = QuestionHTML.hex(QuestionHTML.fnv1a("openkey|h|peak"))
        // step = 1.5: 122…128 → k = 82…85
        for k in 82...85 { #expect(html.contains(QuestionHTML.digest(salt, String(k)))) }
        #expect(!html.contains(QuestionHTML.digest(salt, "86")) && !html.contains("125"))
    }
}
