import Diagnostics
import YAMLSubset

/// Reads `Content/site.yml`. Pure: no file I/O.
public enum SiteConfigParser {
    static let fields = ["title", "source-language", "languages", "default-edition"]

    public static func parse(_ text: String, sourcePath: String) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let map: YAMLMap, node: YAMLNode
        switch YAMLParser.parseMap(text, path: sourcePath, what: "site.yml", id: "site.type") {
        case .success(let parsed): (map, node) = parsed
        case .failure(let d): return (nil, [d])
        }
        let context = "site.yml"
        diagnostics += map.unknownKeys(allowed: fields, in: context)
        let title = map.requiredString("title", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let source = map.optionalString("source-language", context: context, diagnostics: &diagnostics) ?? "en"
        var languages = (map.optionalStringList("languages", context: context, diagnostics: &diagnostics) ?? []).map(\.0)
        if languages.isEmpty { languages = [source] }
        if !languages.contains(source) {
            diagnostics.append(.error("site.source-language", "the source language '\(source)' is not in 'languages'",
                                      at: map["languages"]?.location ?? node.location))
        }
        var edition = Edition.student
        if let text = map.optionalString("default-edition", context: context, diagnostics: &diagnostics),
           let entry = map.entry("default-edition") {
            if let e = Edition(rawValue: text) { edition = e } else {
                diagnostics.append(Diagnostic.error("field.edition", "unknown edition '\(text)'", at: entry.value.location,
                                                    hint: "use student or teacher")
                    .suggesting(text, from: Edition.allCases.map(\.rawValue)))
            }
        }
        guard let title else { return (nil, diagnostics) }
        return (SiteConfig(title: title, sourceLanguage: source, languages: languages, defaultEdition: edition), diagnostics)
    }
}
