import Curriculum
import Diagnostics
import Foundation
import Grading
import Localization
import Publishing

/// The UI catalogues feedback pages are written with: the course's `Translations/<lang>/ui.yml` files, completed
/// from the reference. Without a course folder, only the built-in source catalogue.
struct FeedbackLanguages: Sendable {
    let translations: CourseTranslations?
    let languages: Set<String>

    init(course root: URL?) {
        let log = DiagnosticLog()
        if let root, let course = CourseLoader.load(root: root, log: log) {
            translations = TranslationLoader.load(root: root, course: course, builtinUI: UIStrings.reference, log: log)
            languages = Set(course.site.languages)
        } else {
            translations = nil
            languages = []
        }
    }

    var source: String { translations?.sourceLanguage ?? UIStrings.reference.language }

    func knows(_ language: String) -> Bool { language == source || languages.contains(language) }

    func ui(for language: String) -> [String: String] { translations?.ui(for: language) ?? UIStrings.english }

    /// `exercise` in `language`, where the course translates it (`Translations/<lang>/exercises/<id>.yml`).
    func exercise(_ exercise: Exercise, in language: String) -> (Exercise, [Diagnostic]) {
        guard let file = translations?.packs[language]?.exercises[exercise.id] else { return (exercise, []) }
        return ExerciseTranslation.apply(file.text, sourcePath: file.sourcePath, to: exercise)
    }
}
