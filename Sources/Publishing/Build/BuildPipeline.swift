import Curriculum
import Diagnostics
import Dispatch
import Foundation
import Localization

/// `openkey build`, as a pipeline of named stages:
///
///     load → parse → check → run exercises → render → index → write
///
/// Every stage reports to one diagnostic log; the build stops before writing if any error was found,
/// so the previous site stays untouched.
public enum BuildPipeline {
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var pageCount: Int
        /// `index.html` of the written site, when one was written.
        public var index: URL?
        /// Nothing was built: the inputs and the output are as the last successful build left them.
        public var upToDate = false
        /// Only the text of some pages changed, and only the files that show it were written (see `IncrementalBuild`):
        /// how many pages were edited and how many files of the site changed.
        public var updated: (pages: Int, files: Int)? = nil
    }

    static let stageCount = 7

    public static func run(_ options: BuildOptions) -> Result {
        let log = DiagnosticLog()
        let progress = Progress(enabled: options.showProgress, timings: options.timings)
        defer { progress.finish() }
        func failed(_ pages: Int = 0) -> Result {
            Result(diagnostics: log.diagnostics, succeeded: false, pageCount: pages, index: nil)
        }

        // 0. Up to date? The stamps of every input (taken before anything is read) against the last build's.
        let stamp = options.checkOnly ? nil : BuildStamp.current(options)
        if let stamp, !options.force {
            switch stamp.compare(options) {
            case .upToDate(let pages):
                return Result(diagnostics: [], succeeded: true, pageCount: pages,
                              index: options.output.appendingPathComponent("index.html"), upToDate: true)
            case let .modified(files, snapshot, outputs):
                // Only some pages' text changed: update just what shows it, when the last build's snapshot allows.
                switch IncrementalBuild.run(options, stamp: stamp, modified: files, snapshotStamp: snapshot, outputs: outputs, progress: progress) {
                case .updated(let result): return result
                case .fullBuild(let reason): progress.note("Full build: \(reason)")
                }
            case .rebuild:
                break
            }
        }

        // 1. Load: the course folder, its translations and the theme, into values.
        progress.begin(1, of: stageCount, "Load")
        guard let full = CourseLoader.load(root: options.courseRoot, log: log),
              let theme = Theme.load(courseRoot: options.courseRoot, log: log) else { return failed() }
        let translations = TranslationLoader.load(root: options.courseRoot, course: full, builtinUI: UIStrings.reference, log: log)
        let edition = options.edition ?? full.site.defaultEdition
        let course = full.filtered(for: edition)
        let languages = SiteLanguages(site: full.site, translations: translations)

        // 2. Parse: every page's Markdown, then every translated page's, in parallel.
        let source = languages.language(full.site.sourceLanguage, states: [:])
        let rendered = parse(full, edition: edition, ui: translations.ui(for: source.code), prefix: source.prefix, progress: progress)
        let translated = parseTranslations(full, translations: translations, languages: languages, edition: edition, original: rendered)

        // 3. Check: structure, links, anchors, curriculum references; translations change text only.
        progress.begin(3, of: stageCount, "Check")
        CourseChecker.check(full, log: log)
        LinkChecker.check(course: full, rendered: rendered, log: log)
        ExerciseStage.checkReferences(rendered, courseRoot: options.courseRoot, log: log)
        for (language, pages) in translated.sorted(by: { $0.key < $1.key }) {
            guard let pack = translations.packs[language] else { continue }
            var merged = rendered
            for (id, result) in pages { merged[id] = result }
            LinkChecker.check(course: full, rendered: merged, only: Set(pages.keys), log: log)
            for (id, result) in pages.sorted(by: { $0.key < $1.key }) {
                guard let page = full.page(id: id), let text = pack.pages[id], let original = rendered[id] else { continue }
                TranslationChecker.check(text, rendered: result, original: page, originalRendered: original, log: log)
            }
        }
        if options.strict { log.promoteWarnings() }
        if log.hasErrors { return failed(course.pages.count) }

        // 4. Run exercises: reference solutions on the sample data; the values pages state must agree.
        progress.begin(4, of: stageCount, "Run exercises")
        let exercises = ExerciseStage.run(course: full, rendered: rendered, courseRoot: options.courseRoot, edition: edition,
                                          ui: translations.ui(for: source.code), siteRoot: { source.siteRoot(from: $0) }, log: log)
        if options.strict { log.promoteWarnings() }
        if log.hasErrors { return failed(course.pages.count) }

        // Figures from the sample data (cut explorers, event displays), built once for every language.
        let figures = FigureStage.build(exercises.rendered, courseRoot: options.courseRoot, log: log)
        if options.strict { log.promoteWarnings() }
        if log.hasErrors { return failed(course.pages.count) }
        var originals = exercises.rendered
        for page in course.pages {
            guard let result = originals[page.id], !result.figures.isEmpty else { continue }
            originals[page.id] = FigureStage.fill(result, figures: figures.figures, outputPath: page.outputPath,
                                                  ui: translations.ui(for: source.code), siteRoot: source.siteRoot(from: page.outputPath))
        }

        // Exercise texts in other languages, checked against the exercises they translate.
        var localizedRuns: [String: [String: ExerciseRun]] = [:]
        for code in languages.codes where code != source.code {
            localizedRuns[code] = ExerciseStage.localize(exercises.runs, texts: translations.packs[code]?.exercises ?? [:], log: log)
        }
        if options.strict { log.promoteWarnings() }
        if log.hasErrors { return failed(course.pages.count) }

        // 5. Render: every language's pages and path pages through the templates, in parallel.
        let buildDate = SiteModel.buildDate(environment: options.environment)
        var files: [OutputFile] = exercises.files + figures.files
        var sourceModel: SiteModel?
        let status = TranslationStatus.compute(course: full, translations: translations)
        var allStates: [String: [String: SiteLanguage.PageState]] = [:]
        for code in languages.codes {
            let pack = translations.packs[code]
            let statusByPage = Dictionary((status.languages.first { $0.language == code }?.pages ?? []).map { ($0.pageID, $0.state) },
                                          uniquingKeysWith: { a, _ in a })
            var states: [String: SiteLanguage.PageState] = [:]
            var pageTexts: [String: RenderedMarkdown] = [:]
            let resolver = LinkResolver(course: full, edition: edition)
            for page in course.pages {
                guard let original = originals[page.id] else { continue }
                let shown = pageText(original: original, in: code, source: source.code,
                                     translation: pack?.pages[page.id] != nil ? translated[code]?[page.id] : nil,
                                     status: statusByPage[page.id]) { result in
                    let siteRoot = languages.language(code, states: [:]).siteRoot(from: page.outputPath)
                    let filled = ExerciseStage.fill(result, outputPath: page.outputPath, runs: localizedRuns[code] ?? exercises.runs, edition: edition,
                                                    resolver: resolver, ui: translations.ui(for: code), siteRoot: siteRoot,
                                                    log: log, verify: false)
                    return FigureStage.fill(filled, figures: figures.figures, outputPath: page.outputPath,
                                            ui: translations.ui(for: code), siteRoot: siteRoot)
                }
                states[page.id] = shown.state
                pageTexts[page.id] = shown.text
            }
            allStates[code] = states
            let language = languages.language(code, states: states)
            let localized = languages.localize(course, into: code)
            let model = SiteModel(course: localized, edition: edition, rendered: pageTexts, ui: translations.ui(for: code),
                                  buildDate: buildDate, language: language)
            if code == source.code { sourceModel = model }
            var renderer = SiteRenderer(model: model, theme: theme)
            renderer.showsTranslationStatus = edition == .teacher && languages.isMultilingual
            var tree = render(renderer, progress: progress, language: code)

            // 6. Index: home page, curriculum coverage, map of paths (and, for teachers, translation status).
            progress.begin(6, of: stageCount, "Index")
            tree.append(renderer.renderHome())
            tree.append(renderer.renderMap())
            tree += localized.curricula.map(renderer.renderCurriculum)
            tree += SearchIndex.files(model: model)
            if renderer.showsTranslationStatus { tree.append(renderer.renderTranslationStatus(status)) }
            // Files pages bring (a notebook's output images) sit beside the page in every language's tree.
            for page in localized.pages.sorted(by: { $0.id < $1.id }) {
                for (path, bytes) in page.attachments.sorted(by: { $0.key < $1.key }) { tree.append(OutputFile(path: path, data: Data(bytes))) }
            }
            files += tree.map { OutputFile(path: language.prefix + $0.path, data: $0.data) }
        }
        if languages.isMultilingual, var model = sourceModel {
            model.language = .single(source.code)
            files.append(SiteRenderer(model: model, theme: theme).renderLanguageChooser(translations: translations))
        }

        // 7. Write: static files, then the atomic swap.
        progress.begin(7, of: stageCount, "Write")
        if options.checkOnly {
            return Result(diagnostics: log.diagnostics, succeeded: true, pageCount: course.pages.count, index: nil)
        }
        files += theme.assets.map { OutputFile(path: "assets/" + $0.key, data: $0.value) }
        for asset in course.assets {
            let source = options.courseRoot.appendingPathComponent("Content/" + asset)
            guard let data = FileManager.default.contents(atPath: source.path) else {
                log.emit(.error("file.unreadable", "cannot read file", at: .file("Content/" + asset)))
                continue
            }
            files.append(OutputFile(path: asset, data: data))
        }
        if log.hasErrors { return failed(course.pages.count) }
        do {
            try SiteWriter.write(files, to: options.output)
        } catch {
            log.emit(.error("build.write", error.description, at: nil,
                            hint: "choose another folder with --output, or remove that one"))
            return failed(course.pages.count)
        }
        if let stamp, log.diagnostics.isEmpty {
            // What a later edit of a few pages' text needs to update the site without this whole build.
            let snapshot = BuildSnapshot(course: full, translations: translations, edition: edition, rendered: rendered,
                                         translated: translated, states: allStates,
                                         status: edition == .teacher && languages.isMultilingual ? status : TranslationStatus(languages: []))
            stamp.record(options, pageCount: course.pages.count, snapshot: snapshot.write(options))
        } else {
            BuildStamp.forget(options)
        }
        return Result(diagnostics: log.diagnostics, succeeded: true, pageCount: course.pages.count,
                      index: options.output.appendingPathComponent("index.html"))
    }

    /// What the tree of language `code` shows for a page, and its banner state: the source language's text; a
    /// translation (current or stale), made ready by `fill`; or, untranslated, the original.
    static func pageText(original: RenderedMarkdown, in code: String, source: String, translation: RenderedMarkdown?,
                         status: TranslationStatus.State?,
                         fill: (RenderedMarkdown) -> RenderedMarkdown) -> (state: SiteLanguage.PageState?, text: RenderedMarkdown) {
        if code == source { return (nil, original) }
        guard let translation else { return (.untranslated, original) }
        return (status == .translated ? .current : .stale, fill(translation))
    }

    /// Stage 2: Markdown of every page of the course (both editions, so checks are edition-independent), or only of
    /// `only` (links still resolved against the whole course).
    static func parse(_ course: Course, only: [Page]? = nil, edition: Edition, ui: [String: String] = UIStrings.english, prefix: String = "",
                      progress: Progress) -> [String: RenderedMarkdown] {
        let pages = only ?? course.pages
        progress.begin(2, of: stageCount, "Parse", total: pages.count, unit: "pages")
        var prefixed = LinkResolver(course: course, edition: edition)
        prefixed.outputPrefix = prefix
        let resolver = prefixed
        var markdownOptions = MarkdownOptions(allowRawHTML: true, edition: edition, calloutTitles: UIStrings.calloutTitles(ui),
                                              curriculum: CurriculumLookup(registries: course.curricula))
        markdownOptions.ui = ui
        let options = markdownOptions
        let results = ConcurrentMap.map(pages) { page -> RenderedMarkdown in
            defer { progress.advance() }
            var pageOptions = options
            pageOptions.lineMap = page.lineMap
            pageOptions.generatedHTML = page.generatedHTML
            return MarkdownRenderer.render(page.body, sourcePath: page.sourcePath, firstLine: page.bodyFirstLine,
                                           outputPath: page.outputPath, resolver: resolver, options: pageOptions)
        }
        var byID: [String: RenderedMarkdown] = [:]
        for (page, result) in zip(pages, results) where byID[page.id] == nil { byID[page.id] = result }
        return byID
    }

    /// Stage 2, for translations: each translated page, rendered as untrusted Markdown (raw HTML left out) with
    /// links resolved from its original's place and its original's heading anchors. By language, then page id.
    static func parseTranslations(_ course: Course, translations: CourseTranslations, languages: SiteLanguages, edition: Edition,
                                  original: [String: RenderedMarkdown], only: Set<String>? = nil) -> [String: [String: RenderedMarkdown]] {
        var out: [String: [String: RenderedMarkdown]] = [:]
        for code in languages.codes where code != translations.sourceLanguage {
            guard let pack = translations.packs[code], !pack.pages.isEmpty else { continue }
            var prefixed = LinkResolver(course: course, edition: edition)
            prefixed.outputPrefix = languages.language(code, states: [:]).prefix
            let resolver = prefixed
            let registries = languages.curricula(of: course, in: code)
            let jobs = pack.pages.sorted { $0.key < $1.key }.filter { only?.contains($0.key) ?? true }
                .compactMap { id, text in course.page(id: id).map { ($0, text) } }
            let results = ConcurrentMap.map(jobs) { page, text -> RenderedMarkdown in
                var options = MarkdownOptions(allowRawHTML: false, edition: edition, calloutTitles: UIStrings.calloutTitles(translations.ui(for: code)),
                                              curriculum: CurriculumLookup(registries: registries))
                options.ui = translations.ui(for: code)
                options.linkBase = page.sourcePath
                options.headingAnchors = original[page.id]?.headings.map(\.anchor)
                options.lineMap = text.lineMap
                options.generatedHTML = text.generatedHTML
                return MarkdownRenderer.render(text.body, sourcePath: text.sourcePath, firstLine: text.bodyFirstLine,
                                               outputPath: page.outputPath, resolver: resolver, options: options)
            }
            out[code] = Dictionary(zip(jobs.map(\.0.id), results), uniquingKeysWith: { a, _ in a })
        }
        return out
    }

    /// Stage 5: one file per page and per path.
    static func render(_ renderer: SiteRenderer, progress: Progress, language: String = "") -> [OutputFile] {
        let course = renderer.model.course
        progress.begin(5, of: stageCount, language.isEmpty ? "Render" : "Render (\(language))", total: course.pages.count + course.paths.count, unit: "pages")
        let pages = ConcurrentMap.map(course.pages) { page -> OutputFile in
            defer { progress.advance() }
            return renderer.renderPage(page)
        }
        let paths = ConcurrentMap.map(course.paths) { path -> OutputFile in
            defer { progress.advance() }
            return renderer.renderPath(path)
        }
        return pages + paths
    }
}
