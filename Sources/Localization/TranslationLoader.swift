import Curriculum
import Diagnostics
import Foundation

/// The loading edge for `Translations/`: reads every configured language's folder against the loaded source course.
/// Files are matched to the source by their path: `Translations/es/foundations/leptons.md` translates
/// `Content/foundations/leptons.md`, `Translations/es/paths/x.yml` the path `x`, `Translations/es/ui.yml` the UI.
public enum TranslationLoader {
    public static func load(root: URL, course: Course, builtinUI: UICatalog, log: DiagnosticLog) -> CourseTranslations {
        let folder = root.appendingPathComponent("Translations")
        let source = course.site.sourceLanguage
        var reference = builtinUI
        reference.language = source
        if let (catalogue, diagnostics) = readCatalogue(folder: folder, language: source, log: log) {
            log.emit(contentsOf: diagnostics)
            for (key, value) in catalogue.strings { reference.strings[key] = value }
            for (key, location) in catalogue.locations { reference.locations[key] = location }
            reference.sourcePath = catalogue.sourcePath
        } else if source != builtinUI.language {
            log.emit(.warning("ui.no-reference",
                              "the source language '\(source)' has no UI catalogue: the interface is shown in the built-in \(builtinUI.language) strings",
                              at: .file("Translations/\(source)/ui.yml"),
                              hint: "translate Translations/\(builtinUI.language)/ui.yml from OpenKey's own course into Translations/\(source)/ui.yml"))
        }
        var translations = CourseTranslations(sourceLanguage: source, reference: reference)
        let pagesBySource = Dictionary(course.pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { a, _ in a })
        let pathsByID = Dictionary(course.paths.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let registriesByID = Dictionary(course.curricula.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        for language in course.site.languages where language != source {
            var pack = LanguagePack(language: language)
            let base = folder.appendingPathComponent(language)
            /// The page a translated file (page or notebook) translates, or a located error.
            func original(_ originalPath: String, of sourcePath: String) -> Page? {
                if let page = pagesBySource[originalPath] { return page }
                log.emit(Diagnostic.error("translation.orphan", "translation of a page that does not exist: \(originalPath)",
                                          at: .file(sourcePath),
                                          hint: "a translation has the same path under Translations/\(language)/ as its page under Content/")
                    .suggesting(originalPath, from: pagesBySource.keys))
                return nil
            }
            let files = CourseLoader.listFiles(under: base)
            // Translated pages are read and parsed on all cores first, then taken in file order below.
            let pageFiles = files.filter { $0.hasSuffix(".md") && !$0.hasPrefix("paths/") && !$0.hasPrefix("curricula/") && !$0.hasPrefix("exercises/") }
            let parsedPages = Dictionary(uniqueKeysWithValues: zip(pageFiles, ConcurrentMap.map(pageFiles) { relative
                -> Result<(TranslatedPage?, [Diagnostic]), Diagnostic> in
                let sourcePath = "Translations/\(language)/\(relative)"
                return CourseLoader.readText(base.appendingPathComponent(relative), sourcePath: sourcePath).map { text in
                    TranslatedPageParser.parse(text, language: language, sourcePath: sourcePath, originalPath: "Content/" + relative)
                }
            }))
            for relative in files {
                let sourcePath = "Translations/\(language)/\(relative)"
                if let result = parsedPages[relative] {
                    let parsed: (TranslatedPage?, [Diagnostic])
                    switch result {
                    case .failure(let problem): log.emit(problem); continue
                    case .success(let value): parsed = value
                    }
                    guard let page = original("Content/" + relative, of: sourcePath) else { continue }
                    log.emit(contentsOf: parsed.1)
                    if let translated = parsed.0 { pack.pages[page.id] = translated }
                    continue
                }
                guard let text = read(base.appendingPathComponent(relative), sourcePath: sourcePath, log: log) else { continue }
                if relative == "ui.yml" {
                    let (catalogue, diagnostics) = UICatalog.parse(text, language: language, sourcePath: sourcePath)
                    log.emit(contentsOf: diagnostics)
                    pack.ui = catalogue
                } else if relative.hasPrefix("paths/"), relative.hasSuffix(".yml") {
                    let id = String(relative.dropFirst("paths/".count).dropLast(".yml".count))
                    guard let original = pathsByID[id] else {
                        log.emit(Diagnostic.error("translation.orphan", "translation of an unknown path '\(id)'", at: .file(sourcePath),
                                                  hint: "its file name must be the id of a path in Content/paths/")
                            .suggesting(id, from: pathsByID.keys))
                        continue
                    }
                    let (path, diagnostics) = PathTranslationParser.parse(text, sourcePath: sourcePath, original: original)
                    log.emit(contentsOf: diagnostics)
                    if let path { pack.paths[id] = path }
                } else if relative.hasPrefix("curricula/"), relative.hasSuffix(".yml") {
                    let id = String(relative.dropFirst("curricula/".count).dropLast(".yml".count))
                    guard let original = registriesByID[id] else {
                        log.emit(Diagnostic.error("translation.orphan", "translation of an unknown curriculum '\(id)'", at: .file(sourcePath))
                            .suggesting(id, from: registriesByID.keys))
                        continue
                    }
                    let (registry, diagnostics) = CurriculumTranslationParser.parse(text, sourcePath: sourcePath, original: original)
                    log.emit(contentsOf: diagnostics)
                    if let registry { pack.curricula[id] = registry }
                } else if relative.hasPrefix("exercises/"), relative.hasSuffix(".yml"), !relative.dropFirst("exercises/".count).contains("/") {
                    pack.exercises[String(relative.dropFirst("exercises/".count).dropLast(".yml".count))] = (sourcePath, text)
                } else if relative.hasSuffix(".ipynb") {
                    // A translated notebook is a translated page; its stamp lives in the notebook's metadata.
                    let originalPath = "Content/" + relative
                    guard let page = original(originalPath, of: sourcePath) else { continue }
                    let bytes = Array(text.utf8)
                    let (parsed, diagnostics) = NotebookParser.parse(bytes, sourcePath: sourcePath, defaultID: page.id, contentPath: originalPath)
                    log.emit(contentsOf: diagnostics)
                    guard let notebook = parsed else { continue }
                    let stamp = NotebookParser.stamp(bytes, path: sourcePath)
                    var translated = TranslatedPage(language: language, sourcePath: sourcePath, originalPath: originalPath,
                                                    title: notebook.title, summary: notebook.summary, body: notebook.body,
                                                    bodyFirstLine: 1, translationOf: stamp.hash, translationOfLocation: .file(sourcePath),
                                                    sourceSections: stamp.sections)
                    translated.lineMap = notebook.lineMap
                    translated.attachments = notebook.attachments
                    translated.generatedHTML = notebook.generatedHTML
                    pack.pages[page.id] = translated
                } else if relative.hasSuffix(".md") {
                    let originalPath = "Content/" + relative
                    guard let page = original(originalPath, of: sourcePath) else { continue }
                    let (translated, diagnostics) = TranslatedPageParser.parse(text, language: language, sourcePath: sourcePath,
                                                                               originalPath: originalPath)
                    log.emit(contentsOf: diagnostics)
                    if let translated { pack.pages[page.id] = translated }
                } else {
                    log.emit(.warning("translation.unused-file", "this file is not used: translations are pages (.md, .ipynb), paths/*.yml, curricula/*.yml, exercises/*.yml and ui.yml",
                                      at: .file(sourcePath)))
                }
            }
            if let catalogue = pack.ui {
                for key in catalogue.unknownKeys(comparedTo: reference) {
                    log.emit(Diagnostic.warning("ui.unknown-key", "unknown UI key '\(key)'", at: catalogue.locations[key] ?? .file(catalogue.sourcePath ?? ""),
                                                hint: "the keys are those of \(reference.sourcePath ?? "the built-in catalogue")")
                        .suggesting(key, from: reference.strings.keys))
                }
                for problem in catalogue.placeholderProblems(comparedTo: reference) {
                    let expected = problem.expected.map { "{\($0)}" }.joined(separator: ", ")
                    log.emit(.warning("ui.placeholder", "'\(problem.key)' should contain \(expected.isEmpty ? "no placeholders" : expected)",
                                      at: catalogue.locations[problem.key] ?? .file(catalogue.sourcePath ?? ""),
                                      hint: "placeholders in braces are replaced by numbers; keep them as in the original"))
                }
            }
            let missing = pack.ui.map { $0.missingKeys(comparedTo: reference) } ?? reference.strings.keys.sorted()
            if !missing.isEmpty {
                let shown = missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? ", …" : "")
                log.emit(.warning("ui.missing-keys", "\(missing.count) UI string\(missing.count == 1 ? "" : "s") not translated into '\(language)' (shown in '\(source)'): \(shown)",
                                  at: .file("Translations/\(language)/ui.yml"),
                                  hint: "openkey translations --lang \(language) lists them all"))
            }
            translations.packs[language] = pack
        }
        // Folders for languages the site does not build are probably a forgotten line in site.yml.
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in present.sorted() where !name.hasPrefix(".") && !course.site.languages.contains(name) {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir), isDir.boolValue else { continue }
            log.emit(.warning("translation.unbuilt-language", "Translations/\(name)/ is not built: '\(name)' is not in the languages of Content/site.yml",
                              at: .file("Content/site.yml"), hint: "add it: languages: [\((course.site.languages + [name]).joined(separator: ", "))]"))
        }
        return translations
    }

    static func readCatalogue(folder: URL, language: String, log: DiagnosticLog) -> (UICatalog, [Diagnostic])? {
        let sourcePath = "Translations/\(language)/ui.yml"
        let url = folder.appendingPathComponent(language).appendingPathComponent("ui.yml")
        guard FileManager.default.fileExists(atPath: url.path), let text = read(url, sourcePath: sourcePath, log: log) else { return nil }
        return UICatalog.parse(text, language: language, sourcePath: sourcePath)
    }

    static func read(_ url: URL, sourcePath: String, log: DiagnosticLog) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.emit(.error("file.unreadable", "cannot read file", at: .file(sourcePath)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.emit(.error("file.encoding", "file is not valid UTF-8", at: .file(sourcePath), hint: "save the file as UTF-8 in your editor"))
            return nil
        }
        return text
    }
}
