import Curriculum
import Diagnostics
import Foundation
@testable import Publishing
import Testing

/// ```question blocks: questions students answer in any page, checked offline with a hashed key.
@Suite struct PageQuestionTests {
    func render(_ markdown: String, edition: Edition = .student) -> RenderedMarkdown {
        let resolver = LinkResolver(course: Course(site: SiteConfig(title: "t"), pages: [], paths: [], curricula: []), edition: edition)
        return MarkdownRenderer.render(markdown, sourcePath: "Content/topic/page.md", firstLine: 4, outputPath: "topic/page.html",
                                       resolver: resolver, options: MarkdownOptions(edition: edition))
    }

    static let block = """
        Some text.

        ```question
        prompt: Which particle makes the peak at 91 GeV?
        choices:
          - text: The Z boson
            correct: true
            why: Its mass is 91.2 GeV.
          - text: The photon
            why: A real photon has no mass.
        ```

        ```question
        title: A number
        prompt: What is 2 + 2?
        answer: 4
        absolute: 0.1
        ```
        """

    @Test func questionsBecomeFormsWithAHashedKey() {
        let page = render(Self.block)
        #expect(page.diagnostics.isEmpty, "\(page.diagnostics)")
        #expect(page.questions.count == 2)
        let salt = QuestionHTML.hex(QuestionHTML.fnv1a("openkey|topic-page|q1"))
        #expect(page.html.contains("<form class=\"question\" id=\"q-topic-page-q1\" data-salt=\"\(salt)\""))
        #expect(page.html.contains("data-accept=\"\(QuestionHTML.digest(salt, "The Z boson"))\""))
        #expect(page.html.contains("<p class=\"question-why\" data-choice=\"0\" hidden>Its mass is 91.2 GeV.</p>"))
        #expect(page.html.contains("<p class=\"question-title\">A number</p>"))
        #expect(!page.html.contains("question-key"), "no answer in the clear for students")
        #expect(render(Self.block, edition: .teacher).html.contains("<p class=\"question-key\">Answer: The Z boson</p>"))
    }

    @Test func aBrokenQuestionIsAnErrorAtItsLine() {
        let page = render("Intro.\n\n```question\nprompt: Pick one\nchoices:\n  - text: A\n  - text: B\n```\n")
        #expect(page.questions.isEmpty)
        let error = page.diagnostics.first
        #expect(error?.location?.path == "Content/topic/page.md")
        #expect((error?.location?.line ?? 0) >= 7, "\(page.diagnostics)")
        let unknown = render("```question\nprompt: x\nanswer: 3\nanswr: 4\n```\n")
        #expect(unknown.diagnostics.contains { $0.location?.line == 7 })
    }

    /// A translation may translate a question's words, never its key.
    @Test func aTranslationKeepsTheAnswerKey() throws {
        let dir = TestPaths.temporaryDirectory("openkey-question-translation")
        let course = dir.appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.fixture("multilingual"), to: course)
        let question = "\n```question\nprompt: Unit of energy?\nchoices:\n  - text: eV\n    correct: true\n  - text: kg\n```\n"
        let spanish = "\n```question\nprompt: ¿Unidad de energía?\nchoices:\n  - text: eV\n  - text: kg\n    correct: true\n```\n"
        for (file, text) in [("Content/deep/er/notes.md", question), ("Translations/es/basics/units.md", spanish)] {
            let url = course.appendingPathComponent(file)
            try Data((try String(contentsOf: url, encoding: .utf8) + text).utf8).write(to: url)
        }
        let units = course.appendingPathComponent("Content/basics/units.md")
        try Data((try String(contentsOf: units, encoding: .utf8) + question).utf8).write(to: units)
        let result = BuildPipeline.run(BuildOptions(courseRoot: course, output: dir.appendingPathComponent("site"), environment: [:]))
        let errors = result.diagnostics.filter { $0.id == "translation.question" }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("question 1 has a different answer key") == true)
        #expect(errors.first?.location?.path == "Translations/es/basics/units.md")
    }
}
