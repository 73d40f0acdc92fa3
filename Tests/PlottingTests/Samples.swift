import Plotting

/// Representative plots, with fixed numbers so golden files never depend on a random generator.
enum Samples {
    /// The classic four-lepton mass plot: three stacked backgrounds, a Higgs signal on top, data.
    static let fourLepton: (PlotSpec, [PlotSeries]) = (
        PlotSpec(id: "m4l", title: "Four-lepton invariant mass", xLabel: "m_{4ℓ} [GeV]",
                 edges: stride(from: 80.0, through: 170.0, by: 3.0).map { $0 },
                 experimentLabel: "ATLAS Open Data", subLabel: "√s = 13 TeV, 10 fb^{-1}"),
        [
            PlotSeries(label: "Data", role: .data, sumw: [1, 1, 2, 3, 3, 3, 2, 2, 0, 2, 3, 0, 0, 3, 7, 7, 1, 7, 5, 6, 0, 2, 2, 3, 6, 4, 3, 1, 7, 5]),
            PlotSeries(label: "H → ZZ* (m_H = 125 GeV)", role: .signal,
                       sumw: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.25, 2.34, 2.34, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                       sumw2: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.02, 0.02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            PlotSeries(label: "t t̄", role: .background,
                       sumw: [0.25, 0.26, 0.27, 0.27, 0.28, 0.28, 0.29, 0.29, 0.3, 0.31, 0.31, 0.32, 0.33, 0.33, 0.34, 0.34, 0.35, 0.35, 0.36, 0.37, 0.37, 0.38, 0.39, 0.39, 0.4, 0.4, 0.41, 0.42, 0.42, 0.43],
                       sumw2: Array(repeating: 0.03, count: 30)),
            PlotSeries(label: "Z+jets", role: .background,
                       sumw: [0.58, 0.54, 0.51, 0.48, 0.44, 0.42, 0.39, 0.36, 0.34, 0.32, 0.3, 0.28, 0.26, 0.24, 0.23, 0.21, 0.2, 0.19, 0.17, 0.16, 0.15, 0.14, 0.13, 0.13, 0.12, 0.11, 0.1, 0.1, 0.09, 0.08],
                       sumw2: [0.17, 0.16, 0.15, 0.14, 0.13, 0.12, 0.12, 0.11, 0.1, 0.1, 0.09, 0.08, 0.08, 0.07, 0.07, 0.06, 0.06, 0.06, 0.05, 0.05, 0.05, 0.04, 0.04, 0.04, 0.04, 0.03, 0.03, 0.03, 0.03, 0.03]),
            PlotSeries(label: "ZZ*", role: .background,
                       sumw: [0.9, 1.02, 2.73, 6.65, 4.7, 1.44, 0.95, 0.97, 1.04, 1.16, 1.4, 1.74, 2.09, 2.39, 2.6, 2.74, 2.85, 2.93, 3.0, 3.07, 3.13, 3.19, 3.25, 3.31, 3.37, 3.43, 3.49, 3.55, 3.61, 3.67],
                       sumw2: [0.05, 0.05, 0.14, 0.33, 0.23, 0.07, 0.05, 0.05, 0.05, 0.06, 0.07, 0.09, 0.1, 0.12, 0.13, 0.14, 0.14, 0.15, 0.15, 0.15, 0.16, 0.16, 0.16, 0.17, 0.17, 0.17, 0.17, 0.18, 0.18, 0.18]),
        ]
    )

    /// The Z peak on a log scale with variable bins.
    static let dileptonLog: (PlotSpec, [PlotSeries]) = (
        PlotSpec(id: "mll-log", title: "Dilepton mass", xLabel: "m_{ℓℓ} [GeV]",
                 edges: [40, 50, 60, 70, 76, 80, 84, 86, 88, 90, 92, 94, 96, 100, 106, 116, 130, 150, 200],
                 logY: true, experimentLabel: "ATLAS Open Data", subLabel: "√s = 13 TeV, 10 fb⁻¹"),
        [
            PlotSeries(label: "Data", role: .data,
                       sumw: [1763, 4261, 5737, 3588, 3300, 5796, 5726, 10640, 22680, 39807, 26318, 12108, 9538, 5233, 3313, 1838, 1250, 1095]),
            PlotSeries(label: "t t̄", role: .background,
                       sumw: [37.11, 51.79, 68.37, 49.22, 36.12, 38.61, 20.17, 20.72, 21.23, 21.71, 22.15, 22.55, 46.12, 71.03, 119.97, 160.3, 186.91, 185.55]),
            PlotSeries(label: "Z → ττ", role: .background,
                       sumw: [942.98, 3130.82, 3823.99, 1310.58, 444.86, 216.54, 56.8, 35.15, 20.9, 11.94, 6.55, 3.45, 2.45, 0.54, 0.02, 0, 0, 0]),
            PlotSeries(label: "Z → ℓℓ", role: .background,
                       sumw: [799.14, 1060.24, 1862.59, 2244.63, 2783.82, 5519.61, 5612.63, 10504.12, 22634.71, 39772.29, 26245.44, 12040.39, 9503.5, 5149.34, 3137.94, 1720.5, 1047.37, 889.19]),
        ]
    )

    /// One weighted simulated distribution, drawn as steps with error bars.
    static let leptonPt: (PlotSpec, [PlotSeries]) = (
        PlotSpec(id: "lep-pt", title: "Leading lepton transverse momentum", xLabel: "p_T^{ℓ,1} [GeV]",
                 edges: stride(from: 0.0, through: 200.0, by: 10.0).map { $0 }),
        [
            PlotSeries(label: "W → ℓν simulation", role: .background,
                       sumw: [24.39, 117.48, 174.68, 183.25, 162.15, 129.65, 96.93, 69.07, 47.49, 31.75, 20.76, 13.33, 8.43, 5.26, 3.25, 1.99, 1.21, 0.73, 0.43, 0.26],
                       sumw2: [0.98, 4.7, 6.99, 7.33, 6.49, 5.19, 3.88, 2.76, 1.9, 1.27, 0.83, 0.53, 0.34, 0.21, 0.13, 0.08, 0.05, 0.03, 0.02, 0.01]),
        ]
    )

    /// Counts per jet multiplicity, drawn as bars, with a user-chosen colour.
    static let jetMultiplicity: (PlotSpec, [PlotSeries]) = (
        PlotSpec(id: "njets", title: "Jet multiplicity", xLabel: "N_{jets}",
                 edges: stride(from: -0.5, through: 9.5, by: 1.0).map { $0 },
                 experimentLabel: "ATLAS Open Data", style: .bars),
        [
            PlotSeries(label: "t t̄ → ℓ + jets", role: .signal, color: "#4477AA",
                       sumw: [5200, 2114, 860, 349, 142, 58, 23, 10, 4, 2]),
        ]
    )

    static let all: [(PlotSpec, [PlotSeries])] = [fourLepton, dileptonLog, leptonPt, jetMultiplicity]
}
