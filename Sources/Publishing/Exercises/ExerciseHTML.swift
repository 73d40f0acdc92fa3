import Analysis
import Curriculum
import Grading
import Plotting

/// The exercise box put into a page: what to do, the starter file, the reference plots, the values the page
/// states (checked at build time). The teacher edition adds the cut flow, the plots' data tables and the reference
/// solution; the student edition leaves out every number submissions are graded on (the plots' SVG is a drawing).
enum ExerciseHTML {
    static func render(_ run: ExerciseRun, checks: [(StatedValue, Double)], outputPath: String, edition: Edition, slot: Int,
                       teacherNotesHTML: String? = nil, ui: [String: String] = UIStrings.english, siteRoot: String? = nil) -> String {
        let e = HTML.escape
        func t(_ key: String) -> String { e(ui[key] ?? UIStrings.english[key] ?? key) }
        // Exercise files are shared by every language, at the site root.
        let root = siteRoot ?? SitePaths.root(from: outputPath)
        var out = "<section class=\"exercise\" id=\"exercise-\(e(run.id))\">\n"
        out += "<p class=\"exercise-kicker\">\(t("exercise.kicker"))</p>\n<p class=\"exercise-title\">\(e(run.title))</p>\n"
        out += "<p class=\"summary\">\(e(run.summary))</p>\n"
        if run.starter != nil {
            out += "<p class=\"exercise-files\"><a class=\"button\" href=\"\(root)exercises/\(e(run.id))/starter.ana\" download>\(t("exercise.downloadStarter"))</a>"
            out += " <span class=\"meta\">\(t("exercise.runIt")) <code>openkey run starter.ana --data DATA_FOLDER</code></span></p>\n"
        }
        out += exportsHTML(run, edition: edition, root: root, t: t)
        let result = run.result
        for index in result.histograms.indices {
            let prefix = "ex\(slot)-\(run.id)-"
            let spec = ResultPlots.spec(result, histogram: index, experimentLabel: "ATLAS Open Data", idPrefix: prefix)
            let series = ResultPlots.series(result, histogram: index)
            out += "<figure class=\"exercise-plot\">\n\(HistogramPlot.svg(spec, series: series))\n"
            // Bin contents and cut flows are what submissions are graded on: only teachers get them in the clear.
            if edition == .teacher {
                out += "<details class=\"plot-data\"><summary>\(t("exercise.dataTable"))</summary>\n\(HistogramPlot.table(spec, series: series))\n</details>\n"
            }
            out += "</figure>\n"
        }
        if edition == .teacher { out += cutflowTable(result, caption: t("exercise.cutflowCaption"), selection: t("exercise.selection")) }
        if !checks.isEmpty {
            out += "<ul class=\"exercise-stated\">\n"
            for (stated, value) in checks {
                out += "<li>\(e(String(stated.text.dropFirst("expect ".count)))) <span class=\"meta\">(\(t("exercise.referenceAnalysis")): \(e(ResultText.format(value))))</span></li>\n"
            }
            out += "</ul>\n"
        }
        let questions = run.exercise.checks.compactMap { check -> String? in
            guard case .question(let question) = check.kind else { return nil }
            return QuestionHTML.render(check, question: question, exerciseID: run.id, edition: edition, ui: ui)
        }
        if !questions.isEmpty {
            out += "<div class=\"exercise-questions\">\n" + questions.joined() + "</div>\n"
        }
        if edition == .teacher {
            out += GradingGuideHTML.render(run.exercise, teacherNotes: teacherNotesHTML, ui: ui)
            out += "<details class=\"exercise-solution\"><summary>\(t("exercise.solution"))</summary>\n"
            out += "<pre><code class=\"language-ana\">\(e(run.solution))</code></pre>\n"
            out += "<p><a href=\"\(root)exercises/\(e(run.id))/solution.ana\" download>solution.ana</a></p>\n</details>\n"
        }
        return out + "</section>"
    }

    /// "See this analysis in RDataFrame / uproot": the exported programs, highlighted and downloadable — the starter
    /// for students, the reference solution for teachers.
    static func exportsHTML(_ run: ExerciseRun, edition: Edition, root: String, t: (String) -> String) -> String {
        let analysis = edition == .teacher ? "solution" : "starter"
        let programs = run.exports.filter { $0.analysis == analysis }
        guard !programs.isEmpty else { return "" }
        let e = HTML.escape
        var out = "<details class=\"exercise-export\"><summary>\(t("exercise.export.summary"))</summary>\n"
        out += "<p>\(t(edition == .teacher ? "exercise.export.introSolution" : "exercise.export.introStarter"))</p>\n"
        for program in programs {
            let name = program.target == .uproot(dask: false) ? "uproot + awkward" : "ROOT RDataFrame"
            out += "<section class=\"export-program\">\n<p class=\"export-title\"><strong>\(e(name))</strong> · "
            out += "<a href=\"\(root)exercises/\(e(run.id))/\(e(program.fileName))\" download>\(e(program.fileName))</a>"
            out += " <span class=\"meta\">\(t("exercise.runIt")) <code>python3 \(e(program.fileName)) DATA_FOLDER</code></span></p>\n"
            out += "<pre data-export class=\"highlight highlight-python\"><code>\(CodeHighlighter.html(program.text, language: .python))</code></pre>\n</section>\n"
        }
        out += "<p class=\"meta\">\(t("exercise.export.more")) <code>openkey export \(analysis).ana --to rdataframe --distributed dask</code>, "
        out += "<code>openkey export \(analysis).ana --to uproot --dask</code></p>\n"
        return out + "</details>\n"
    }

    static func cutflowTable(_ result: AnalysisResult, caption: String = "Cut flow of the reference analysis",
                             selection: String = "Selection") -> String {
        guard let steps = result.samples.first?.cutflow.map(\.name), !steps.isEmpty else { return "" }
        let e = HTML.escape
        var out = "<div class=\"table-scroll\"><table class=\"cutflow\">\n<caption>\(caption)</caption>\n<thead><tr><th>\(selection)</th>"
        for sample in result.samples { out += "<th scope=\"col\">\(e(sample.label))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (row, name) in steps.enumerated() {
            out += "<tr><th scope=\"row\">\(e(name))</th>"
            for sample in result.samples {
                let c = sample.cutflow[row]
                let weighted = c.sumw != Double(c.events)
                out += "<td>\(c.events)\(weighted ? " <span class=\"meta\">(\(e(ResultText.format(c.sumw))))</span>" : "")</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }
}
