import Curriculum
@testable import Publishing
import Testing

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(course: MarkdownRendererTests.course, edition: .student)

    func resolve(_ raw: String) -> (LinkReference.Target, String?) {
        resolver.resolve(raw, fromSource: "Content/topics/deep/leptons.md", fromOutput: "topics/deep/leptons.html")
    }

    @Test func relativePageLinksBecomeRelativeHTMLLinksFromAnyDepth() {
        #expect(resolve("../quarks.md").1 == "../quarks.html")
        #expect(resolve("../quarks.md#the-model").1 == "../quarks.html#the-model")
        #expect(resolve("./leptons.md").1 == "leptons.html")
        #expect(resolve("../images/p.svg").1 == "../images/p.svg")
    }

    @Test func specialSchemes() {
        #expect(resolve("path:start").1 == "../../paths/start.html")
        #expect(resolve("curriculum:ocr").1 == "../../curricula/ocr.html")
        #expect(resolve("https://example.org/a").0 == .external)
    }

    @Test func problemsAreClassified() {
        #expect(resolve("../mesons.md").0 == .missingPage(sourcePath: "Content/topics/mesons.md", anchor: nil))
        #expect(resolve("../../../outside.md").1 == nil)
        if case .invalid = resolve("javascript:alert(1)").0 {} else { Issue.record("javascript: must be rejected") }
        if case .invalid = resolve("/abs.md").0 {} else { Issue.record("absolute links must be rejected") }
        #expect(resolve("missing.png").0 == .missingAsset("topics/deep/missing.png"))
    }

    @Test func sitePaths() {
        #expect(SitePaths.relative(from: "index.html", to: "paths/a.html") == "paths/a.html")
        #expect(SitePaths.relative(from: "a/b/c.html", to: "a/d.html") == "../d.html")
        #expect(SitePaths.relative(from: "a/b.html", to: "x y/z#.png") == "../x%20y/z%23.png")
        #expect(SitePaths.root(from: "a/b/c.html") == "../../")
        #expect(SitePaths.normalize("a/./b/../c") == "a/c")
        #expect(SitePaths.normalize("../a") == nil)
        #expect(CurriculumRegistry.anchor(for: "6.4.2(d)") == "obj-6.4.2-d")
    }
}
