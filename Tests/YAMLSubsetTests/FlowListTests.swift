import Diagnostics
import Testing
@testable import YAMLSubset

@Suite struct FlowListTests {
    @Test func flowLists() {
        #expect(shape("a: [x, y, \"c, d\"]") == "{a: [\"x\", \"y\", \"c, d\"]}")
        #expect(shape("a: []") == "{a: []}")
        #expect(shape("a: [ ]  # empty") == "{a: []}")
        #expect(shape("a: [1, 2.5, true, null, ~, 'q']") == "{a: [1, d(2.5), true, null, null, \"q\"]}")
        #expect(shape("a: [x,]") == "{a: [\"x\"]}")
        #expect(shape("a: [two words, a:b, c#d]") == "{a: [\"two words\", \"a:b\", \"c#d\"]}")
    }

    @Test func nestedFlowLists() {
        #expect(shape("a: [[1, 2], [], [[x]]]") == "{a: [[1, 2], [], [[\"x\"]]]}")
        #expect(shape("- [a, b]\n- [c]") == "[[\"a\", \"b\"], [\"c\"]]")
        #expect(shape("[root, list]") == "[\"root\", \"list\"]")
    }

    @Test func flowItemLocations() {
        let list = parse("k: [ab,  \"cd\", [e]]")?.map?["k"]
        #expect(at(list?.location) == "1:4")
        #expect(at(list?.list?[0].location) == "1:5")
        #expect(at(list?.list?[1].location) == "1:10")
        #expect(at(list?.list?[2].location) == "1:16")
        #expect(at(list?.list?[2].list?[0].location) == "1:17")
    }

    @Test func flowErrors() {
        #expect(errorAt("a: [x, {b: 1}]") == "1:8 yaml.flow-map")
        #expect(errorAt("a: [b: 1]") == "1:6 yaml.flow-map")
        #expect(errorAt("a: [x, y") == "1:4 yaml.unterminated-list")
        #expect(errorAt("a: [x, # comment]") == "1:4 yaml.unterminated-list")
        #expect(errorAt("a: [x,, y]") == "1:7 yaml.syntax")
        #expect(errorAt("a: [,]") == "1:5 yaml.syntax")
        #expect(errorAt("a: [\"x\" y]") == "1:9 yaml.syntax")
        #expect(errorAt("a: [x] y") == "1:8 yaml.syntax")
        #expect(errorAt("a: [x]]") == "1:7 yaml.syntax")
        #expect(errorAt("a: [- x]") == "1:5 yaml.syntax")
        #expect(errorAt("a: [&x y]") == "1:5 yaml.anchor")
        #expect(errorAt("a: [\"open]") == "1:5 yaml.unterminated-string")
        #expect(errorAt("a: [x, [y]") == "1:4 yaml.unterminated-list")
        #expect(errorAt("[a]: b") == "1:4 yaml.syntax")
    }

    @Test func multilineFlowListIsRejected() {
        let d = failure("a: [x,\n  y]")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:1:4: error: a list in '[ ]' must end on the line where it starts [yaml.multiline]
            hint: put the value on one line, or use a block scalar (| or >)
        """)
    }

    @Test func flowMapAtValue() {
        let d = failure("a: {b: 1}")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:1:4: error: maps in braces or 'key: value' pairs inside '[ ]' are not supported [yaml.flow-map]
            hint: use a block map: one 'key: value' per line, indented under its key
        """)
    }
}
