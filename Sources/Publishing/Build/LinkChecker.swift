import Curriculum
import Diagnostics

/// The check stage for what pages say in their text: every link and anchor resolves,
/// every curriculum reference names a known objective.
public enum LinkChecker {
    /// - Parameter only: check just these pages (a language's translations); anchors are still those of every page.
    public static func check(course: Course, rendered: [String: RenderedMarkdown], only: Set<String>? = nil, log: DiagnosticLog) {
        check(course: course, rendered: rendered, only: only, anchors: { rendered[$0].map { Set($0.headings.map(\.anchor)) } }, log: log)
    }

    /// - Parameter anchors: the heading anchors of a page by id (nil for an unknown page), asked only for the pages
    ///   links point into.
    static func check(course: Course, rendered: [String: RenderedMarkdown], only: Set<String>?, anchors: (String) -> Set<String>?,
                      log: DiagnosticLog) {
        let pathIDs = Set(course.paths.map(\.id))
        for page in course.pages where only?.contains(page.id) ?? true {
            guard let result = rendered[page.id] else { continue }
            log.emit(contentsOf: result.diagnostics)
            for ref in result.calloutObjectives { log.emit(contentsOf: CourseChecker.check(ref, in: course)) }
            for link in result.links {
                switch link.target {
                case .external, .asset:
                    continue
                case .anchor(let anchor):
                    checkAnchor(anchor, in: page.id, anchors: anchors, link: link, log: log)
                case let .page(id, anchor):
                    if let anchor { checkAnchor(anchor, in: id, anchors: anchors, link: link, log: log) }
                case .path(let id):
                    if !pathIDs.contains(id) {
                        log.emit(Diagnostic.error("link.unknown-path", "link to unknown path '\(id)'", at: link.location)
                            .suggesting(id, from: pathIDs))
                    }
                case .curriculum(let ref):
                    var located = ref
                    located.location = link.location
                    log.emit(contentsOf: CourseChecker.check(located, in: course))
                case let .invalid(message, hint):
                    log.emit(.error("link.invalid", message, at: link.location, hint: hint))
                case let .missingPage(sourcePath, _):
                    let known = course.pages.map { $0.sourcePath }
                    var d = Diagnostic.error("link.broken", "broken link '\(link.raw)': no page \(sourcePath)", at: link.location)
                    if let best = Suggestion.closest(to: sourcePath, in: known) {
                        d.notes.append(.init("did you mean '\(relative(best, from: page.sourcePath))'?", at: link.location))
                    }
                    log.emit(d)
                case .missingAsset(let path):
                    let hint = path.hasSuffix(".html") ? "link to the page's .md file; OpenKey turns it into the right .html link" : nil
                    log.emit(.error("link.broken", "broken link '\(link.raw)': no file Content/\(path)", at: link.location, hint: hint))
                }
            }
        }
    }

    static func checkAnchor(_ anchor: String, in pageID: String, anchors: (String) -> Set<String>?,
                            link: LinkReference, log: DiagnosticLog) {
        guard let known = anchors(pageID) else { return }
        // Footnote anchors are made by the Markdown renderer itself.
        if known.contains(anchor) || anchor.hasPrefix("fn-") || anchor.hasPrefix("fnref-") { return }
        var d = Diagnostic.error("link.broken-anchor", "no heading '#\(anchor)' in page '\(pageID)'", at: link.location)
        if let best = Suggestion.closest(to: anchor, in: known) ?? known.sorted().first(where: { $0.hasPrefix(anchor) }) {
            d.notes.append(.init("did you mean '#\(best)'?", at: link.location))
        }
        log.emit(d)
    }

    /// `Content/a/b.md` as written from a page in `Content/c/`: `../a/b.md`.
    static func relative(_ target: String, from source: String) -> String {
        let fromDir = source.split(separator: "/").dropLast()
        let parts = target.split(separator: "/")
        var common = 0
        while common < fromDir.count, common < parts.count - 1, fromDir[fromDir.startIndex + common] == parts[common] { common += 1 }
        return (Array(repeating: "..", count: fromDir.count - common) + parts[common...].map(String.init)).joined(separator: "/")
    }
}
