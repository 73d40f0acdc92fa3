import Curriculum
import Diagnostics
import Foundation
import Localization

/// `openkey build` after editing the text of a few pages: instead of the whole pipeline, the edited pages (and
/// their translations) are read, rendered and checked again, and only the files that show them are replaced —
/// each page in every language's tree, the search indexes and, for teachers, the translation status.
///
/// It applies only when what changed cannot reach any other file of the site, which is checked, not assumed:
/// the stamps say only Markdown pages or translated pages changed (no file added, removed or renamed, no option,
/// no program, no output touched); each page's front matter (title, summary, id, curriculum, level, duration,
/// edition) is as the last build's snapshot has it, and so are a translation's title and summary; the rendered text
/// keeps its heading anchors (other pages link to them) and its curriculum callouts (the curriculum pages list them),
/// and places no exercise or figure (those run on the sample data), nor did it before; every check a full build
/// makes of these pages passes without a single diagnostic. Otherwise — or if anything cannot be read — it returns
/// nil and the full build runs, which reports whatever there is to report. The result is the site a full build
/// makes, byte for byte (`BuildPipelineTests` compares them).
enum IncrementalBuild {
    /// The updated site's result, or why the whole site must be built.
    enum Outcome {
        case updated(BuildPipeline.Result)
        case fullBuild(because: String)
    }

    static func run(_ options: BuildOptions, stamp: BuildStamp, modified: [String], snapshotStamp: String, outputs: [String],
                    progress: Progress) -> Outcome {
        let stageCount = 4
        progress.begin(1, of: stageCount, "Load changes")
        guard !modified.isEmpty, let snapshot = BuildSnapshot.read(options, stamp: snapshotStamp) else { return .fullBuild(because: "no snapshot of the last build to update from") }
        var full = snapshot.course
        var translations = snapshot.translations
        let sourceCode = full.site.sourceLanguage
        let root = options.courseRoot

        // Which pages the modified files are: pages of Content/, or translated pages of Translations/<lang>/.
        let pagesBySource = Dictionary(full.pages.map { ($0.sourcePath, $0.id) }, uniquingKeysWith: { a, _ in a })
        var touched: [String] = []
        // Whose text changed: the original's (by page id), or a translation's (by language, then page id).
        var originalEdited = Set<String>()
        var translationEdited: [String: Set<String>] = [:]
        for file in modified {
            let parts = file.split(separator: "/", maxSplits: 2).map(String.init)
            guard file.hasSuffix(".md"), parts.count >= 2 else { return .fullBuild(because: "\(file) is not a Markdown page") }
            if parts[0] == "Content", let id = pagesBySource[file] {
                touched.append(id)
                originalEdited.insert(id)
            } else if parts[0] == "Translations", parts.count == 3, parts[1] != sourceCode,
                      let id = pagesBySource["Content/" + parts[2]], translations.packs[parts[1]]?.pages[id] != nil {
                touched.append(id)
                translationEdited[parts[1], default: []].insert(id)
            } else {
                return .fullBuild(because: "\(file) is not a page of the course or a translation of one")
            }
        }
        touched = Array(Set(touched)).sorted()

        // Read each touched page and all its translations again; the structure must be as the snapshot has it.
        for id in touched {
            guard let old = full.page(id: id), let index = full.pages.firstIndex(where: { $0.id == id }),
                  case .success(let text) = CourseLoader.readText(root.appendingPathComponent(old.sourcePath), sourcePath: old.sourcePath)
            else { return .fullBuild(because: "a page could not be read again") }
            let relative = String(old.sourcePath.dropFirst("Content/".count))
            let (parsed, diagnostics) = PageParser.parse(text, sourcePath: old.sourcePath, defaultID: String(relative.dropLast(".md".count)))
            guard diagnostics.isEmpty, let page = parsed, BuildSnapshot.withoutText(page) == old else { return .fullBuild(because: "the front matter of a page changed (or it has a problem)") }
            full.pages[index] = page
            for code in translations.packs.keys.sorted() {
                guard let before = translations.packs[code]?.pages[id] else { continue }
                guard case .success(let text) = CourseLoader.readText(root.appendingPathComponent(before.sourcePath), sourcePath: before.sourcePath)
                else { return .fullBuild(because: "a translation could not be read again") }
                let (parsed, diagnostics) = TranslatedPageParser.parse(text, language: code, sourcePath: before.sourcePath, originalPath: old.sourcePath)
                guard diagnostics.isEmpty, let translation = parsed, translation.title == before.title, translation.summary == before.summary
                else { return .fullBuild(because: "the title or summary of a translation changed (or it has a problem)") }
                translations.packs[code]?.pages[id] = translation
            }
        }

        // Render them, in every language, and compare what other pages see of them with the snapshot.
        let edition = snapshot.edition
        let course = full.filtered(for: edition)
        let languages = SiteLanguages(site: full.site, translations: translations)
        let source = languages.language(sourceCode, states: [:])
        let pages = touched.compactMap { full.page(id: $0) }
        let rendered = BuildPipeline.parse(full, only: pages, edition: edition, ui: translations.ui(for: sourceCode),
                                           prefix: source.prefix, progress: progress)
        let translated = BuildPipeline.parseTranslations(full, translations: translations, languages: languages, edition: edition,
                                                         original: rendered, only: Set(touched))
        func placesNothing(_ result: RenderedMarkdown) -> Bool { result.exercises.isEmpty && result.figures.isEmpty }
        for id in touched {
            guard let result = rendered[id], placesNothing(result), !snapshot.embedding.contains(id),
                  result.headings.map(\.anchor) == snapshot.anchors[id],
                  result.calloutObjectives.map(\.description) == snapshot.calloutObjectives[id] else { return .fullBuild(because: "a page's headings, curriculum callouts, exercises or figures changed") }
        }
        for (code, results) in translated {
            for (id, result) in results {
                guard placesNothing(result), result.headings.map(\.anchor) == snapshot.translatedAnchors[code]?[id] else { return .fullBuild(because: "a translation's headings changed, or it places exercises or figures") }
            }
        }

        // Check them as the full build does; any diagnostic at all means a full build, which reports it in context.
        progress.begin(2, of: stageCount, "Check")
        let log = DiagnosticLog()
        func placeholder(_ anchors: [String]) -> RenderedMarkdown {
            RenderedMarkdown(html: "", headings: anchors.map { Heading(level: 2, text: "", anchor: $0) }, links: [], calloutObjectives: [], diagnostics: [])
        }
        // Links may point into any page: its anchors are the snapshot's, or the fresh ones of a page read again.
        func anchors(_ id: String) -> Set<String>? { (rendered[id]?.headings.map(\.anchor) ?? snapshot.anchors[id]).map(Set.init) }
        LinkChecker.check(course: full, rendered: rendered, only: Set(touched), anchors: anchors, log: log)
        for (code, results) in translated.sorted(by: { $0.key < $1.key }) {
            guard let pack = translations.packs[code] else { continue }
            let known = snapshot.translatedAnchors[code] ?? [:]
            LinkChecker.check(course: full, rendered: results, only: Set(results.keys), anchors: { id in
                (results[id]?.headings.map(\.anchor) ?? known[id]).map(Set.init) ?? anchors(id)
            }, log: log)
            for (id, result) in results.sorted(by: { $0.key < $1.key }) {
                guard let page = full.page(id: id), let text = pack.pages[id], let original = rendered[id] else { return .fullBuild(because: "a translation's page is missing") }
                TranslationChecker.check(text, rendered: result, original: page, originalRendered: original, log: log)
            }
        }
        guard log.diagnostics.isEmpty, let theme = Theme.load(courseRoot: root, log: log), log.diagnostics.isEmpty else { return .fullBuild(because: "the edit has something to report") }

        // Render the pages in every language's tree, and replace their entries in each search index.
        progress.begin(3, of: stageCount, "Render")
        let buildDate = SiteModel.buildDate(environment: options.environment)
        // Where each touched page stands in each language now (the rest is as the last build left it).
        var touchedStatus: [String: [String: TranslationStatus.PageStatus]] = [:]
        for code in languages.codes where code != sourceCode {
            let pack = translations.packs[code] ?? LanguagePack(language: code)
            for id in touched { touchedStatus[code, default: [:]][id] = full.page(id: id).map { TranslationStatus.status(of: $0, in: pack) } }
        }
        var status = snapshot.status
        var statusChanged = false
        for index in status.languages.indices {
            let code = status.languages[index].language
            for (position, entry) in status.languages[index].pages.enumerated() where touched.contains(entry.pageID) {
                guard let now = touchedStatus[code]?[entry.pageID] else { return .fullBuild(because: "a page of the translation status is missing") }
                statusChanged = statusChanged || now != entry
                status.languages[index].pages[position] = now
            }
        }
        var states = snapshot.states
        var files: [OutputFile] = []
        let site = options.output.standardizedFileURL
        for code in languages.codes {
            var languageStates = states[code] ?? [:]
            // A page is rendered again in this tree when the text it shows here changed (the original's or this
            // language's translation), or its banner did; its search entry only when its text did.
            var shownTexts: [String: RenderedMarkdown] = [:]
            var textEdited = Set<String>()
            for id in touched where course.page(id: id) != nil {
                guard let original = rendered[id] else { return .fullBuild(because: "a page's text is missing") }
                let translation = translations.packs[code]?.pages[id] != nil ? translated[code]?[id] : nil
                let shown = BuildPipeline.pageText(original: original, in: code, source: sourceCode, translation: translation,
                                                   status: touchedStatus[code]?[id]?.state, fill: { $0 })
                let edited = translation == nil ? originalEdited.contains(id) : translationEdited[code]?.contains(id) == true
                if edited { textEdited.insert(id) }
                if edited || languageStates[id] != shown.state { shownTexts[id] = shown.text }
                languageStates[id] = shown.state
            }
            states[code] = languageStates
            let showsStatus = edition == .teacher && languages.isMultilingual && statusChanged
            guard !shownTexts.isEmpty || showsStatus else { continue }
            // Every page of the edition is in the model (paths list them); only those rendered again have their text.
            var texts = Dictionary(course.pages.map { ($0.id, placeholder([])) }, uniquingKeysWith: { a, _ in a })
            for (id, text) in shownTexts { texts[id] = text }
            let language = languages.language(code, states: languageStates)
            let localized = languages.localize(course, into: code)
            let model = SiteModel(course: localized, edition: edition, rendered: texts, ui: translations.ui(for: code),
                                  buildDate: buildDate, language: language)
            var renderer = SiteRenderer(model: model, theme: theme)
            renderer.showsTranslationStatus = edition == .teacher && languages.isMultilingual
            var entries: [String: [(page: Page, entry: String)]] = [:]
            for id in shownTexts.keys.sorted() {
                guard let page = localized.page(id: id), let text = texts[id] else { continue }
                files.append(OutputFile(path: language.prefix + page.outputPath, data: renderer.renderPage(page).data))
                if textEdited.contains(id) {
                    guard let part = SearchIndex.partPath(of: id, in: localized.pages) else { return .fullBuild(because: "a page is not in the search index") }
                    entries[part, default: []].append((page, SearchIndex.entry(page: page, rendered: text)))
                }
            }
            // Only the parts of the search index that hold an edited page are written again.
            for (part, partEntries) in entries.sorted(by: { $0.key < $1.key }) {
                let indexPath = language.prefix + part
                guard let old = SiteWriter.contents(of: site.appendingPathComponent(indexPath).path),
                      let updated = SearchIndex.replacing(partEntries, in: old) else { return .fullBuild(because: "a search index is not as the last build wrote it") }
                files.append(OutputFile(path: indexPath, data: Data(updated)))
            }
            if showsStatus {
                let page = renderer.renderTranslationStatus(status)
                files.append(OutputFile(path: language.prefix + page.path, data: page.data))
            }
        }

        // Write: the stamp goes first (an update stopped half-way means a full build next time), then the files,
        // each replaced whole, then the snapshot and the stamp of the updated site.
        progress.begin(4, of: stageCount, "Write")
        try? FileManager.default.removeItem(at: BuildStamp.file(options))
        let changed: [String]
        do {
            changed = try SiteWriter.replace(files, in: site)
        } catch {
            return .fullBuild(because: "the site could not be updated in place")
        }
        // What the snapshot holds of the pages is as checked above: only banners and the translation status can
        // differ, and only then is it written again.
        var snapshotFile: URL? = BuildSnapshot.file(options)
        if states != snapshot.states || statusChanged {
            var updated = snapshot
            updated.states = states
            updated.status = status
            snapshotFile = updated.write(options)
        }
        // The site's stamps are the last build's with those of the replaced files taken again (no walk of the site).
        var outputs = outputs
        let positions = Dictionary(outputs.enumerated().compactMap { index, line in line.lastIndex(of: "\t").map { (String(line[line.index(after: $0)...]), index) } },
                                   uniquingKeysWith: { a, _ in a })
        var known: [String]? = outputs
        for path in changed {
            guard let index = positions[path], let now = FileStamps.stamp(of: site.path + "/" + path, changeTime: false) else { known = nil; break }
            outputs[index] = now + "\t" + path
            known = outputs
        }
        stamp.record(options, pageCount: course.pages.count, snapshot: snapshotFile, outputs: known)
        return .updated(BuildPipeline.Result(diagnostics: [], succeeded: true, pageCount: course.pages.count,
                                              index: site.appendingPathComponent("index.html"), updated: (touched.count, changed.count)))
    }
}
