import Analysis

/// Grades a histogram check: same binning, then χ²/ndf = Σ (s − r)² / (σ²ₛ + σ²ᵣ) ÷ bins used,
/// where σ² are the sums of squared weights; bins empty in both are skipped. A bin "disagrees"
/// when it differs by more than 2σ.
enum Histograms {
    static func grade(_ subject: Subject, expected: HistogramResult, info: AnalysisResult.HistogramInfo,
                      maxChi2PerNDF: Double, mistakes: [Check.Mistake], into grade: Grade.CheckGrade) -> Grade.CheckGrade {
        var grade = grade
        guard let got = subject.submission.histogram(expected.name, sample: subject.sample.name, isDefault: subject.isDefault) else {
            return subject.missing(grade, "no histogram '\(expected.name)' for sample '\(subject.sample.name)'")
        }
        guard sameEdges(got.edges, expected.edges), got.sumw.count == expected.sumw.count else {
            grade.details = [GradingText.current("grader.binningDetails", ["yours": describe(got.edges), "reference": describe(expected.edges)])]
            let binning = GradingText.current("grader.binning", ["reference": describe(expected.edges)])
            return subject.failed(grade, hint: [binning, mistakeHint(got, mistakes)].compactMap { $0 }.joined(separator: " "))
        }
        // The shape test alone would pass an empty or badly scaled histogram when the reference has few events:
        // the totals must agree too (within 5σ).
        let total = got.sumw.reduce(0, +), reference = expected.sumw.reduce(0, +)
        let totalSigma = (got.sumw2.reduce(0, +) + expected.sumw2.reduce(0, +)).squareRoot()
        if reference != 0 && (total == 0 || abs(total - reference) > 5 * max(totalSigma, 1e-12)) {
            grade.details = [GradingText.current("grader.totalDetails", ["yours": NumberText.short(total), "reference": NumberText.short(reference)])
                + (got.overflow > total ? "; " + GradingText.current("grader.overflowDetails") : "")]
            let units = got.overflow > total ? GradingText.current("grader.units") : nil
            return subject.failed(grade, hint: [mistakeHint(got, mistakes), units].compactMap { $0 }.first)
        }
        var chi2 = 0.0
        var ndf = 0
        var disagreeing: [Int] = []
        for bin in expected.sumw.indices {
            let s = got.sumw[bin], r = expected.sumw[bin]
            if s == 0 && r == 0 { continue }
            let variance = got.sumw2[bin] + expected.sumw2[bin]
            let term = variance > 0 ? (s - r) * (s - r) / variance : (s == r ? 0 : .infinity)
            chi2 += term
            ndf += 1
            if term > 4 { disagreeing.append(bin) }
        }
        let perNDF = ndf > 0 ? chi2 / Double(ndf) : 0
        grade.details = ["χ²/ndf = \(NumberText.short(perNDF)) (ndf \(ndf), pass ≤ \(NumberText.short(maxChi2PerNDF)))"]
        if !disagreeing.isEmpty { grade.details.append(describeBins(disagreeing, edges: expected.edges, xLabel: info.xLabel)) }
        if perNDF <= maxChi2PerNDF { return subject.passed(grade) }
        return subject.failed(grade, hint: mistakeHint(got, mistakes))
    }

    /// The hint of the first mistake the submitted histogram matches, whatever its binning.
    static func mistakeHint(_ got: HistogramResult, _ mistakes: [Check.Mistake]) -> String? {
        let peak = peakCentre(got)
        return mistakes.first { mistake in
            if case .peakBetween(let low, let high) = mistake.pattern, let peak { return low <= peak && peak <= high }
            return false
        }?.hint
    }

    static func sameEdges(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) }
    }

    /// The centre of the first highest bin; nil for an empty histogram.
    static func peakCentre(_ h: HistogramResult) -> Double? {
        guard let top = h.sumw.max(), top > 0, let bin = h.sumw.firstIndex(of: top), bin + 1 < h.edges.count else { return nil }
        return (h.edges[bin] + h.edges[bin + 1]) / 2
    }

    /// "10 bins from 0 to 200", or the edges themselves when the bins are not all the same width.
    static func describe(_ edges: [Double]) -> String {
        guard let first = edges.first, let last = edges.last, edges.count >= 2 else { return "no bins" }
        let width = (last - first) / Double(edges.count - 1)
        let regular = edges.enumerated().allSatisfy { abs($1 - (first + Double($0) * width)) <= 1e-9 * max(1, abs($1)) }
        if regular { return "\(edges.count - 1) bins from \(NumberText.short(first)) to \(NumberText.short(last))" }
        return "\(edges.count - 1) bins with edges \(NumberText.list(Array(edges.prefix(30))))\(edges.count > 30 ? " …" : "")"
    }

    /// "bins that disagree: 5, 6 (m_ll 80–120 GeV)": 1-based bins, with their range in the x-axis variable.
    static func describeBins(_ bins: [Int], edges: [Double], xLabel: String) -> String {
        let list = bins.prefix(20).map { String($0 + 1) }.joined(separator: ", ") + (bins.count > 20 ? ", …" : "")
        guard let first = bins.first, let last = bins.last, last + 1 < edges.count else { return "bins that disagree: \(list)" }
        var variable = xLabel.trimmingCharacters(in: .whitespaces)
        var unit = ""
        if variable.hasSuffix("]"), let open = variable.lastIndex(of: "[") {
            unit = " " + variable[variable.index(after: open)..<variable.index(before: variable.endIndex)]
            variable = variable[..<open].trimmingCharacters(in: .whitespaces)
        }
        let range = "\(NumberText.short(edges[first]))–\(NumberText.short(edges[last + 1]))\(unit)"
        return "bins that disagree: \(list) (\(variable.isEmpty ? "" : variable + " ")\(range))"
    }
}
