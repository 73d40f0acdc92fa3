import Diagnostics
import Testing
@testable import YAMLSubset

@Suite struct FrontMatterTests {
    private func split(_ text: String) -> FrontMatter? {
        switch FrontMatter.split(text, path: "p.md") {
        case .success(let fm): return fm
        case .failure(let d):
            Issue.record("unexpected error: \(DiagnosticFormatter.format(d))")
            return nil
        }
    }

    @Test func splitsHeaderAndBody() {
        let fm = split("---\ntitle: Z mass\ntags: [lhc]\n---\n# Heading\n\nText.\n")
        #expect(fm?.node.map(render) == "{title: \"Z mass\", tags: [\"lhc\"]}")
        #expect(fm?.body == "# Heading\n\nText.\n")
        #expect(fm?.bodyFirstLine == 5)
        #expect(at(fm?.node?.map?.entry("tags")?.keyLocation) == "3:1")
        #expect(fm?.node?.map?.entry("tags")?.keyLocation.path == "p.md")
    }

    @Test func bodyLinesRoundTrip() {
        let header = "---\na: 1\nb:\n  - x\n---\n"
        let body = "line A\nline B\n"
        let fm = split(header + body)
        #expect(fm?.body == body)
        // The body's first line is the file's line after the header.
        let fileLines = (header + body).split(separator: "\n", omittingEmptySubsequences: false)
        if let first = fm?.bodyFirstLine {
            #expect(fileLines[first - 1] == "line A")
        }
    }

    @Test func noFrontMatter() {
        let fm = split("# Title\n---\nnot front matter\n")
        #expect(fm?.node == nil)
        #expect(fm?.body == "# Title\n---\nnot front matter\n")
        #expect(fm?.bodyFirstLine == 1)
        #expect(split("")?.node == nil)
        #expect(split("----\nx\n")?.node == nil)
    }

    @Test func emptyFrontMatter() {
        let fm = split("---\n---\nbody")
        #expect(fm?.node?.isNull == true)
        #expect(at(fm?.node?.location) == "2:1")
        #expect(fm?.body == "body")
        #expect(fm?.bodyFirstLine == 3)
    }

    @Test func closingFenceAtEndOfFile() {
        let fm = split("---\na: 1\n---")
        #expect(fm?.node.map(render) == "{a: 1}")
        #expect(fm?.body == "")
        #expect(fm?.bodyFirstLine == 4)
    }

    @Test func bomCRLFAndTrailingSpaces() {
        let fm = split("\u{FEFF}---  \r\ntitle: T\r\nsummary: |\r\n  two\r\n  lines\r\n--- \r\nBody\r\n")
        #expect(fm?.node.map(render) == "{title: \"T\", summary: \"two\\nlines\\n\"}")
        #expect(fm?.body == "Body\r\n")
        #expect(fm?.bodyFirstLine == 7)
    }

    @Test func unterminated() {
        guard case .failure(let d) = FrontMatter.split("---\ntitle: x\n\nBody", path: "p.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(DiagnosticFormatter.format(d) == """
        p.md:1:1: error: front matter has no closing '---' [frontmatter.unterminated]
            hint: end the front matter with a line holding only '---'
        """)
    }

    @Test func yamlErrorsPointIntoTheFile() {
        guard case .failure(let d) = FrontMatter.split("---\ntitle: x\ntags: {a: 1}\n---\n", path: "p.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(d.id == "yaml.flow-map")
        #expect(d.location == SourceLocation(path: "p.md", line: 3, column: 7))
    }

    @Test func dotsInsideFrontMatterAreMarkers() {
        guard case .failure(let d) = FrontMatter.split("---\na: 1\n...\n---\n", path: "p.md") else {
            Issue.record("expected an error")
            return
        }
        #expect(d.id == "yaml.document-marker")
        #expect(d.location?.line == 3)
    }
}
