import Foundation
import Localization
import Templating

/// Every word the templates, exercise boxes, quizzes and banners show, by key, given to templates as `ui`.
/// The reference is `Translations/en/ui.yml` (built into `openkey` by `make theme`); a course's own
/// `Translations/<lang>/ui.yml` files translate it, falling back to it key by key.
public enum UIStrings {
    /// The built-in reference catalogue.
    public static let reference: UICatalog = {
        let text = BuiltinTheme.files["ui/en.yml"].flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) } ?? ""
        return UICatalog.parse(text, language: "en", sourcePath: "Translations/en/ui.yml").0
    }()

    public static var english: [String: String] { reference.strings }

    public static func context(_ strings: [String: String]) -> TemplateValue {
        // Mustache names with dots are paths, so "audience.students" is exposed as ui.audience_students.
        .object(Dictionary(uniqueKeysWithValues: strings.map { ($0.key.replacingOccurrences(of: ".", with: "_"), TemplateValue.string($0.value)) }))
    }

    /// The titles of callout boxes in `strings`' language.
    public static func calloutTitles(_ strings: [String: String]) -> [CalloutKind: String] {
        var out = MarkdownOptions.englishTitles
        for kind in CalloutKind.allCases { if let title = strings["callout.\(kind.rawValue)"] { out[kind] = title } }
        return out
    }
}
