import Curriculum
import Diagnostics
import Foundation
import Localization
@testable import Publishing
import Testing

/// Jupyter notebooks in Content/ are pages: their Markdown, highlighted code and stored outputs.
@Suite struct NotebookTests {
    static let built: (URL, BuildPipeline.Result) = {
        let out = TestPaths.temporaryDirectory("openkey-notebook").appendingPathComponent("site")
        return (out, BuildPipeline.run(BuildOptions(courseRoot: TestPaths.fixture("notebook"), output: out, strict: true, environment: [:])))
    }()

    func page(_ path: String) throws -> String {
        try String(contentsOf: Self.built.0.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aNotebookIsAPageWithItsOutputs() throws {
        #expect(Self.built.1.succeeded, "\(Self.built.1.diagnostics.map(\.message))")
        let html = try page("nb/demo.html")
        #expect(html.contains("<h1>Dileptons with uproot</h1>"), "the first # heading is the title")
        #expect(html.contains("<p class=\"summary\">A notebook with every kind of output.</p>"))
        #expect(html.contains("<a class=\"button\" href=\"demo.ipynb\" download>Download this notebook</a>"))
        #expect(html.contains("<span class=\"tok-kw\">import</span> uproot  <span class=\"tok-com\"># read ROOT files</span>"))
        #expect(html.contains("<pre><code class=\"language-output\">events: 40132\n</code></pre>"))
        #expect(html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"m_{\\ell\\ell}\">"))
        #expect(html.contains("<img src=\"demo.files/cell-2-1.png\" alt=\"Output of code cell 2\">"))
        #expect(html.contains("<img src=\"demo.files/cell-2-2.svg\""))
        #expect(FileManager.default.fileExists(atPath: Self.built.0.appendingPathComponent("nb/demo.files/cell-2-1.png").path))
        #expect(FileManager.default.fileExists(atPath: Self.built.0.appendingPathComponent("nb/demo.ipynb").path))
        // HTML outputs keep their table, nothing else.
        #expect(html.contains("<table><thead><tr><th colspan=\"2\">lep_pt</th></tr></thead><tbody><tr><td>45.2 &amp; more</td><td>x</td></tr></tbody></table>"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("alert(1)"))
        // Errors are shown as such, without terminal colour codes.
        #expect(html.contains("<pre><code class=\"language-error\">KeyError: 'lep_ptt'\n</code></pre>"))
        #expect(!html.contains("\u{1B}"))
        // It takes part in paths, links and search like any page.
        #expect(try page("nb/other.html").contains("href=\"demo.html#the-plot\""))
        #expect(try page("paths/main.html").contains("Dileptons with uproot"))
        #expect(try page("search-index-1.js").contains("\"u\":\"nb/demo.html\""))
        #expect(SiteCrawler.brokenLinks(in: Self.built.0).isEmpty, "\(SiteCrawler.brokenLinks(in: Self.built.0))")
    }

    func buildEdited(_ edit: (String) -> String) throws -> BuildPipeline.Result {
        let dir = TestPaths.temporaryDirectory("openkey-notebook-edit")
        let course = dir.appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.fixture("notebook"), to: course)
        let file = course.appendingPathComponent("Content/nb/demo.ipynb")
        try Data(edit(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        return BuildPipeline.run(BuildOptions(courseRoot: course, output: dir.appendingPathComponent("site"), environment: [:]))
    }

    /// Problems in a notebook's Markdown are reported at the line and column of the .ipynb file.
    @Test func problemsPointIntoTheNotebookFile() throws {
        let result = try buildEdited { $0.replacingOccurrences(of: "Below, the plot of the dilepton mass.", with: "A broken link: [missing](nowhere.md).") }
        let error = try #require(result.diagnostics.first { $0.id == "link.broken" })
        let source = try String(contentsOf: TestPaths.fixture("notebook").appendingPathComponent("Content/nb/demo.ipynb"), encoding: .utf8)
        let line = try #require(source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Below, the plot") }) + 1
        #expect(error.location == SourceLocation(path: "Content/nb/demo.ipynb", line: line, column: 21))
    }

    @Test func aMalformedNotebookIsADiagnosticNotACrash() throws {
        let result = try buildEdited { String($0.dropLast(40)) }
        #expect(!result.succeeded)
        let error = try #require(result.diagnostics.first { $0.location?.path == "Content/nb/demo.ipynb" })
        #expect(error.message.hasPrefix("this notebook is not valid JSON"))
        #expect((error.location?.line ?? 0) > 1)

        let (page, problems) = NotebookParser.parse(Array("{\"nbformat\": 3, \"worksheets\": []}".utf8), sourcePath: "Content/old.ipynb", defaultID: "old")
        #expect(page == nil)
        #expect(problems.map(\.id) == ["notebook.version"])
        let (_, noCells) = NotebookParser.parse(Array("[1, 2]".utf8), sourcePath: "Content/x.ipynb", defaultID: "x")
        #expect(noCells.map(\.id) == ["notebook.structure"])
        for garbage in ["", "{", "{\"cells\": [", "\u{0}\u{1}", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\\ud800\"}]}", String(repeating: "[", count: 5000)] {
            _ = NotebookParser.parse(Array(garbage.utf8), sourcePath: "Content/x.ipynb", defaultID: "x")
        }
    }

    @Test func pythonHighlightingEscapesEverything() {
        let html = CodeHighlighter.html("x = f\"<b>{y}</b>\"  # <script>\nif x > 1.5e3: print(len(x))", language: .python)
        #expect(html == "x = <span class=\"tok-str\">f&quot;&lt;b&gt;{y}&lt;/b&gt;&quot;</span>  <span class=\"tok-com\"># &lt;script&gt;</span>\n<span class=\"tok-kw\">if</span> x &gt; <span class=\"tok-num\">1.5e3</span>: <span class=\"tok-fn\">print</span>(<span class=\"tok-fn\">len</span>(x))")
    }

    /// A translated notebook is a translated page: its own text and outputs, the original's anchors, untrusted
    /// Markdown (raw HTML dropped) while its generated figures and tables stay, and staleness from its stamp.
    @Test func aTranslatedNotebookIsATranslatedPage() throws {
        let dir = TestPaths.temporaryDirectory("openkey-notebook-translation")
        let course = dir.appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.fixture("notebook"), to: course)
        try Data("title: Notebook course\nlanguages: [en, es]\n".utf8).write(to: course.appendingPathComponent("Content/site.yml"))
        let log = DiagnosticLog()
        let original = try #require(CourseLoader.load(root: course, log: log)?.page(id: "nb/demo"))
        let source = try String(contentsOf: course.appendingPathComponent("Content/nb/demo.ipynb"), encoding: .utf8)
        let spanish = source
            .replacingOccurrences(of: "# Dileptons with uproot", with: "# Dileptones con uproot")
            .replacingOccurrences(of: "## The plot", with: "## El gráfico")
            .replacingOccurrences(of: "Below, the plot of the dilepton mass.", with: "Abajo, el gráfico. <script>alert(2)</script>")
        let stamped = try #require(NotebookParser.restamp(spanish, hash: SourceHash.of(original),
                                                          sections: SourceHash.sections(of: original).map { (hash: $0.hash, heading: $0.heading) }))
        try FileManager.default.createDirectory(at: course.appendingPathComponent("Translations/es/nb"), withIntermediateDirectories: true)
        try Data(stamped.utf8).write(to: course.appendingPathComponent("Translations/es/nb/demo.ipynb"))
        let out = dir.appendingPathComponent("site")
        let result = BuildPipeline.run(BuildOptions(courseRoot: course, output: out, environment: [:]))
        #expect(result.succeeded, "\(result.diagnostics.map(\.message))")
        let html = try String(contentsOf: out.appendingPathComponent("es/nb/demo.html"), encoding: .utf8)
        #expect(html.contains("<h1>Dileptones con uproot</h1>"))
        #expect(html.contains("<h2 id=\"the-plot\">El gráfico</h2>"), "the original's anchor")
        #expect(html.contains("<img src=\"demo.files/cell-2-1.png\""), "generated figures stay in an untrusted page")
        #expect(html.contains("<th colspan=\"2\">lep_pt</th>"))
        #expect(!html.contains("<script>alert"), "the tags are gone (their text stays, escaped)")
        #expect(!html.contains("translation-banner"), "marked as current")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("es/nb/demo.files/cell-2-1.png").path))
        let warning = try #require(result.diagnostics.first { $0.id == "markdown.raw-html" })
        #expect(warning.location?.path == "Translations/es/nb/demo.ipynb")
        // Restamping replaces the one stamp line.
        let again = try #require(NotebookParser.restamp(stamped, hash: "0123456789abcdef", sections: []))
        #expect(again.components(separatedBy: NotebookParser.stampKey).count == 2)
        #expect(NotebookParser.stamp(Array(again.utf8), path: "x").hash == "0123456789abcdef")
    }
}
