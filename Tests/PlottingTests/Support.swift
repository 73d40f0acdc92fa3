import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Where this test target's golden files live.
enum TestPaths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = here.appendingPathComponent("Golden")
}

/// Golden-file comparison: `RECORD_GOLDEN=1` rewrites the file and fails the test, so nothing is re-recorded silently.
enum Golden {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = TestPaths.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record("re-recorded golden file \(name); run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("missing golden file \(name); record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("golden file \(name) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, numbered, `-` expected and `+` actual.
    static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            if i < e.count { out.append("\(i + 1) - \(e[i])") }
            if i < a.count { out.append("\(i + 1) + \(a[i])") }
            if out.count > 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}

/// Parses output with Foundation's XMLParser (libxml2 on Linux) and keeps what the tests look at.
final class XMLDocumentCheck: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private(set) var text: [String: String] = [:]
    private var open: [String] = []
    private(set) var error: String?

    /// Parses `xml`; `nil` means well-formed.
    static func parse(_ xml: String) -> XMLDocumentCheck {
        let check = XMLDocumentCheck()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = check
        if !parser.parse() {
            check.error = parser.parserError.map { "\($0)" } ?? "parse failed"
        }
        return check
    }

    var isWellFormed: Bool { error == nil }
    var ids: [String] { elements.compactMap { $0.attributes["id"] } }
    var root: Element? { elements.first }
    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributes))
        open.append(elementName)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { text[current, default: ""] += string }
    }
}
