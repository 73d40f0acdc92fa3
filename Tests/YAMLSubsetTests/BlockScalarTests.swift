import Diagnostics
import Testing
@testable import YAMLSubset

@Suite struct BlockScalarTests {
    @Test func literalKeepsLineBreaks() {
        let text = """
        summary: |
          First line.
            Indented line.

          After a blank line.
        next: 1
        """
        #expect(shape(text) == "{summary: \"First line.\\n  Indented line.\\n\\nAfter a blank line.\\n\", next: 1}")
        #expect(at(parse(text)?.map?["summary"]?.location) == "1:10")
    }

    @Test func foldedJoinsLines() {
        let text = """
        summary: >
          Energy is conserved
          in closed systems.

          New paragraph
          here.
            code kept
          back to text

        """
        #expect(shape(text) ==
                "{summary: \"Energy is conserved in closed systems.\\nNew paragraph here.\\n  code kept\\nback to text\\n\"}")
    }

    @Test func chomping() {
        let body = "\n  a\n  b\n\n\nnext: 1"
        #expect(shape("t: |" + body) == "{t: \"a\\nb\\n\", next: 1}")
        #expect(shape("t: |-" + body) == "{t: \"a\\nb\", next: 1}")
        #expect(shape("t: |+" + body) == "{t: \"a\\nb\\n\\n\\n\", next: 1}")
        #expect(shape("t: >-" + body) == "{t: \"a b\", next: 1}")
        #expect(shape("t: >+\n  a\n\n") == "{t: \"a\\n\\n\"}")
        #expect(shape("t: |-  # comment\n  x") == "{t: \"x\"}")
    }

    @Test func contentKeepsCommentsQuotesAndColons() {
        let text = "t: |\n  # not a comment\n  key: value\n  \"quoted\" [x] - y &z\n\tindented?\n"
        // The tab line is less indented than the content and ends the block; as a structural
        // line its tab is an error.
        #expect(errorAt(text) == "5:1 yaml.tab")
        #expect(shape("t: |\n  # not a comment\n  key: value\n  \"q\" [x] - y &z\n") ==
                "{t: \"# not a comment\\nkey: value\\n\\\"q\\\" [x] - y &z\\n\"}")
        #expect(shape("t: |\n  a\tb\n  \tc\n") == "{t: \"a\\tb\\n\\tc\\n\"}")
    }

    @Test func emptyBlockScalar() {
        #expect(shape("t: |\n") == "{t: \"\"}")
        #expect(shape("a:\n  t: |\nb: 1") == "{a: {t: \"\"}, b: 1}")
        #expect(shape("t: |+\n\n\n") == "{t: \"\\n\\n\"}")
    }

    @Test func whitespaceOnlyLinesAreEmpty() {
        #expect(shape("t: |\n  a\n      \n  b\n   \n") == "{t: \"a\\n\\nb\\n\"}")
    }

    @Test func blockScalarsInLists() {
        #expect(shape("- |\n  one\n  two\n- >\n  three\n  four\n- x") ==
                "[\"one\\ntwo\\n\", \"three four\\n\", \"x\"]")
        #expect(shape("- text: |\n    body\n  after: 1") == "[{text: \"body\\n\", after: 1}]")
    }

    @Test func rootBlockScalar() {
        #expect(shape("|\n  a\n  b\n") == "\"a\\nb\\n\"")
        #expect(shape(">\n root text\n at column two\n") == "\"root text at column two\\n\"")
        #expect(errorAt(">\ntitle: not text") == "2:1 yaml.indentation")
    }

    @Test func finalLineBreakOnlyIfPresent() {
        // As in YAML: clip and keep preserve the last line break, which is absent at the end of
        // a file that does not end with one.
        #expect(shape("t: |\n  a\n  b") == "{t: \"a\\nb\"}")
        #expect(shape("t: |+\n  a") == "{t: \"a\"}")
        #expect(shape("t: >\n  a\n  b\n") == "{t: \"a b\\n\"}")
        #expect(shape("- |\n  a\n- b") == "[\"a\\n\", \"b\"]")
    }

    @Test func blockScalarErrors() {
        #expect(errorAt("t: |2\n  x") == "1:5 yaml.syntax")
        #expect(errorAt("t: | text") == "1:6 yaml.syntax")
        #expect(errorAt("t: |x") == "1:5 yaml.syntax")
        #expect(errorAt("t: |\n    a\n  b") == "3:3 yaml.indentation")
        #expect(errorAt("t: |\ntext at the key's column") == "2:1 yaml.indentation")
        #expect(errorAt("- |\n- next") == "2:1 yaml.indentation")
    }

    @Test func unindentedTextFormatsHelpfully() {
        let d = failure("summary: >\nNote: this is the text")
        #expect(d.map(DiagnosticFormatter.format) == """
        f.yml:2:1: error: the text of a block scalar must be indented more than its key [yaml.indentation]
            hint: indent the text under the key; for an empty value write ""
        """)
    }
}
