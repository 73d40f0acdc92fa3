import Testing
import Templating

/// Partials and parents looked up by name, as site themes use them.
struct TemplateLibraryTests {
    @Test func rendersByNameWithPartialsFromTheSameLibrary() throws {
        let library = try TemplateLibrary(sources: [
            "page": "<h1>{{title}}</h1>{{>footer}}",
            "footer": "<footer>{{site}}</footer>",
        ])
        #expect(library.render("page", ["title": "Home", "site": "OpenKey"])
            == "<h1>Home</h1><footer>OpenKey</footer>")
        #expect(library["footer"] != nil)
        #expect(library.names == ["footer", "page"])
    }

    @Test func unknownTemplateRendersAsNil() {
        #expect(TemplateLibrary().render("nothing", [:]) == nil)
    }

    @Test func missingPartialRendersAsEmpty() throws {
        let library = try TemplateLibrary(sources: ["page": "[{{>missing}}]"])
        #expect(library.render("page", [:]) == "[]")
    }

    @Test func addReplacesATemplateOfTheSameName() throws {
        var library = TemplateLibrary()
        try library.add("one", name: "t")
        try library.add("two", name: "t")
        #expect(library.render("t", [:]) == "two")
    }

    @Test func standalonePartialsAreIndentedLineByLine() throws {
        let library = try TemplateLibrary(sources: [
            "page": "<body>\n  {{>nav}}\n</body>\n",
            "nav": "<nav>\n  {{#links}}\n  <a>{{.}}</a>\n  {{/links}}\n</nav>\n",
        ])
        #expect(library.render("page", ["links": ["a", "b"]])
            == "<body>\n  <nav>\n    <a>a</a>\n    <a>b</a>\n  </nav>\n</body>\n")
    }

    @Test func interpolatedValuesAreNotReindented() throws {
        let library = try TemplateLibrary(sources: ["page": "<pre>\n  {{>code}}\n</pre>", "code": "{{{code}}}\n"])
        #expect(library.render("page", ["code": "a\nb"]) == "<pre>\n  a\nb\n</pre>")
    }

    @Test func recursivePartialsRenderTrees() throws {
        let library = try TemplateLibrary(sources: [
            "tree": "{{name}}{{#children}}({{>tree}}){{/children}}",
        ])
        // Leaves need their own empty `children`: a missing name is looked up in outer contexts.
        let leaf: (TemplateValue) -> TemplateValue = { ["name": $0, "children": []] }
        let tree: TemplateValue = ["name": "a", "children": [["name": "b", "children": [leaf("c")]], leaf("d")]]
        #expect(library.render("tree", tree) == "a(b(c))(d)")
    }

    @Test func selfInclusionStopsAtTheDepthLimit() throws {
        let library = try TemplateLibrary(sources: ["loop": "x{{>loop}}"])
        let output = try #require(library.render("loop", [:]))
        #expect(output == String(repeating: "x", count: 101))
    }

    @Test func parentLayoutsTakeBlocksFromChildren() throws {
        let library = try TemplateLibrary(sources: [
            "base": """
                <html>
                  <head><title>{{$title}}OpenKey{{/title}}</title></head>
                  <body>
                    {{$content}}
                    <p>nothing here</p>
                    {{/content}}
                  </body>
                </html>

                """,
            "page": """
                {{<base}}
                {{$title}}{{page.title}} – OpenKey{{/title}}
                {{$content}}
                <h1>{{page.title}}</h1>
                <p>{{page.summary}}</p>
                {{/content}}
                {{/base}}

                """,
        ])
        let html = library.render("page", ["page": ["title": "Cuts", "summary": "Select & count"]])
        #expect(html == """
            <html>
              <head><title>Cuts – OpenKey</title></head>
              <body>
                <h1>Cuts</h1>
                <p>Select &amp; count</p>
              </body>
            </html>

            """)
        #expect(library.render("base", [:])?.contains("<title>OpenKey</title>") == true)
    }

    @Test func blocksSeeTheContextWhereTheyAreExpanded() throws {
        let library = try TemplateLibrary(sources: [
            "list": "{{#items}}<li>{{$item}}{{name}}{{/item}}</li>{{/items}}",
            "page": "{{<list}}{{$item}}<b>{{name}}</b>{{/item}}{{/list}}",
        ])
        #expect(library.render("page", ["items": [["name": "a"], ["name": "b"]]]) == "<li><b>a</b></li><li><b>b</b></li>")
    }
}
