import CCmarkGFM
import Curriculum
import Diagnostics
import Foundation
import Grading

/// The bridge to cmark-gfm, and the only file that imports it. Parses a page's Markdown, rewrites its links
/// to site-relative URLs, gives headings anchor ids, turns `> [!kind]` block quotes into callouts, and renders HTML.
/// Every C resource is freed in the scope that made it.
public enum MarkdownRenderer {
    private static let extensionsRegistered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// cmark-gfm keeps the "special characters" of inline extensions (`~` for strikethrough, …) in one process-wide
    /// table: attaching an extension to a parser adds them and freeing the parser removes them. Two pages parsed at
    /// once could thus lose `~~strikethrough~~` at random. Parsing and freeing parsers are therefore serialised;
    /// rewriting and rendering the tree (most of the work) still run in parallel.
    private static let parserLock = NSLock()

    public static func render(_ markdown: String, sourcePath: String, firstLine: Int, outputPath: String,
                              resolver: LinkResolver, options: MarkdownOptions) -> RenderedMarkdown {
        _ = extensionsRegistered
        var cmarkOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if options.allowRawHTML { cmarkOptions |= CMARK_OPT_UNSAFE }
        parserLock.lock()
        guard let parser = cmark_parser_new(cmarkOptions) else {
            parserLock.unlock()
            return RenderedMarkdown(html: "", headings: [], links: [], calloutObjectives: [], diagnostics: [])
        }
        defer {
            parserLock.lock()
            cmark_parser_free(parser)
            parserLock.unlock()
        }
        var extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
        if options.allowRawHTML { extensionNames.append("tagfilter") }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        // Formulas become MathML placeholders first, so cmark never reads TeX as Markdown.
        let (prepared, math) = MathSpans.extract(markdown)
        prepared.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        let finished = cmark_parser_finish(parser)
        parserLock.unlock()
        guard let document = finished else {
            return RenderedMarkdown(html: "", headings: [], links: [], calloutObjectives: [], diagnostics: [])
        }
        defer { cmark_node_free(document) }

        var walker = TreeWalker(sourcePath: sourcePath, firstLine: firstLine, outputPath: outputPath,
                                resolver: resolver, options: options)
        walker.transform(document)

        guard let cString = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: [], links: [], calloutObjectives: [], diagnostics: walker.diagnostics)
        }
        defer { free(cString) }
        var html = math.insert(into: insertHeadingIDs(String(cString: cString), headings: walker.headings))
        if html.utf8.contains(3) { html = insertGenerated(html, options.generatedHTML) }  // bytes: Foundation's contains is slow
        let mathProblems = math.problems.map { problem in
            Diagnostic.error("markdown.math", problem.message,
                             at: SourceLocation(path: sourcePath, line: firstLine + problem.line, column: problem.column), hint: problem.hint)
        }
        var headings = walker.headings
        for index in headings.indices where headings[index].text.utf8.contains(2) {
            headings[index].text = headings[index].text.split(separator: "\u{2}").filter { !$0.hasPrefix("M") || Int($0.dropFirst()) == nil }.joined()
        }
        var result = RenderedMarkdown(html: html, headings: headings, links: walker.links,
                                      calloutObjectives: walker.calloutObjectives, diagnostics: walker.diagnostics + mathProblems,
                                      exercises: walker.exercises)
        result.questions = walker.questions
        result.figures = walker.figures
        if let map = options.lineMap { result.relocate(map, firstLine: firstLine) }
        return result
    }
}

extension MarkdownRenderer {
    /// Replaces the marker lines of generated HTML (alone in a paragraph) by their HTML; stray markers are removed.
    static func insertGenerated(_ html: String, _ generated: [String]) -> String {
        var out = html
        for (index, markup) in generated.enumerated() {
            let marker = NotebookParser.marker(index)
            out = out.replacingOccurrences(of: "<p>\(marker)</p>", with: markup).replacingOccurrences(of: marker, with: "")
        }
        return out.replacingOccurrences(of: "\u{3}", with: "")
    }

    /// Replaces each `<hN>` + marker with `<hN id="anchor">` in one pass over the HTML (text between markers is
    /// copied in blocks).
    static func insertHeadingIDs(_ html: String, headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var out = [UInt8]()
        out.reserveCapacity(html.utf8.count + headings.count * 32)
        var html = html
        html.withUTF8 { bytes in
            var copied = 0, i = 0
            while i < bytes.count {
                // "<hN>" followed by U+0001 digits U+0001
                guard bytes[i] == 1, i >= 4, bytes[i - 1] == UInt8(ascii: ">"), bytes[i - 4] == UInt8(ascii: "<") else { i += 1; continue }
                var j = i + 1
                var index = 0
                while j < bytes.count, (48...57).contains(bytes[j]) { index = index * 10 + Int(bytes[j] - 48); j += 1 }
                guard j < bytes.count, bytes[j] == 1, headings.indices.contains(index) else { i += 1; continue }
                out.append(contentsOf: bytes[copied..<(i - 1)])
                out.append(contentsOf: " id=\"\(headings[index].anchor)\">".utf8)
                i = j + 1
                copied = i
            }
            out.append(contentsOf: bytes[copied...])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Walks and rewrites one cmark document. Collects first, then mutates, so no iterator sees a changed tree.
private struct TreeWalker {
    let sourcePath: String
    let firstLine: Int
    let outputPath: String
    let resolver: LinkResolver
    let options: MarkdownOptions
    var headings: [Heading] = []
    var links: [LinkReference] = []
    var calloutObjectives: [ObjectiveReference] = []
    var diagnostics: [Diagnostic] = []
    var exercises: [ExerciseEmbed] = []
    var questions: [Question] = []
    var figures: [FigureEmbed] = []
    var slugger = Slugger()

    init(sourcePath: String, firstLine: Int, outputPath: String, resolver: LinkResolver, options: MarkdownOptions) {
        self.sourcePath = sourcePath
        self.firstLine = firstLine
        self.outputPath = outputPath
        self.resolver = resolver
        self.options = options
    }

    /// A marker put at the start of each heading and replaced by its id after rendering; U+0001 cannot come from the source.
    static func marker(_ index: Int) -> String { "\u{1}\(index)\u{1}" }

    func location(_ node: OpaquePointer, columnOffset: Int = 0) -> SourceLocation {
        SourceLocation(path: sourcePath, line: firstLine + Int(cmark_node_get_start_line(node)) - 1,
                       column: Int(cmark_node_get_start_column(node)) + columnOffset)
    }

    mutating func transform(_ document: OpaquePointer) {
        // The page header already shows the title: a leading `# Title` would repeat it.
        if let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
           cmark_node_get_heading_level(first) == 1 {
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        var headingNodes: [OpaquePointer] = [], linkNodes: [OpaquePointer] = []
        var quoteNodes: [OpaquePointer] = [], htmlNodes: [OpaquePointer] = [], codeNodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkNodes.append(node)
            case CMARK_NODE_BLOCK_QUOTE: quoteNodes.append(node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: htmlNodes.append(node)
            case CMARK_NODE_CODE_BLOCK: codeNodes.append(node)
            default: break
            }
        }
        for node in headingNodes { anchorHeading(node) }
        for node in linkNodes { rewriteLink(node) }
        if !options.allowRawHTML {
            for node in htmlNodes {
                diagnostics.append(.warning("markdown.raw-html", "raw HTML is not allowed in translated pages: it is left out of the page",
                                            at: location(node), hint: "use Markdown instead"))
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
        for node in quoteNodes.reversed() { makeCallout(node) }
        for node in codeNodes where !placeExercise(node) && !placeQuestion(node) && !placeFigure(node) { highlight(node) }
    }

    // MARK: - Questions

    /// A ```question block becomes a question form (checked in the page, answer key hashed in the student edition).
    /// - Returns: whether the block was a question (and is gone from the tree).
    mutating func placeQuestion(_ node: OpaquePointer) -> Bool {
        guard let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }),
              info.split(separator: " ").first == "question" else { return false }
        let at = location(node)
        let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let number = questions.count + 1
        let (parsed, problems) = PageQuestionParser.parse(text, path: at.path, firstLine: at.line + 1, id: "q\(number)")
        diagnostics += problems
        guard let check = parsed, !problems.contains(where: { $0.severity == .error }), case .question(let question) = check.kind,
              let slot = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return false }
        questions.append(question)
        let page = String(outputPath.dropLast(".html".count)).replacingOccurrences(of: "/", with: "-")
        let ui = options.ui.isEmpty ? UIStrings.english : options.ui
        cmark_node_set_on_enter(slot, "<div class=\"page-question\">\n" + QuestionHTML.render(check, question: question, exerciseID: page,
                                                                                             edition: options.edition, ui: ui) + "</div>\n")
        cmark_node_set_on_exit(slot, "")
        cmark_node_insert_before(node, slot)
        cmark_node_unlink(node)
        cmark_node_free(node)
        return true
    }

    // MARK: - Code

    /// A fenced block in a language OpenKey highlights becomes pre-rendered HTML.
    mutating func highlight(_ node: OpaquePointer) {
        guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
              let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }),
              let language = CodeHighlighter.language(forInfo: info),
              let html = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let markup = "<pre class=\"highlight highlight-\(language.rawValue)\"><code class=\"language-\(language.rawValue)\">"
            + CodeHighlighter.html(code, language: language) + "</code></pre>\n"
        // A custom block (not raw HTML), so translated pages, rendered without raw HTML, keep it too.
        cmark_node_set_on_enter(html, markup)
        cmark_node_set_on_exit(html, "")
        cmark_node_insert_before(node, html)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    // MARK: - Exercises

    /// A fenced block whose info string is `exercise ID` becomes a slot for the exercise; its lines are `expect` lines.
    /// - Returns: whether the block was an exercise slot (and is gone from the tree).
    @discardableResult
    mutating func placeExercise(_ node: OpaquePointer) -> Bool {
        guard let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }), info.hasPrefix("exercise") else { return false }
        let words = info.split(separator: " ", omittingEmptySubsequences: true)
        guard words.first == "exercise" else { return false }
        let at = location(node)
        guard words.count == 2 else {
            diagnostics.append(.error("exercise.embed", "an exercise block names one exercise: ```exercise ID", at: at,
                                      hint: "the ID is the exercise's folder name in Exercises/"))
            return false
        }
        let body = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        var expectations: [StatedValue] = []
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            let lineLocation = SourceLocation(path: at.path, line: at.line + 1 + offset, column: 1)
            switch StatedValue.parse(text, at: lineLocation) {
            case .success(let value): expectations.append(value)
            case .failure(let d): diagnostics.append(d)
            }
        }
        guard let slot = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return false }
        cmark_node_set_on_enter(slot, RenderedMarkdown.exerciseMarker(exercises.count))
        exercises.append(ExerciseEmbed(id: String(words[1]), expectations: expectations, location: at))
        cmark_node_insert_before(node, slot)
        cmark_node_unlink(node)
        cmark_node_free(node)
        return true
    }

    /// A fenced block whose info string is `explorer ID` or `event-display ID` becomes a slot for that figure.
    /// - Returns: whether the block was a figure (and is gone from the tree).
    mutating func placeFigure(_ node: OpaquePointer) -> Bool {
        guard let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }) else { return false }
        let words = info.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, let kind = FigureEmbed.Kind(rawValue: String(first)) else { return false }
        let at = location(node)
        guard words.count == 2, words[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), words[1].count <= 60 else {
            diagnostics.append(.error("figure.embed", "a \(kind.rawValue) block needs one name: ```\(kind.rawValue) NAME", at: at,
                                      hint: "a name of letters, digits and '-', unique in the course, e.g. ```\(kind.rawValue) z-boson"))
            return false
        }
        guard let slot = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return false }
        cmark_node_set_on_enter(slot, RenderedMarkdown.figureMarker(figures.count))
        let body = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        figures.append(FigureEmbed(kind: kind, id: String(words[1]), source: body, location: at))
        cmark_node_insert_before(node, slot)
        cmark_node_unlink(node)
        cmark_node_free(node)
        return true
    }

    // MARK: - Headings

    mutating func anchorHeading(_ node: OpaquePointer) {
        let text = TreeWalker.plainText(node).trimmingCharacters(in: .whitespaces)
        let index = headings.count
        let anchor = options.headingAnchors.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? slugger.slug(for: text)
        headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: anchor))
        guard let marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(marker, TreeWalker.marker(index))
        if cmark_node_prepend_child(node, marker) == 0 { cmark_node_free(marker) }
    }

    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            let type = cmark_node_get_type(c)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(c) {
                out += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            } else {
                out += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return out
    }

    // MARK: - Links

    mutating func rewriteLink(_ node: OpaquePointer) {
        let raw = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let (target, href) = resolver.resolve(raw, fromSource: options.linkBase ?? sourcePath, fromOutput: outputPath)
        links.append(LinkReference(target: target, raw: raw, location: location(node)))
        if let href {
            cmark_node_set_url(node, href)
        } else if cmark_node_get_type(node) == CMARK_NODE_LINK {
            // Keep the words, drop the link (its target is not part of this edition, or is broken and reported).
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    // MARK: - Callouts

    mutating func makeCallout(_ quote: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first) else { return }
        let text = String(cString: literal)
        let firstLineText = String(text.prefix { $0 != "\n" })
        guard let parsed = CalloutKind.parse(firstLine: firstLineText) else { return }
        let kind: CalloutKind, rest: String
        switch parsed {
        case .failure(let unknown):
            diagnostics.append(Diagnostic.error("markdown.unknown-callout", "unknown callout '[!\(unknown.name)]'", at: location(first),
                                                hint: "use one of: \(CalloutKind.allCases.map { "[!\($0.rawValue)]" }.joined(separator: ", "))")
                .suggesting(unknown.name, from: CalloutKind.allCases.map(\.rawValue)))
            return
        case .success(let value): (kind, rest) = value
        }
        var objectivesHTML = ""
        if kind == .curriculum {
            objectivesHTML = curriculumItems(rest, in: text, node: first)
        }
        // Remove the marker line: the first text node and everything up to the first line break.
        var node: OpaquePointer? = first
        while let current = node {
            let type = cmark_node_get_type(current)
            node = cmark_node_next(current)
            cmark_node_unlink(current)
            cmark_node_free(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { break }
        }
        if cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        if kind == .teacher && options.edition != .teacher {
            cmark_node_unlink(quote)
            cmark_node_free(quote)
            return
        }
        let label = options.calloutTitles[kind] ?? kind.rawValue
        let title = kind == .curriculum || rest.isEmpty ? label : rest
        guard let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        let opening = "<aside class=\"callout callout-\(kind.rawValue)\">\n<p class=\"callout-title\">\(HTML.escape(title))</p>\n" + objectivesHTML
        cmark_node_set_on_enter(box, opening)
        cmark_node_set_on_exit(box, "</aside>")
        while let child = cmark_node_first_child(quote) {
            cmark_node_unlink(child)
            cmark_node_append_child(box, child)
        }
        cmark_node_insert_before(quote, box)
        cmark_node_unlink(quote)
        cmark_node_free(quote)
    }

    /// Reads the objective references after `[!curriculum]`, records them with exact columns, and lists them in HTML.
    mutating func curriculumItems(_ rest: String, in text: String, node: OpaquePointer) -> String {
        var items: [String] = []
        let bytes = Array(text.utf8)
        let restStart = (text.range(of: rest).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }) ?? 0
        var offset = restStart
        for token in rest.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let tokenBytes = Array(token.utf8)
            while offset + tokenBytes.count <= bytes.count, Array(bytes[offset..<offset + tokenBytes.count]) != tokenBytes { offset += 1 }
            let at = location(node, columnOffset: offset)
            offset += tokenBytes.count
            guard let ref = ObjectiveReference(parsing: String(token), at: at), let code = ref.code else {
                diagnostics.append(.error("curriculum.bad-reference", "'\(token)' is not an objective reference", at: at,
                                          hint: "write registry:code, e.g. ocr-a-physics:6.4.2(d)"))
                continue
            }
            calloutObjectives.append(ref)
            let href = SitePaths.relative(from: outputPath, to: "curricula/\(ref.registry).html") + "#" + CurriculumRegistry.anchor(for: code)
            let entry = options.curriculum[ref]
            let name = HTML.escape("\(entry?.registryTitle ?? ref.registry) \(code)")
            let statement = entry.map { " — " + HTML.escape($0.statement) } ?? ""
            items.append("<li><a href=\"\(HTML.escape(href))\">\(name)</a>\(statement)</li>")
        }
        if items.isEmpty {
            diagnostics.append(.error("curriculum.empty-callout", "a curriculum callout names no objective", at: location(node),
                                      hint: "write > [!curriculum] registry:code"))
            return ""
        }
        return "<ul class=\"callout-objectives\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }
}
