import Analysis
import Curriculum
import Diagnostics
import Foundation
import Plotting

/// A figure built from the sample data, ready to be placed in pages of any language.
enum BuiltFigure: Sendable {
    case explorer(ExplorerBuilder.Built)
    case eventDisplay(EventDisplayBuilder.Built)
}

/// The "build figures" stage: every cut explorer and event display of the course is built once (by name; a page's
/// translations reuse it), its data files written at the site root, and each page's slots filled in its language.
enum FigureStage {
    static func build(_ rendered: [String: RenderedMarkdown], courseRoot: URL, log: DiagnosticLog) -> (figures: [String: BuiltFigure], files: [OutputFile]) {
        var unique: [String: FigureEmbed] = [:]
        for id in rendered.keys.sorted() {
            for embed in rendered[id]?.figures ?? [] {
                if let other = unique[embed.id] {
                    if other.kind != embed.kind || other.source != embed.source {
                        log.emit(.error("figure.duplicate", "two different figures are named '\(embed.id)'", at: embed.location,
                                        notes: [.init("the other one is here", at: other.location)], hint: "give each its own name"))
                    }
                    continue
                }
                unique[embed.id] = embed
            }
        }
        guard !unique.isEmpty else { return ([:], []) }
        let dataDirectory = courseRoot.appendingPathComponent("Exercises/data")
        let budget = Budget(timeLimit: 120)
        let embeds = unique.values.sorted { $0.id < $1.id }
        let results = ConcurrentMap.map(embeds) { embed -> Result<BuiltFigure, ExerciseFailure> in
            switch embed.kind {
            case .explorer: return ExplorerBuilder.build(embed, dataDirectory: dataDirectory, budget: budget).map(BuiltFigure.explorer)
            case .eventDisplay: return EventDisplayBuilder.build(embed, dataDirectory: dataDirectory, budget: budget).map(BuiltFigure.eventDisplay)
            }
        }
        var figures: [String: BuiltFigure] = [:]
        var files: [OutputFile] = []
        for (embed, result) in zip(embeds, results) {
            switch result {
            case .failure(let failure): log.emit(contentsOf: failure.diagnostics)
            case .success(let figure):
                figures[embed.id] = figure
                if case .explorer(let built) = figure { files.append(built.dataFile) }
            }
        }
        return (figures, files)
    }

    /// The page with its figure slots filled in (in the language of `ui`).
    static func fill(_ page: RenderedMarkdown, figures: [String: BuiltFigure], outputPath: String, ui: [String: String],
                     siteRoot: String?) -> RenderedMarkdown {
        guard !page.figures.isEmpty else { return page }
        var result = page
        let root = siteRoot ?? SitePaths.root(from: outputPath)
        var scriptIncluded = false
        for (index, embed) in page.figures.enumerated() {
            var html = ""
            switch figures[embed.id] {
            case .explorer(let built)?:
                html = explorerHTML(built, root: root, ui: ui, includeScript: !scriptIncluded)
                scriptIncluded = true
            case .eventDisplay(let built)?:
                html = eventDisplayHTML(built, ui: ui)
            case nil:
                html = ""   // its problems are reported already
            }
            result.html = result.html.replacingOccurrences(of: RenderedMarkdown.figureMarker(index), with: html)
        }
        return result
    }

    static let explorerKeys = ["reset", "cuts", "copy", "copied", "sample", "events", "expected", "data", "background", "signal",
                               "significance", "show-all", "only", "lower", "upper", "no-cuts", "undefined", "all", "preselection"]

    static func explorerHTML(_ built: ExplorerBuilder.Built, root: String, ui: [String: String], includeScript: Bool) -> String {
        let e = HTML.escape
        func t(_ key: String) -> String { ui["explorer." + key] ?? UIStrings.english["explorer." + key] ?? key }
        let strings = "{" + explorerKeys.map { "\(ResultJSON.quoteString($0)):\(ResultJSON.quoteString(t($0)))" }.joined(separator: ",") + "}"
        var out = "<figure class=\"explorer-figure\">\n"
        if includeScript { out += "<link rel=\"stylesheet\" href=\"\(root)assets/explorer.css\">\n" }
        out += "<p class=\"explorer-intro\">\(e(t("intro")))</p>\n"
        out += "<div class=\"explorer\" id=\"explorer-\(e(built.id))\" data-explorer=\"\(e(built.id))\" data-strings=\"\(e(strings))\" "
        out += "data-missing=\"\(e(t("missing")))\" data-broken=\"\(e(t("broken")))\"><noscript><p>\(e(t("noscript")))</p></noscript></div>\n"
        out += "<script src=\"\(root)explorer-data/\(e(built.id)).js\"></script>\n"
        if includeScript { out += "<script src=\"\(root)assets/explorer.js\"></script>\n" }
        return out + "</figure>"
    }

    static func eventDisplayHTML(_ built: EventDisplayBuilder.Built, ui: [String: String]) -> String {
        let labels = EventDisplayLabels(ui: ui)
        let e = HTML.escape
        var out = ""
        for (k, event) in built.events.enumerated() {
            let id = "evd-\(built.id)-\(k + 1)"
            var subtitle = ui["evd.subtitle"] ?? UIStrings.english["evd.subtitle"] ?? ""
            for (key, value) in [("run", event.run.map(String.init) ?? "–"), ("event", event.event.map(String.init) ?? "–"),
                                 ("file", event.file), ("entry", String(event.entry))] {
                subtitle = subtitle.replacingOccurrences(of: "{\(key)}", with: value)
            }
            out += "<figure class=\"event-display\" id=\"\(e(id))\">\n"
            out += "<div class=\"evd-drawing\">\(EventDisplayRenderer.svg(event.display, id: id, labels: labels))</div>\n"
            out += "<figcaption><strong>\(e(event.display.title))</strong> <span class=\"meta\">\(e(subtitle))</span></figcaption>\n"
            out += "<div class=\"table-scroll\">\(EventDisplayRenderer.tableHTML(event.display, id: id, labels: labels))</div>\n</figure>\n"
        }
        return out
    }
}

extension EventDisplayLabels {
    /// The labels in the language of a UI catalogue (`evd.*` keys), English where a key is missing.
    init(ui: [String: String]) {
        self.init()
        func t(_ key: String, _ fallback: String) -> String { ui["evd." + key] ?? UIStrings.english["evd." + key] ?? fallback }
        transverseView = t("transverseView", transverseView); longitudinalView = t("longitudinalView", longitudinalView)
        legendCaption = t("legendCaption", legendCaption)
        electron = t("electron", electron); electrons = t("electrons", electrons); muon = t("muon", muon); muons = t("muons", muons)
        photon = t("photon", photon); photons = t("photons", photons); jet = t("jet", jet); jets = t("jets", jets)
        missingET = t("missingET", missingET); tableCaption = t("tableCaption", tableCaption); object = t("object", object)
        pt = t("pt", pt); eta = t("eta", eta); phi = t("phi", phi); charge = t("charge", charge)
        objectTitle = t("objectTitle", objectTitle); missingETTitle = t("missingETTitle", missingETTitle)
        objectsSentence = t("objectsSentence", objectsSentence); oneObjectSentence = t("oneObjectSentence", oneObjectSentence)
        noObjectsSentence = t("noObjectsSentence", noObjectsSentence); groupClause = t("groupClause", groupClause)
        missingETClause = t("missingETClause", missingETClause); skippedClause = t("skippedClause", skippedClause)
    }
}
