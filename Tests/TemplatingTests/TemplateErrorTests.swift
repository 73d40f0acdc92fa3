import Testing
import Templating

/// Malformed templates are reported with the position of the offending tag.
struct TemplateErrorTests {
    private func error(in source: String, name: String = "theme/page.mustache") -> TemplateError? {
        do {
            _ = try Template(source, name: name)
            return nil
        } catch {
            return error
        }
    }

    private func position(_ error: TemplateError?) -> [Int]? {
        error.map { [$0.line, $0.column] }
    }

    @Test func unclosedTag() {
        let e = error(in: "line one\n  {{title")
        #expect(position(e) == [2, 3])
        #expect(e?.templateName == "theme/page.mustache")
        #expect(error(in: "{{{raw}}") != nil)
    }

    @Test func unclosedSectionPointsAtItsStartTag() {
        #expect(position(error(in: "a\n{{#items}}\n{{.}}\n")) == [2, 1])
        #expect(position(error(in: "{{<base}}{{$x}}")) == [1, 10])
    }

    @Test func mismatchedEndTagPointsAtTheEndTag() {
        let e = error(in: "{{#a}}\n{{#b}}{{/a}}{{/b}}")
        #expect(position(e) == [2, 7])
        #expect(e?.message.contains("'b'") == true)
    }

    @Test func endTagWithoutSection() {
        #expect(position(error(in: "x{{/a}}")) == [1, 2])
    }

    @Test func malformedSetDelimiters() {
        #expect(position(error(in: "ok\n{{=<%=}}")) == [2, 1])
        #expect(error(in: "{{=a b c=}}") != nil)
        #expect(error(in: "{{=<% %>}}") != nil)
    }

    @Test func emptyOrSpacedOrMalformedNames() {
        #expect(error(in: "{{ }}") != nil)
        #expect(error(in: "{{#}}{{/}}") != nil)
        #expect(error(in: "{{first name}}") != nil)
        #expect(error(in: "{{a..b}}") != nil)
        #expect(error(in: "{{.}}{{a.b}}{{! any text at all }}") == nil)
    }

    @Test func columnsCountUTF8Bytes() {
        #expect(position(error(in: "é {{#x}}")) == [1, 4])
    }

    @Test func positionsAfterMultilineCommentsAndCustomDelimiters() {
        #expect(position(error(in: "{{! one\ntwo }}\n{{=<% %>=}} <%#x%>")) == [3, 13])
    }

    @Test func libraryReportsTheFailingTemplate() {
        do {
            _ = try TemplateLibrary(sources: ["good": "{{x}}", "bad": "{{#x}}"])
            Issue.record("expected an error")
        } catch {
            #expect(error.templateName == "bad")
        }
    }

    @Test func convertsToADiagnostic() throws {
        let e = try #require(error(in: "\n\n   {{/x}}", name: "Site/page.mustache"))
        let diagnostic = e.diagnostic
        #expect(diagnostic.id == "template.syntax")
        #expect(diagnostic.location?.path == "Site/page.mustache")
        #expect(diagnostic.location?.line == 3 && diagnostic.location?.column == 4)
        #expect("\(diagnostic)".hasPrefix("Site/page.mustache:3:4: error: "))
    }
}
