import Analysis
import Diagnostics
import Foundation
import Grading
import Plotting

/// `openkey check EXERCISE SUBMISSION`: a student's self-check. Prints every check with pass/fail, points,
/// feedback and hints.
enum CheckExerciseCommand {
    /// For every histogram check: the student's histogram (points) over the reference's (filled), one SVG each.
    static func plots(_ opened: ExerciseFolder, submission: URL, displayPath: String, into dir: URL) -> [String] {
        guard submission.pathExtension.lowercased() == "ana",
              let text = FileManager.default.contents(atPath: submission.path).flatMap({ String(data: $0, encoding: .utf8) }),
              case .success(let mine) = ExerciseRunner.run(analysisText: text, path: displayPath, dataDirectory: opened.dataDirectory,
                                                          budget: Budget(timeLimit: 120)) else { return [] }
        var written: [String] = []
        for check in opened.exercise.checks {
            guard case .histogram(let name, _, _) = check.kind,
                  let r = opened.reference.histograms.firstIndex(where: { $0.name == name }),
                  let m = mine.histograms.firstIndex(where: { $0.name == name }),
                  mine.histograms[m].edges == opened.reference.histograms[r].edges else { continue }
            let sample = check.sample ?? opened.reference.samples.first?.name ?? ""
            guard let ref = opened.reference.samples.first(where: { $0.name == sample }),
                  let own = mine.samples.first(where: { $0.name == sample }) ?? mine.samples.first else { continue }
            let info = opened.reference.histograms[r]
            let spec = PlotSpec(id: check.id, title: "\(check.title): yours and the reference", xLabel: info.xLabel, yLabel: info.yLabel,
                                edges: info.edges, logY: info.logY, experimentLabel: nil, subLabel: nil)
            let series = [PlotSeries(label: "Reference", role: .background, sumw: ref.histograms[r].sumw, sumw2: ref.histograms[r].sumw2),
                          PlotSeries(label: "Your analysis", role: .data, sumw: own.histograms[m].sumw, sumw2: own.histograms[m].sumw2)]
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent("\(check.id).svg")
            if (try? Data(HistogramPlot.svg(spec, series: series).utf8).write(to: file, options: .atomic)) != nil { written.append(file.path) }
        }
        return written
    }

    static func run(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folderPath = args.positionals[0], submissionPath = args.positionals[1]
        let folder = URL(fileURLWithPath: folderPath, relativeTo: cwd).standardizedFileURL
        let data = args.options["--data"].map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        let opened: ExerciseFolder
        switch ExerciseFolder.open(folder, displayPath: folderPath, data: data) {
        case .failure(let failure):
            stderr(DiagnosticFormatter.format(failure.diagnostics))
            stderr("openkey: cannot check against this exercise")
            return 1
        case .success(let value): opened = value
        }
        let submission = URL(fileURLWithPath: submissionPath, relativeTo: cwd).standardizedFileURL
        guard FileManager.default.fileExists(atPath: submission.path) else {
            stderr("openkey: error: no file \(submissionPath)")
            return 1
        }
        let grade = opened.grade(submission, displayPath: submissionPath, budget: Budget(timeLimit: 120))
        stdout(grade.text)
        if let plotDir = args.options["--plot"] {
            let dir = URL(fileURLWithPath: plotDir, relativeTo: cwd).standardizedFileURL
            let written = plots(opened, submission: submission, displayPath: submissionPath, into: dir)
            stdout(written.isEmpty ? "No histogram to plot (the submission did not run, or has none of the exercise's histograms)."
                                   : "Plots of your histograms over the reference: " + written.joined(separator: ", "))
        }
        return 0
    }
}
