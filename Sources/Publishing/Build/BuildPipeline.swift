import Curriculum
import Diagnostics
import Dispatch
import Foundation

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
    }

    static let stageCount = 7

    public static func run(_ options: BuildOptions) -> Result {
        let log = DiagnosticLog()
        let progress = Progress(enabled: options.showProgress)
        defer { progress.finish() }
        func failed(_ pages: Int = 0) -> Result {
            Result(diagnostics: log.diagnostics, succeeded: false, pageCount: pages, index: nil)
        }

        // 1. Load: the course folder and the theme, into values.
        progress.begin(1, of: stageCount, "Load")
        guard let full = CourseLoader.load(root: options.courseRoot, log: log),
              let theme = Theme.load(courseRoot: options.courseRoot, log: log) else { return failed() }
        let edition = options.edition ?? full.site.defaultEdition
        let course = full.filtered(for: edition)

        // 2. Parse: every page's Markdown, in parallel.
        let rendered = parse(full, edition: edition, progress: progress)

        // 3. Check: structure, links, anchors, curriculum references.
        progress.begin(3, of: stageCount, "Check")
        CourseChecker.check(full, log: log)
        LinkChecker.check(course: full, rendered: rendered, log: log)
        ExerciseStage.checkReferences(rendered, courseRoot: options.courseRoot, log: log)
        if options.strict { log.promoteWarnings() }
        if log.hasErrors { return failed(course.pages.count) }

        // 4. Run exercises: reference solutions on the sample data; the values pages state must agree.
        progress.begin(4, of: stageCount, "Run exercises")
        let exercises = ExerciseStage.run(course: full, rendered: rendered, courseRoot: options.courseRoot, edition: edition, log: log)
        if options.strict { log.promoteWarnings() }
        if log.hasErrors { return failed(course.pages.count) }

        // 5. Render: pages and path pages through the templates, in parallel.
        let model = SiteModel(course: course, edition: edition, rendered: exercises.rendered.filter { course.page(id: $0.key) != nil },
                              buildDate: SiteModel.buildDate(environment: options.environment))
        let renderer = SiteRenderer(model: model, theme: theme)
        var files = render(renderer, progress: progress) + exercises.files

        // 6. Index: home page, curriculum coverage, map of paths.
        progress.begin(6, of: stageCount, "Index")
        files.append(renderer.renderHome())
        files.append(renderer.renderMap())
        files += course.curricula.map(renderer.renderCurriculum)

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
        return Result(diagnostics: log.diagnostics, succeeded: true, pageCount: course.pages.count,
                      index: options.output.appendingPathComponent("index.html"))
    }

    /// Stage 2: Markdown of every page of the course (both editions, so checks are edition-independent).
    static func parse(_ course: Course, edition: Edition, progress: Progress) -> [String: RenderedMarkdown] {
        progress.begin(2, of: stageCount, "Parse", total: course.pages.count, unit: "pages")
        let resolver = LinkResolver(course: course, edition: edition)
        let options = MarkdownOptions(allowRawHTML: true, edition: edition,
                                      curriculum: CurriculumLookup(registries: course.curricula))
        let pages = course.pages
        let results = ConcurrentMap.map(pages) { page -> RenderedMarkdown in
            defer { progress.advance() }
            return MarkdownRenderer.render(page.body, sourcePath: page.sourcePath, firstLine: page.bodyFirstLine,
                                           outputPath: page.outputPath, resolver: resolver, options: options)
        }
        var byID: [String: RenderedMarkdown] = [:]
        for (page, result) in zip(pages, results) where byID[page.id] == nil { byID[page.id] = result }
        return byID
    }

    /// Stage 5: one file per page and per path.
    static func render(_ renderer: SiteRenderer, progress: Progress) -> [OutputFile] {
        let course = renderer.model.course
        progress.begin(5, of: stageCount, "Render", total: course.pages.count + course.paths.count, unit: "pages")
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
