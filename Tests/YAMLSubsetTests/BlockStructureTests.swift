import Diagnostics
import Testing
@testable import YAMLSubset

@Suite struct BlockStructureTests {
    @Test func flatMapKeepsOrder() {
        let node = parse("title: Energy\nlevel: 3\nid: e-1\n")
        #expect(node.map(render) == "{title: \"Energy\", level: 3, id: \"e-1\"}")
        #expect(node?.map?.keys == ["title", "level", "id"])
        #expect(at(node?.location) == "1:1")
    }

    @Test func quotedKeys() {
        #expect(shape("\"a b\": 1\n'c: d': 2\n\"\": 3") == "{a b: 1, c: d: 2, : 3}")
        #expect(shape("\"x\" : 1") == "{x: 1}")
        #expect(shape("key   : spaced") == "{key: \"spaced\"}")
    }

    @Test func keysAreAlwaysStrings() {
        #expect(parse("1984: x\ntrue: y\n~: z")?.map?.keys == ["1984", "true", "~"])
    }

    @Test func nestedMaps() {
        let text = """
        site:
          title: Physics
          theme:
            colour: blue
            dark: false
        version: 2
        """
        #expect(shape(text) == "{site: {title: \"Physics\", theme: {colour: \"blue\", dark: false}}, version: 2}")
        #expect(at(parse(text)?.map?["site"]?.map?["theme"]?.location) == "4:5")
    }

    @Test func nestedMapWithWideIndentation() {
        #expect(shape("a:\n     b: 1\n     c: 2\nd: 3") == "{a: {b: 1, c: 2}, d: 3}")
    }

    @Test func listsIndentedOrNotUnderKey() {
        #expect(shape("tags:\n  - a\n  - b\nnext: 1") == "{tags: [\"a\", \"b\"], next: 1}")
        #expect(shape("tags:\n- a\n- b\nnext: 1") == "{tags: [\"a\", \"b\"], next: 1}")
        #expect(shape("tags:\n- a\n- b") == "{tags: [\"a\", \"b\"]}")
    }

    @Test func listItemsThatAreMaps() {
        let text = """
        pages:
          - id: intro
            title: Introduction
          - id: z-mass
            minutes: 20
            tags: [lhc, fit]
          -   id: last
              done: true
        """
        #expect(shape(text) == "{pages: [{id: \"intro\", title: \"Introduction\"}, "
                + "{id: \"z-mass\", minutes: 20, tags: [\"lhc\", \"fit\"]}, {id: \"last\", done: true}]}")
        let pages = parse(text)?.map?["pages"]?.list
        #expect(at(pages?[1].location) == "4:5")
        #expect(at(pages?[1].map?.entry("minutes")?.keyLocation) == "5:5")
    }

    @Test func listItemMapWithNestedValues() {
        let text = """
        - name: a
          items:
          - 1
          - 2
          meta:
            k: v
        - name: b
        """
        #expect(shape(text) == "[{name: \"a\", items: [1, 2], meta: {k: \"v\"}}, {name: \"b\"}]")
    }

    @Test func nestedListsOnOneLine() {
        #expect(shape("- - a\n  - b\n- c") == "[[\"a\", \"b\"], \"c\"]")
        #expect(shape("- - - deep") == "[[[\"deep\"]]]")
    }

    @Test func emptyValuesAndLocations() {
        let node = parse("a:\nb:   # nothing\nlist:\n  -\n  - # none\n  - x")
        #expect(node.map(render) == "{a: null, b: null, list: [null, null, \"x\"]}")
        #expect(at(node?.map?["a"]?.location) == "1:3")
        #expect(at(node?.map?["b"]?.location) == "2:3")
        #expect(at(node?.map?["list"]?.list?[0].location) == "4:4")
        #expect(at(node?.map?["list"]?.list?[1].location) == "5:4")
    }

    @Test func listItemWithNestedBlockBelow() {
        #expect(shape("-\n  a: 1\n  b: 2\n-\n  - x") == "[{a: 1, b: 2}, [\"x\"]]")
    }

    @Test func commentsAndBlankLines() {
        let text = """
        # leading comment

        a: 1   # trailing
          # indented comment
        # another

        b:
            # comment before the nested block

          - x # item comment

        """
        #expect(shape(text) == "{a: 1, b: [\"x\"]}")
    }

    @Test func emptyDocuments() {
        for text in ["", "\n\n", "# only a comment\n   \n# another", "   "] {
            let node = parse(text, firstLine: 2)
            #expect(node?.isNull == true)
            #expect(at(node?.location) == "2:1")
        }
    }

    @Test func crlfAndBOM() {
        #expect(shape("\u{FEFF}a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\n") == "{a: 1, b: [\"x\", \"y\"]}")
        #expect(errorAt("\u{FEFF}a: &x") == "1:4 yaml.anchor")
        #expect(shape("t: |\r\n  one\r\n  two\r\n") == "{t: \"one\\ntwo\\n\"}")
    }

    @Test func indentedRootMap() {
        #expect(shape("  a: 1\n  b: 2") == "{a: 1, b: 2}")
    }

    @Test func tabsAfterIndentationAreFine() {
        #expect(shape("a:\tvalue\t# comment\nb: x\ty") == "{a: \"value\", b: \"x\\ty\"}")
        #expect(shape("a: 1\n\t# a comment after a tab\n\t\nb: 2") == "{a: 1, b: 2}")
    }

    @Test func mapAccessors() {
        let map = parse("a: 1\nb: [x]\nc:\n  d: e")?.map
        #expect(map?.entry("b")?.value.list?.count == 1)
        #expect(map?["c"]?.map?["d"]?.string == "e")
        #expect(map?["missing"] == nil)
        #expect(map?["b"]?.kindName == "a list")
        #expect(map?["c"]?.kindName == "a map")
        #expect(map?["a"]?.kindName == "an integer")
        #expect(map?["b"]?.raw == nil)
        #expect(map?["b"]?.string == nil)
    }
}
