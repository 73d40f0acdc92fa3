import Curriculum
import Diagnostics
@testable import Publishing
import Testing

@Suite struct MarkdownRendererTests {
    static let course = Course(
        site: SiteConfig(title: "T"),
        pages: [
            Page(id: "topics/quarks", sourcePath: "Content/topics/quarks.md", title: "Quarks", body: ""),
            Page(id: "topics/deep/leptons", sourcePath: "Content/topics/deep/leptons.md", title: "Leptons", body: ""),
            Page(id: "plan", sourcePath: "Content/plan.md", title: "Plan", edition: .teacher, body: ""),
        ],
        paths: [LearningPath(id: "start", sourcePath: "Content/paths/start.yml", title: "Start", audience: .students,
                             summary: "", steps: [])],
        curricula: [CurriculumRegistry(id: "ocr", sourcePath: "Content/curricula/ocr.yml", title: "OCR Physics A", issuer: "OCR",
                                       level: "A level", objectives: [.init(code: "6.4.2(d)", statement: "quarks & <leptons>",
                                                                            location: .file("x"))])],
        assets: ["topics/images/p.svg"])

    func render(_ markdown: String, edition: Edition = .student, allowRawHTML: Bool = true,
                source: String = "Content/topics/quarks.md", output: String = "topics/quarks.html") -> RenderedMarkdown {
        MarkdownRenderer.render(markdown, sourcePath: source, firstLine: 5, outputPath: output,
                                resolver: LinkResolver(course: Self.course, edition: edition),
                                options: MarkdownOptions(allowRawHTML: allowRawHTML, edition: edition,
                                                         curriculum: CurriculumLookup(registries: Self.course.curricula)))
    }

    static let sample = """
    # Quarks

    Intro with a [deeper page](deep/leptons.md#charged-leptons), the [path](path:start),
    an [objective](curriculum:ocr:6.4.2(d)), an ![image](images/p.svg) and <https://home.cern>.

    ## Charges & colours

    | Quark | Charge |
    |:------|-------:|
    | up    | +2/3   |

    ## Charges & colours

    > [!curriculum] ocr:6.4.2(d)
    > How this meets the objective.

    > [!tip] Answers
    > - [x] two up quarks

    > [!teacher]
    > Only for teachers.

    > A plain quote stays a quote.

    ~~wrong~~ and a note[^n].

    [^n]: The note.
    """

    @Test func rendersTheWholeFeatureSetAsRecorded() {
        let result = render(Self.sample)
        #expect(result.diagnostics.isEmpty)
        Golden.check(result.html, against: "markdown-sample.html")
    }

    @Test func headingsGetUniqueAnchorsAndTheLeadingTitleIsDropped() {
        let result = render(Self.sample)
        #expect(result.headings.map(\.anchor) == ["charges--colours", "charges--colours-1"])
        #expect(!result.html.contains("<h1"))
        #expect(result.html.contains("<h2 id=\"charges--colours-1\">"))
    }

    @Test func linksAreClassifiedWithTheirFileLocation() {
        let result = render(Self.sample)
        let targets = result.links.map(\.target)
        #expect(targets.contains(.page(id: "topics/deep/leptons", anchor: "charged-leptons")))
        #expect(targets.contains(.path(id: "start")))
        #expect(targets.contains(.asset("topics/images/p.svg")))
        // First link: body line 3 is file line 7 (the body starts on line 5); the link opens at column 14.
        #expect(result.links.first?.location == SourceLocation(path: "Content/topics/quarks.md", line: 7, column: 14))
        #expect(result.html.contains("href=\"deep/leptons.html#charged-leptons\""))
        #expect(result.html.contains("href=\"../paths/start.html\""))
        #expect(result.html.contains("href=\"../curricula/ocr.html#obj-6.4.2-d\""))
    }

    @Test func curriculumCalloutRecordsObjectivesAtTheirColumn() {
        let result = render("> [!curriculum] ocr:6.4.2(d), ocr:9.9\n> Text.\n")
        #expect(result.calloutObjectives.map(\.description) == ["ocr:6.4.2(d)", "ocr:9.9"])
        #expect(result.calloutObjectives.map(\.location.column) == [17, 31])
        #expect(result.calloutObjectives.allSatisfy { $0.location.line == 5 })
        #expect(result.html.contains("quarks &amp; &lt;leptons&gt;"))
    }

    @Test func teacherCalloutsOnlyInTheTeacherEdition() {
        let md = "> [!teacher] Misconception\n> Quarks are not balls.\n"
        #expect(!render(md).html.contains("balls"))
        let teacher = render(md, edition: .teacher).html
        #expect(teacher.contains("callout-teacher") && teacher.contains("Misconception") && teacher.contains("balls"))
    }

    @Test func linksToTeacherPagesAreUnlinkedForStudents() {
        let md = "See the [plan](../plan.md)."
        #expect(render(md).html == "<p>See the plan.</p>\n")
        #expect(render(md, edition: .teacher).html == "<p>See the <a href=\"../plan.html\">plan</a>.</p>\n")
    }

    @Test func rawHTMLIsKeptForTeachersButRejectedFromUntrustedPages() {
        let md = "Hello <b onclick=\"x()\">bold</b>\n\n<script>alert(1)</script>\n"
        let trusted = render(md)
        #expect(trusted.html.contains("<b onclick"))
        #expect(!trusted.html.contains("<script>"), "the tagfilter extension neutralises script tags")
        let untrusted = render(md, allowRawHTML: false)
        #expect(!untrusted.html.contains("<b") && !untrusted.html.contains("<script"))
        #expect(untrusted.diagnostics.map(\.id) == ["markdown.raw-html", "markdown.raw-html", "markdown.raw-html"])
    }

    @Test func unknownCalloutIsAnErrorWithSuggestion() {
        let result = render("> [!warn] Careful\n")
        #expect(result.diagnostics.map(\.id) == ["markdown.unknown-callout"])
        #expect(result.diagnostics.first?.notes.first?.message == "did you mean 'warning'?")
    }

    @Test func slugsKeepLettersOfEveryScript() {
        var slugger = Slugger()
        #expect(slugger.slug(for: "Check your understanding!") == "check-your-understanding")
        #expect(slugger.slug(for: "الجسيمات الأولية") == "الجسيمات-الأولية")
        #expect(slugger.slug(for: "???") == "section")
        #expect(slugger.slug(for: "Check your understanding") == "check-your-understanding-1")
    }

    /// cmark-gfm's table of extension characters is process-wide; pages rendered at once must not disturb each other.
    @Test func pagesRenderedInParallelKeepTheirStrikethrough() {
        let results = ConcurrentMap.map(Array(0..<400)) { i in
            MarkdownRenderer.render("~~old~~ text \(i)", sourcePath: "Content/a.md", firstLine: 1, outputPath: "a.html",
                                    resolver: LinkResolver(course: Self.course, edition: .student), options: MarkdownOptions()).html
        }
        #expect(results.allSatisfy { $0.contains("<del>old</del>") })
    }
}
