import Testing
import Templating

/// Rendering against the kind of context tree the site generator builds for a page.
struct TemplateRenderingTests {
    private func render(_ source: String, _ context: TemplateValue) throws -> String {
        try Template(source, name: "test.mustache").render(context, partials: TemplateLibrary())
    }

    private let page: TemplateValue = [
        "site": ["title": "OpenKey", "language": "en"],
        "page": [
            "title": "Z boson mass",
            "exercises": [
                ["id": "z-mass-1", "points": 2],
                ["id": "z-mass-2", "points": 3],
            ],
        ],
    ]

    @Test func interpolatesNestedObjectsWithDottedNames() throws {
        let html = try render("<title>{{page.title}} – {{site.title}}</title>", page)
        #expect(html == "<title>Z boson mass – OpenKey</title>")
    }

    @Test func sectionsIterateListsAndSeeOuterContexts() throws {
        let source = "{{#page.exercises}}<li lang=\"{{site.language}}\">{{id}} ({{points}})</li>{{/page.exercises}}"
        #expect(try render(source, page)
            == "<li lang=\"en\">z-mass-1 (2)</li><li lang=\"en\">z-mass-2 (3)</li>")
    }

    @Test func objectSectionPushesItsValue() throws {
        #expect(try render("{{#page}}{{title}}{{/page}}", page) == "Z boson mass")
    }

    @Test func dottedNamesDoNotFallBackToOuterContexts() throws {
        let context: TemplateValue = ["a": ["b": [:]], "b": ["c": "outer"]]
        #expect(try render("{{#a}}[{{b.c}}]{{/a}}", context) == "[]")
    }

    @Test func implicitIteratorRendersListItems() throws {
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}", ["tags": ["a&b", 1, 1.5, true]]) == "<a&amp;b><1><1.5><true>")
    }

    @Test func missingNamesRenderAsNothing() throws {
        #expect(try render("[{{nothing}}][{{page.nothing.deeper}}]", page) == "[][]")
    }

    @Test func invertedSectionsRenderForFalseyValues() throws {
        let source = "{{^page.exercises}}none{{/page.exercises}}{{^page.quiz}}no quiz{{/page.quiz}}"
        #expect(try render(source, page) == "no quiz")
        #expect(try render("{{^list}}empty{{/list}}", ["list": []]) == "empty")
    }

    @Test func truthinessFollowsJavaScriptAsTheSpecSays() throws {
        let source = "{{#v}}yes{{/v}}{{^v}}no{{/v}}"
        let falsey: [TemplateValue] = [.null, false, 0, 0.0, "", []]
        let truthy: [TemplateValue] = [true, 1, -2.5, " ", [0], [:]]
        for value in falsey { #expect(try render(source, ["v": value]) == "no", "\(value)") }
        for value in truthy { #expect(try render(source, ["v": value]) == "yes", "\(value)") }
    }

    @Test func escapesHTMLInDoubleMustachesOnly() throws {
        let context: TemplateValue = ["x": "<a href=\"?a&b\">'q'</a>"]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;?a&amp;b&quot;&gt;'q'&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{&x}}", context) == "<a href=\"?a&b\">'q'</a>|<a href=\"?a&b\">'q'</a>")
    }

    @Test func numbersInterpolateInShortestForm() throws {
        #expect(try render("{{a}} {{b}} {{c}} {{d}}", ["a": 85, "b": 1.21, "c": 2.0, "d": -0.5]) == "85 1.21 2 -0.5")
    }

    @Test func standaloneSectionLinesLeaveNoBlankLines() throws {
        let source = """
            <ul>
              {{#items}}
              <li>{{.}}</li>
              {{/items}}
            </ul>

            """
        #expect(try render(source, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func setDelimitersLetTemplatesContainBraces() throws {
        let source = "{{=<% %>=}}function f() {{ return <% n %>; }}"
        #expect(try render(source, ["n": 3]) == "function f() {{ return 3; }}")
    }

    @Test func commentsRenderNothing() throws {
        #expect(try render("a{{! a note\n spanning lines }}b", [:]) == "ab")
    }

    @Test func rendersTheSameFromManyThreadsAtOnce() async throws {
        let template = try Template("{{#items}}{{.}},{{/items}}", name: "list")
        let expected = (0..<200).map { "\($0)," }.joined()
        let context: TemplateValue = ["items": .list((0..<200).map { .int($0) })]
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask { template.render(context, partials: TemplateLibrary()) }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == expected })
    }
}
