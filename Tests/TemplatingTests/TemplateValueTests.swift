import Testing
import Templating

struct TemplateValueTests {
    @Test func literalsBuildTheMatchingCases() {
        let value: TemplateValue = ["s": "x", "b": true, "i": 3, "d": 0.5, "l": [1], "n": nil]
        #expect(value == .object([
            "s": .string("x"), "b": .bool(true), "i": .int(3), "d": .double(0.5), "l": .list([.int(1)]), "n": .null,
        ]))
    }

    @Test func subscriptFindsKeysOfObjectsOnly() {
        let value: TemplateValue = ["a": nil]
        #expect(value["a"] == .null)
        #expect(value["b"] == nil)
        #expect(TemplateValue.string("a")["a"] == nil)
    }

    @Test func interpolatedText() {
        #expect(TemplateValue.null.interpolated == "")
        #expect(TemplateValue.bool(false).interpolated == "false")
        #expect(TemplateValue.int(85).interpolated == "85")
        #expect(TemplateValue.double(1.21).interpolated == "1.21")
        #expect(TemplateValue.double(1e20).interpolated == "1e+20")
        #expect(TemplateValue.list(["a", 2]).interpolated == "a,2")
    }

    @Test func htmlEscaping() {
        #expect(HTMLEscaping.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e ' f")
        #expect(HTMLEscaping.escape("plain ünïcode") == "plain ünïcode")
    }
}
