import Diagnostics
import Testing
@testable import YAMLSubset

/// Every error id, with the exact line and column it points at.
@Suite struct ErrorTests {
    @Test func tabs() {
        #expect(errorAt("a:\n\tb: 1") == "2:1 yaml.tab")
        #expect(errorAt("a:\n  \tb: 1") == "2:3 yaml.tab")
        #expect(errorAt("-\tx") == "1:2 yaml.tab")
        #expect(errorAt("- \tx") == "1:3 yaml.tab")
        let d = failure("a: 1\nb:\n  c: 2\n  \td: 3")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:4:3: error: tab character used for indentation [yaml.tab]
            hint: indent with spaces only
        """)
    }

    @Test func duplicateKeyPointsAtBoth() {
        let d = failure("title: A\nlevel: 1\ntitle: B")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:3:1: error: duplicate key 'title' in this map [yaml.duplicate-key]
        f.yml:1:1: note: 'title' is first defined here
            hint: each key may appear only once in a map; remove or rename one of them
        """)
        #expect(errorAt("- a: 1\n  b: 2\n  'a': 3") == "3:3 yaml.duplicate-key")
        // The same key in different maps is fine.
        #expect(shape("x:\n  a: 1\ny:\n  a: 2") == "{x: {a: 1}, y: {a: 2}}")
    }

    @Test func anchorsAliasesTags() {
        #expect(errorAt("a: &anchor value") == "1:4 yaml.anchor")
        #expect(errorAt("a: *ref") == "1:4 yaml.alias")
        #expect(errorAt("a: !!str 12") == "1:4 yaml.tag")
        #expect(errorAt("- &x\n  b: 1") == "1:3 yaml.anchor")
        #expect(errorAt("&k key: 1") == "1:1 yaml.anchor")
        #expect(errorAt("a:\n  - !tag x") == "2:5 yaml.tag")
        // Inside a value they are ordinary characters.
        #expect(shape("a: R&D *and* wow!") == "{a: \"R&D *and* wow!\"}")
    }

    @Test func reservedAndComplexKeys() {
        #expect(errorAt("a: @home") == "1:4 yaml.reserved")
        #expect(errorAt("a: `x`") == "1:4 yaml.reserved")
        #expect(errorAt("%YAML 1.2") == "1:1 yaml.reserved")
        #expect(errorAt("? complex\n: value") == "1:1 yaml.complex-key")
        #expect(errorAt("a: 1\n: orphan") == "2:1 yaml.syntax")
    }

    @Test func flowMaps() {
        #expect(errorAt("a:\n  - {x: 1}") == "2:5 yaml.flow-map")
        #expect(errorAt("{a: 1}") == "1:1 yaml.flow-map")
    }

    @Test func documentMarkers() {
        #expect(errorAt("---\na: 1") == "1:1 yaml.document-marker")
        #expect(errorAt("a: 1\n...") == "2:1 yaml.document-marker")
        #expect(errorAt("a: 1\n--- # next") == "2:1 yaml.document-marker")
        #expect(errorAt("t: |\n  text\n---\n") == "3:1 yaml.document-marker")
        // Not markers: dashes inside values, or more than three.
        #expect(shape("a: ---\nb: ...") == "{a: \"---\", b: \"...\"}")
    }

    @Test func indentation() {
        #expect(errorAt("a:\n    b: 1\n  c: 2") == "3:3 yaml.indentation")
        #expect(errorAt("a: 1\n b: 2") == "2:2 yaml.indentation")
        #expect(errorAt("- a\n - b") == "2:2 yaml.indentation")
        #expect(errorAt("- a: 1\n b: 2") == "2:2 yaml.indentation")
        #expect(errorAt("- a: 1\n   b: 2") == "2:4 yaml.indentation")
        #expect(errorAt("  a: 1\nb: 2") == "2:1 yaml.indentation")
        #expect(errorAt("a:\n  - x\n    - y") == "3:5 yaml.indentation")
        #expect(errorAt("a: [x]\n  b") == "2:3 yaml.indentation")
        let d = failure("a:\n    b: 1\n  c: 2")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:3:3: error: bad indentation: this line is at column 3, but the keys of the map it would belong to \
        are at column 1 [yaml.indentation]
            hint: the keys of one map, and the '- ' of one list, must start at the same column
        """)
    }

    @Test func valueAfterNestedBlock() {
        #expect(errorAt("a:\n  b: 1\n  - c") == "3:3 yaml.syntax")
        #expect(errorAt("a:\n  - b\n  c") == "3:3 yaml.syntax")
        #expect(errorAt("- a\n- b\nc") == "3:1 yaml.syntax")
        #expect(errorAt("- a\nb: 1") == "2:1 yaml.syntax")
        #expect(errorAt("a: 1\n- b") == "2:1 yaml.syntax")
    }

    @Test func missingColon() {
        #expect(errorAt("a: 1\njust words") == "2:1 yaml.missing-colon")
        let d = failure("a: 1\nkey:value")
        #expect(d?.id == "yaml.missing-colon")
        #expect(d?.hint == "put a space after the colon")
        #expect(errorAt("a:\n  b: 1\n  oops # comment: x") == "3:3 yaml.missing-colon")
        #expect(errorAt("a: 1\n\"quoted\"") == "2:1 yaml.missing-colon")
    }

    @Test func unterminatedStrings() {
        #expect(errorAt("a: \"open") == "1:4 yaml.unterminated-string")
        #expect(errorAt("a: 'open") == "1:4 yaml.unterminated-string")
        #expect(errorAt("a: 'it's'") == "1:8 yaml.syntax")
        #expect(errorAt("a: \"ends with backslash\\") == "1:4 yaml.unterminated-string")
        #expect(errorAt("\"key: 1") == "1:1 yaml.unterminated-string")
        #expect(errorAt("a: 1\n\"key: 1") == "2:1 yaml.unterminated-string")
        #expect(errorAt("a: \"x\"y") == "1:7 yaml.syntax")
        #expect(errorAt("a: \"x\"# no space") == "1:7 yaml.syntax")
    }

    @Test func badEscapes() {
        #expect(errorAt(#"a: "C:\path""#) == "1:7 yaml.bad-escape")
        #expect(errorAt(#"a: "\u12""#) == "1:5 yaml.bad-escape")
        #expect(errorAt(#"a: "\uD800 alone""#) == "1:5 yaml.bad-escape")
        #expect(errorAt(#"a: "\uDC00""#) == "1:5 yaml.bad-escape")
        #expect(errorAt(#"a: "ok \x41""#) == "1:8 yaml.bad-escape")
        // A Windows path: '\t' is a valid escape, '\U' is not.
        #expect(shape(#"a: "C:\temp""#) == #"{a: "C:\temp"}"#)
        let d = failure(#"path: "C:\Users""#)
        #expect(d.map(DiagnosticFormatter.format) == #"""
        f.yml:1:10: error: unknown escape '\U' in a double-quoted string [yaml.bad-escape]
            hint: double-quoted strings accept \" \\ \n \t \uXXXX; in single quotes a backslash is literal
        """#)
    }

    @Test func multiline() {
        #expect(errorAt("title: A long\n  title") == "2:3 yaml.multiline")
        #expect(errorAt("- item\n  more") == "2:3 yaml.multiline")
        #expect(errorAt("hello\nworld") == "2:1 yaml.multiline")
        #expect(errorAt("a: \"starts here\n  ends here\"") == "1:4 yaml.multiline")
        #expect(errorAt("a: 'starts\n\n   ends'") == "1:4 yaml.multiline")
        let d = failure("summary: Teachers often\n  write long text")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:2:3: error: this line continues the value on line 1; a value can't span several lines [yaml.multiline]
            hint: put the value on one line, or use a block scalar (| or >)
        """)
    }

    @Test func syntax() {
        #expect(errorAt("a: b: c") == "1:5 yaml.syntax")
        #expect(errorAt("a: b:") == "1:5 yaml.syntax")
        #expect(errorAt("a: - x") == "1:4 yaml.syntax")
        #expect(errorAt("a: ]") == "1:4 yaml.syntax")
        #expect(errorAt("a: , x") == "1:4 yaml.syntax")
        #expect(errorAt("a: 1\nb: 2\n  c: 3") == "3:3 yaml.indentation")
        #expect(errorAt("a: \"x\": y") == "1:7 yaml.syntax")
        #expect(errorAt("hello\nkey: value") == "2:1 yaml.syntax")
    }

    @Test func colonInValueHasQuoteHint() {
        let d = failure("title: Energy: the basics")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:1:14: error: unexpected ': ' inside a value [yaml.syntax]
            hint: put the value in quotes when it contains ': '
        """)
    }

    @Test func tooDeep() {
        let open = String(repeating: "[", count: 5000)
        #expect(errorAt("a: " + open) == "1:103 yaml.too-deep")
        let dashes = String(repeating: "- ", count: 5000) + "x"
        #expect(failure(dashes)?.id == "yaml.too-deep")
        var nested = ""
        for level in 0..<200 { nested += String(repeating: " ", count: level) + "k:\n" }
        #expect(failure(nested)?.id == "yaml.too-deep")
        // 100 levels are fine.
        #expect(parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) != nil)
    }

    @Test func firstLineOffsetsLocations() {
        let d = failure("a: 1\nb: &x", firstLine: 2)
        #expect(at(d?.location) == "3:4")
        #expect(d?.location?.path == "f.yml")
    }
}
