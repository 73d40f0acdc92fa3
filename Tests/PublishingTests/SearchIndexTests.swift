import Foundation
@testable import Publishing
import Testing

@Suite struct SearchIndexTests {
    @Test func jsonStringsAreSafeInAScript() throws {
        let text = "a \"quote\", a \\ backslash, </script>, line\nbreak, tab\t, \u{2028}\u{2029}, \u{1}, café, 日本, →"
        let literal = SearchIndex.json(text)
        #expect(!literal.contains("</script>"))
        #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}"))
        #expect(literal.contains("\\u003c/script>"))
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test func plainTextDropsMarkupAndKeepsWords() {
        let html = "<h2 id=\"x\">Title &amp; more</h2>\n<p>Mass <math><mi>m</mi></math> of <em>Z</em>.</p><svg><text>axis</text></svg><script>var a = 1;</script>\n<p>&lt;tag&gt; &quot;q&quot;</p>"
        #expect(SearchIndex.plainText(html) == "Title & more Mass of Z . <tag> \"q\"")
    }
}
