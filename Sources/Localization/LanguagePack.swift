import Foundation
import Curriculum

/// Everything translated into one language: its UI catalogue, pages, paths and curriculum statements.
public struct LanguagePack: Sendable {
    public var language: String
    public var ui: UICatalog?
    /// Translated pages by the id of the page they translate.
    public var pages: [String: TranslatedPage] = [:]
    /// Paths with their text translated, by id.
    public var paths: [String: LearningPath] = [:]
    /// Registries with their text translated, by id.
    public var curricula: [String: CurriculumRegistry] = [:]
    /// Exercise texts (`exercises/<id>.yml`) by exercise id, unparsed: the grader's parser reads them against the
    /// exercise they translate. Values: the file's path (for messages) and its text.
    public var exercises: [String: (sourcePath: String, text: String)] = [:]

    public init(language: String) { self.language = language }
}

/// The translations of a course: the reference UI catalogue (source language) and one pack per other language.
public struct CourseTranslations: Sendable {
    public var sourceLanguage: String
    /// The complete catalogue of the source language: the built-in strings completed by `Translations/<source>/ui.yml`.
    public var reference: UICatalog { didSet { resolved = ResolvedUI() } }
    public var packs: [String: LanguagePack] { didSet { resolved = ResolvedUI() } }
    /// `ui(for:)` by language, computed once (the build asks for it for every page).
    private var resolved = ResolvedUI()

    public init(sourceLanguage: String, reference: UICatalog, packs: [String: LanguagePack] = [:]) {
        self.sourceLanguage = sourceLanguage
        self.reference = reference
        self.packs = packs
    }

    /// The UI strings of `language`, complete: its own, then the reference's for the keys it lacks.
    public func ui(for language: String) -> [String: String] {
        guard language != sourceLanguage, let catalogue = packs[language]?.ui else { return reference.strings }
        return resolved.strings(for: language) { catalogue.resolved(over: reference) }
    }

    /// Language name (endonym) for switchers: the catalogue's `language.name`, else the code.
    public func name(of language: String) -> String {
        let strings = language == sourceLanguage ? reference.strings : packs[language]?.ui?.strings
        return strings?["language.name"] ?? language
    }
}

/// The resolved UI strings of each language, shared by copies of one `CourseTranslations` (replaced whenever its
/// catalogues change).
private final class ResolvedUI: @unchecked Sendable {
    private let lock = NSLock()
    private var byLanguage: [String: [String: String]] = [:]

    func strings(for language: String, _ make: () -> [String: String]) -> [String: String] {
        lock.lock(); defer { lock.unlock() }
        if let known = byLanguage[language] { return known }
        let made = make()
        byLanguage[language] = made
        return made
    }
}
