import Diagnostics
import YAMLSubset

/// One language's user-interface strings (`Translations/<lang>/ui.yml`): every word the templates, quizzes,
/// grader feedback and banners show, by key. The source language's catalogue is the complete reference;
/// `resolved(over:)` fills the keys a translation lacks from it and says which they were.
public struct UICatalog: Sendable, Hashable {
    public var language: String
    public var strings: [String: String]
    /// Where each key is written (for "unknown key" reports); empty for the built-in catalogue.
    public var locations: [String: SourceLocation]
    public var sourcePath: String?

    public init(language: String, strings: [String: String], locations: [String: SourceLocation] = [:], sourcePath: String? = nil) {
        self.language = language
        self.strings = strings
        self.locations = locations
        self.sourcePath = sourcePath
    }

    /// Reads a catalogue: a map of keys to text. Nested maps are allowed and flatten to dotted keys
    /// (`banner:` / `  stale: …` is `banner.stale`). Pure: no file I/O.
    public static func parse(_ text: String, language: String, sourcePath: String) -> (UICatalog, [Diagnostic]) {
        var catalogue = UICatalog(language: language, strings: [:], sourcePath: sourcePath)
        let map: YAMLMap
        switch YAMLParser.parseMap(text, path: sourcePath, what: "a UI catalogue", id: "ui.type") {
        case .success(let parsed): map = parsed.0
        case .failure(let d): return (catalogue, [d])
        }
        var diagnostics: [Diagnostic] = []
        func walk(_ map: YAMLMap, prefix: String) {
            for entry in map.entries {
                let key = prefix + entry.key
                if let nested = entry.value.map {
                    walk(nested, prefix: key + ".")
                } else if let value = entry.value.string {
                    catalogue.strings[key] = value
                    catalogue.locations[key] = entry.keyLocation
                } else {
                    diagnostics.append(.error("ui.value", "the text of '\(key)' must be a string, found \(entry.value.kindName)",
                                              at: entry.value.location, hint: "write it on the same line, quoted if it contains ': '"))
                }
            }
        }
        walk(map, prefix: "")
        return (catalogue, diagnostics)
    }

    /// This catalogue completed from `reference`: missing keys take the reference's text.
    public func resolved(over reference: UICatalog) -> [String: String] {
        var out = reference.strings
        for (key, value) in strings where reference.strings[key] != nil { out[key] = value }
        return out
    }

    /// Keys of the reference this catalogue does not translate, sorted.
    public func missingKeys(comparedTo reference: UICatalog) -> [String] {
        reference.strings.keys.filter { strings[$0] == nil }.sorted()
    }

    /// Keys this catalogue has that the reference does not know (usually typos), sorted.
    public func unknownKeys(comparedTo reference: UICatalog) -> [String] {
        strings.keys.filter { reference.strings[$0] == nil }.sorted()
    }

    /// Placeholders (`{n}`) a translation dropped or invented, which would show raw braces or lose a number.
    public func placeholderProblems(comparedTo reference: UICatalog) -> [(key: String, expected: [String], found: [String])] {
        var out: [(String, [String], [String])] = []
        for key in strings.keys.sorted() {
            guard let source = reference.strings[key], let text = strings[key] else { continue }
            let expected = UICatalog.placeholders(in: source), found = UICatalog.placeholders(in: text)
            if expected != found { out.append((key, expected, found)) }
        }
        return out
    }

    static func placeholders(in text: String) -> [String] {
        var out: [String] = []
        var current: String?
        for c in text {
            if c == "{" { current = "" } else if c == "}", let name = current {
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { out.append(name) }
                current = nil
            } else if current != nil { current!.append(c) }
        }
        return out.sorted()
    }
}
