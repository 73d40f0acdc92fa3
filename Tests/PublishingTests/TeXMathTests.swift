import Curriculum
import Diagnostics
@testable import Publishing
import Testing

@Suite struct TeXMathTests {
    func math(_ tex: String, display: Bool = false) throws -> String {
        let full = try TeXMath.mathML(tex, display: display).get()
        // The inner markup, without the <math …> wrapper.
        return String(full.drop(while: { $0 != ">" }).dropFirst().dropLast("</math>".count))
    }

    @Test func whatPhysicsPagesWrite() throws {
        #expect(try math("m_{\\ell\\ell}") == "<msub><mi>m</mi><mrow><mi>ℓ</mi><mi>ℓ</mi></mrow></msub>")
        #expect(try math("\\sqrt{s} = 13\\,\\mathrm{TeV}") == "<mrow><msqrt><mi>s</mi></msqrt><mo>=</mo><mn>13</mn><mspace width=\"0.1667em\"></mspace><mi mathvariant=\"normal\">TeV</mi></mrow>")
        #expect(try math("\\frac{1}{2}") == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        #expect(try math("H \\to ZZ^* \\to 4\\ell") == "<mrow><mi>H</mi><mo>→</mo><mi>Z</mi><msup><mi>Z</mi><mo>∗</mo></msup><mo>→</mo><mn>4</mn><mi>ℓ</mi></mrow>")
        #expect(try math("\\bar{q}") == "<mover accent=\"true\"><mi>q</mi><mo stretchy=\"true\">¯</mo></mover>")
        #expect(try math("E^2 = p^2c^2 + m^2c^4") .hasPrefix("<mrow><msup><mi>E</mi><mn>2</mn></msup><mo>=</mo>"))
        #expect(try math("p_T^{\\gamma}") == "<msubsup><mi>p</mi><mi>T</mi><mi>γ</mi></msubsup>")
        #expect(try math("\\Delta\\phi") == "<mrow><mi mathvariant=\"normal\">Δ</mi><mi>ϕ</mi></mrow>")
        #expect(try math("\\text{ GeV}") == "<mtext>\u{00A0}GeV</mtext>")
        #expect(try math("1.602\\times10^{-19}") == "<mrow><mn>1.602</mn><mo>×</mo><msup><mn>10</mn><mrow><mo>−</mo><mn>19</mn></mrow></msup></mrow>")
        #expect(try math("\\left(\\frac{a}{b}\\right)") == "<mrow><mo stretchy=\"true\">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo stretchy=\"true\">)</mo></mrow>")
        #expect(try math("\\sqrt[3]{x}") == "<mroot><mi>x</mi><mn>3</mn></mroot>")
        #expect(try math("_e") == "<msub><mrow></mrow><mi>e</mi></msub>")
        #expect(try math("x.") == "<mrow><mi>x</mi><mo>.</mo></mrow>")
        let display = try TeXMath.mathML("a<b", display: true).get()
        #expect(display == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" alttext=\"a&lt;b\"><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow></math>")
    }

    @Test(arguments: [
        ("\\foo{x}", "unsupported TeX command '\\foo'", 0),
        ("x^", "'^' needs an argument", 1),
        ("_", "'_' needs an argument", 0),
        ("{x", "'{' is never closed", 2),
        ("x}", "'}' without a matching '{'", 1),
        ("a & b", "'&' is not supported in a formula", 2),
        ("x^2^3", "double superscript", 3),
        ("\\left( x", "\\left without \\right", 0),
        ("\\frac{1}", "'\\frac' needs an argument", 0),
        ("", "empty formula", 0),
    ])
    func unsupportedTeXIsAnErrorWithItsPosition(_ tex: String, _ message: String, _ offset: Int) {
        guard case .failure(let failure) = TeXMath.mathML(tex, display: false) else { Issue.record("\(tex) was accepted"); return }
        #expect(failure.message == message)
        #expect(failure.offset == offset)
    }

    func render(_ markdown: String) -> RenderedMarkdown {
        let resolver = LinkResolver(course: Course(site: SiteConfig(title: "t"), pages: [], paths: [], curricula: []), edition: .student)
        return MarkdownRenderer.render(markdown, sourcePath: "Content/p.md", firstLine: 5, outputPath: "p.html", resolver: resolver,
                                       options: MarkdownOptions())
    }

    @Test func formulasInPagesBecomeMathML() {
        let page = render("The mass $m_{\\ell\\ell}$ costs $5 or $10, not `$x$`.\n\n$$\nE = mc^2\n$$\n\nAfter *it*.\n\n```\n$y$\n```\n")
        #expect(page.diagnostics.isEmpty)
        #expect(page.html.contains("The mass <math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"m_{\\ell\\ell}\">"))
        #expect(page.html.contains("costs $5 or $10, not <code>$x$</code>."))
        #expect(page.html.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" alttext=\"\nE = mc^2\n\">"))
        #expect(!page.html.contains("<p><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display"))
        #expect(page.html.contains("<p>After <em>it</em>.</p>"))
        #expect(page.html.contains("<code>$y$\n</code>"))
        #expect(!page.html.contains("\u{2}"))
    }

    @Test func badTeXInAPageIsABuildErrorAtItsLine() {
        let page = render("Intro.\n\nA formula: $x + \\badcommand$ here.\n\n$$\na^\n$$\n")
        #expect(page.diagnostics.map(\.id) == ["markdown.math", "markdown.math"])
        #expect(page.diagnostics[0].location == SourceLocation(path: "Content/p.md", line: 7, column: 17))
        #expect(page.diagnostics[0].message == "unsupported TeX command '\\badcommand'")
        #expect(page.diagnostics[1].location?.line == 10)
        #expect(!page.html.contains("\\badcommand$"), "no raw TeX left as text")
    }

    @Test func anUnclosedDisplayFormulaIsAnError() {
        let page = render("$$ x\n\nmore text\n")
        #expect(page.diagnostics.first?.message == "display math opened with $$ is never closed")
        #expect(page.diagnostics.first?.location == SourceLocation(path: "Content/p.md", line: 5, column: 1))
    }
}
