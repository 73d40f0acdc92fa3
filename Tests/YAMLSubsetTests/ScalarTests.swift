import Diagnostics
import Testing
@testable import YAMLSubset

@Suite struct ScalarTests {
    @Test func plainScalarTypes() {
        #expect(shape("a: true\nb: false") == "{a: true, b: false}")
        #expect(shape("a: 42\nb: -12\nc: +7\nd: 007") == "{a: 42, b: -12, c: 7, d: 7}")
        #expect(shape("a: 1.5\nb: -0.25\nc: 1e3\nd: .5\ne: 2.\nf: 1.5E-2") ==
                "{a: d(1.5), b: d(-0.25), c: d(1000.0), d: d(0.5), e: d(2.0), f: d(0.015)}")
        #expect(shape("a: null\nb: ~\nc:") == "{a: null, b: null, c: null}")
        #expect(shape("a: 6.4.2\nb: yes\nc: 20 min\nd: True\ne: NULL\nf: 1e\ng: .\nh: -x\ni: .inf") ==
                "{a: \"6.4.2\", b: \"yes\", c: \"20 min\", d: \"True\", e: \"NULL\", f: \"1e\", g: \".\", h: \"-x\", i: \".inf\"}")
    }

    @Test func hugeIntegerBecomesDouble() {
        #expect(parse("a: 123456789012345678901234")?.map?["a"]?.double == 123456789012345678901234.0)
        #expect(parse("a: 123456789012345678901234")?.map?["a"]?.string == "123456789012345678901234")
    }

    @Test func plainScalarsMayContainColonsAndHashes() {
        #expect(shape("ref: ocr-a-physics:6.4.2(d)") == "{ref: \"ocr-a-physics:6.4.2(d)\"}")
        #expect(shape("url: https://example.org/a#b") == "{url: \"https://example.org/a#b\"}")
        #expect(shape("time: 10:30") == "{time: \"10:30\"}")
        #expect(shape("c: C# and F#  # a comment") == "{c: \"C# and F#\"}")
        #expect(shape("a: x  y   ") == "{a: \"x  y\"}")
        #expect(shape("q: it's \"fine\"") == "{q: \"it's \\\"fine\\\"\"}")
    }

    @Test func rawTextIsKept() {
        let map = parse("title: 1984\nv: 1.50\nflag: true\nq: \"1984\"\nn: ~")?.map
        #expect(map?["title"]?.int == 1984)
        #expect(map?["title"]?.string == "1984")
        #expect(map?["title"]?.raw == "1984")
        #expect(map?["v"]?.string == "1.50")
        #expect(map?["v"]?.double == 1.5)
        #expect(map?["flag"]?.string == "true")
        #expect(map?["flag"]?.bool == true)
        #expect(map?["q"]?.string == "1984")
        #expect(map?["q"]?.int == nil)
        #expect(map?["n"]?.string == nil)
        #expect(map?["n"]?.isNull == true)
        #expect(map?["title"]?.double == 1984.0)
    }

    @Test func singleQuoted() {
        #expect(shape("a: 'it''s'") == "{a: \"it's\"}")
        #expect(shape("a: 'no \\n escapes: here # not a comment'") == "{a: \"no \\\\n escapes: here # not a comment\"}")
        #expect(shape("a: ''") == "{a: \"\"}")
        #expect(shape("a: 'true'") == "{a: \"true\"}")
    }

    @Test func doubleQuotedEscapes() {
        #expect(shape(#"a: "x\"y\\z\nw\tv""#) == #"{a: "x\"y\\z\nw\tv"}"#)
        #expect(parse(#"a: "caf\u00e9 \u2713""#)?.map?["a"]?.string == "café ✓")
        #expect(parse(#"a: "\uD83D\uDE00""#)?.map?["a"]?.string == "😀")
        #expect(shape(#"a: "12""#) == #"{a: "12"}"#)
        #expect(shape(#"a: "" # empty"#) == #"{a: ""}"#)
        #expect(shape(#"a: "x: y, [z] #w""#) == #"{a: "x: y, [z] #w"}"#)
    }

    @Test func unicodeColumnsAreBytes() {
        // "é" is two bytes, so the anchor after it is at byte column 9.
        #expect(errorAt("é: [a, &b]") == "1:9 yaml.anchor")
        #expect(shape("clé: «valeur»") == "{clé: \"«valeur»\"}")
    }

    @Test func scalarLocations() {
        let map = parse("a: 1\nbb:   'x'\nc:\nd: [1, \"two\"]")?.map
        #expect(at(map?["a"]?.location) == "1:4")
        #expect(at(map?["bb"]?.location) == "2:7")
        #expect(at(map?["c"]?.location) == "3:3")
        #expect(at(map?.entry("bb")?.keyLocation) == "2:1")
        #expect(at(map?["d"]?.list?[1].location) == "4:8")
    }

    @Test func rootScalars() {
        #expect(shape("hello") == "\"hello\"")
        #expect(shape("  42  # answer") == "42")
        #expect(shape("'quoted'") == "\"quoted\"")
        #expect(shape("key:value") == "\"key:value\"")
    }

    @Test func resolverGrammar() {
        #expect(ScalarResolver.isInteger(Array("-0".utf8)))
        #expect(!ScalarResolver.isInteger(Array("-".utf8)))
        #expect(!ScalarResolver.isInteger(Array("1_000".utf8)))
        #expect(ScalarResolver.isDecimal(Array("+1.5e+3".utf8)))
        #expect(!ScalarResolver.isDecimal(Array("1.5.2".utf8)))
        #expect(!ScalarResolver.isDecimal(Array("e3".utf8)))
        #expect(!ScalarResolver.isDecimal(Array("12".utf8)))
        #expect(ScalarResolver.resolve("1e999") == .string("1e999"))
    }
}
