import Analysis
import Diagnostics

/// What a student handed in, as far as grading cares.
public enum Submission: Sendable {
    /// Their `.ana` analysis, run on the exercise's data.
    case analysis(AnalysisResult)
    /// Numbers typed into an answers file (for students who used other tools).
    case answers(AnswersFile)
    /// A submission that could not be read, checked or run: analysis checks score 0 with these errors.
    case failed([Diagnostic])
}

/// The submission's numbers for one check, whichever form they came in.
extension Submission {
    /// Events (and sums of weights, when known) after each filter.
    func cutflow(sample: String, isDefault: Bool) -> (events: [Int], sumw: [Double]?)? {
        switch self {
        case .analysis(let result):
            guard let s = result.samples.first(where: { $0.name == sample }) else { return nil }
            return (s.cutflow.map(\.events), s.cutflow.map(\.sumw))
        case .answers(let file):
            return file.cutflows.first { $0.matches(sample, isDefault: isDefault) }.map { ($0.events, nil) }
        case .failed:
            return nil
        }
    }

    /// A histogram's edges, sums of weights and sums of squared weights. An answers file has no
    /// squared weights: its bins are taken as counts, with variance equal to the content.
    func histogram(_ name: String, sample: String, isDefault: Bool) -> HistogramResult? {
        switch self {
        case .analysis(let result):
            return result.samples.first { $0.name == sample }?.histograms.first { $0.name == name }
        case .answers(let file):
            guard let h = file.histograms.first(where: { $0.name == name && $0.matches(sample, isDefault: isDefault) }) else { return nil }
            var histogram = HistogramResult(name: name, edges: file.edges[name]?.values ?? [])
            histogram.sumw = h.values
            histogram.sumw2 = h.values.map { Swift.abs($0) }
            return histogram
        case .failed:
            return nil
        }
    }

    /// A reported value by name.
    func value(_ name: String, sample: String, isDefault: Bool) -> Double? {
        switch self {
        case .analysis(let result):
            return result.samples.first { $0.name == sample }?.reports.first { $0.name == name }?.value
        case .answers(let file):
            return file.values.first { $0.name == name && $0.matches(sample, isDefault: isDefault) }?.values
        case .failed:
            return nil
        }
    }

    /// The answer to a question, as typed.
    func answer(_ id: String) -> String? {
        if case .answers(let file) = self { return file.questions.first { $0.id == id }?.answer }
        return nil
    }
}
