import Diagnostics
import Testing
@testable import YAMLSubset

@Suite struct SchemaTests {
    private let text = """
    title: 1984
    tags: [a, 2, [x]]
    single: physics
    nested:
      k: v
    titel: typo
    draft: yes
    minutes: 20
    empty:
    """

    private var map: YAMLMap { parse(text)?.map ?? YAMLMap() }
    private let mapLocation = Diagnostics.SourceLocation(path: "f.yml", line: 1, column: 1)

    @Test func unknownKeysSuggest() {
        let allowed = ["title", "tags", "single", "nested", "draft", "minutes", "empty", "summary"]
        let diagnostics = map.unknownKeys(allowed: allowed, in: "page 'p'")
        #expect(diagnostics.count == 1)
        #expect(DiagnosticFormatter.format(diagnostics) == """
        f.yml:6:1: error: unknown key 'titel' in page 'p' [yaml.unknown-key]
        f.yml:6:1: note: did you mean 'title'?
            hint: allowed keys: 'title', 'tags', 'single', 'nested', 'draft', 'minutes', 'empty', 'summary'
        """)
    }

    @Test func requiredString() {
        var diagnostics: [Diagnostic] = []
        #expect(map.requiredString("title", mapLocation: mapLocation, context: "page 'p'", diagnostics: &diagnostics) == "1984")
        #expect(diagnostics.isEmpty)
        #expect(map.requiredString("summary", mapLocation: mapLocation, context: "page 'p'", diagnostics: &diagnostics) == nil)
        #expect(map.requiredString("nested", mapLocation: mapLocation, context: "page 'p'", diagnostics: &diagnostics) == nil)
        #expect(map.requiredString("empty", mapLocation: mapLocation, context: "page 'p'", diagnostics: &diagnostics) == nil)
        #expect(DiagnosticFormatter.format(diagnostics) == """
        f.yml:1:1: error: missing required field 'summary' in page 'p' [field.missing]
            hint: add a line 'summary: ...'
        f.yml:5:3: error: expected a string for 'nested' in page 'p', found a map [field.type]
        f.yml:9:7: error: required field 'empty' in page 'p' is empty [field.missing]
        """)
    }

    @Test func optionalString() {
        var diagnostics: [Diagnostic] = []
        #expect(map.optionalString("summary", context: "c", diagnostics: &diagnostics) == nil)
        #expect(map.optionalString("empty", context: "c", diagnostics: &diagnostics) == nil)
        #expect(map.optionalString("minutes", context: "c", diagnostics: &diagnostics) == "20")
        #expect(diagnostics.isEmpty)
        #expect(map.optionalString("tags", context: "c", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.map(\.id) == ["field.type"])
        #expect(diagnostics.first?.message == "expected a string for 'tags' in c, found a list")
    }

    @Test func optionalStringList() {
        var diagnostics: [Diagnostic] = []
        let tags = map.optionalStringList("tags", context: "c", diagnostics: &diagnostics)
        #expect(tags?.map(\.0) == ["a", "2"])
        #expect(tags?.map { at($0.1) } == ["2:8", "2:11"])
        #expect(DiagnosticFormatter.format(diagnostics) == "f.yml:2:14: error: expected a string in list 'tags' in c, found a list [field.type]")
        diagnostics = []
        #expect(map.optionalStringList("single", context: "c", diagnostics: &diagnostics)?.map(\.0) == ["physics"])
        #expect(map.optionalStringList("missing", context: "c", diagnostics: &diagnostics) == nil)
        #expect(map.optionalStringList("nested", context: "c", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.map(\.message) == ["expected a list of strings for 'nested' in c, found a map"])
    }

    @Test func otherTypedFields() {
        var diagnostics: [Diagnostic] = []
        #expect(map.optionalInt("minutes", context: "c", diagnostics: &diagnostics) == 20)
        #expect(map.optionalMap("nested", context: "c", diagnostics: &diagnostics)?["k"]?.string == "v")
        #expect(map.optionalList("tags", context: "c", diagnostics: &diagnostics)?.count == 3)
        #expect(diagnostics.isEmpty)
        #expect(map.optionalBool("draft", context: "c", diagnostics: &diagnostics) == nil)
        #expect(map.optionalInt("title", context: "c", diagnostics: &diagnostics) == 1984)
        #expect(map.optionalInt("single", context: "c", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.map(\.message) == [
            "expected true or false for 'draft' in c, found a string",
            "expected an integer for 'single' in c, found a string",
        ])
    }
}
