@testable import Plotting
import Testing

@Suite struct EscapingTests {
    @Test func textEscapesMarkupAndDropsCharactersXMLForbids() {
        #expect(XMLEscaping.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(XMLEscaping.escape("bell\u{07}\u{0}null\u{FFFE}") == "bellnull")
        #expect(XMLEscaping.escape("two\nlines") == "two lines")
        #expect(XMLEscaping.escape("m_ℓℓ ⁻¹") == "m_ℓℓ ⁻¹")
    }

    @Test func identifiersAreXMLNames() {
        #expect(XMLEscaping.identifier("mll") == "mll")
        #expect(XMLEscaping.identifier("m ll/\"x\"") == "m-ll--x-")
        #expect(XMLEscaping.identifier("2jets") == "plot-2jets")
        #expect(XMLEscaping.identifier("") == "plot")
        #expect(XMLEscaping.identifier("ℓℓ") == "plot---")
    }

    @Test func onlyHarmlessColoursAreAccepted() {
        #expect(XMLEscaping.cssColor(" #4477AA ") == "#4477AA")
        #expect(XMLEscaping.cssColor("rgb(10, 20, 30)") == "rgb(10, 20, 30)")
        #expect(XMLEscaping.cssColor("steelblue") == "steelblue")
        #expect(XMLEscaping.cssColor("red\" onload=\"x") == nil)
        #expect(XMLEscaping.cssColor("url(#evil)") == nil)
        #expect(XMLEscaping.cssColor("red;stroke:blue") == nil)
        #expect(XMLEscaping.cssColor("") == nil)
    }
}
