@testable import Plotting
import Testing

@Suite struct AxisTicksTests {
    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(AxisTicks.niceStep(span: 1, target: 5) == (2, -1))
        #expect(AxisTicks.niceStep(span: 100, target: 5) == (2, 1))
        #expect(AxisTicks.niceStep(span: 100, target: 10) == (1, 1))
        #expect(AxisTicks.niceStep(span: 7, target: 5) == (2, 0))
        #expect(AxisTicks.niceStep(span: 30, target: 5) == (1, 1))
        #expect(AxisTicks.niceStep(span: 0.35, target: 7) == (5, -2))
        #expect(AxisTicks.niceStep(span: 0, target: 5) == (1, 0))
        #expect(AxisTicks.niceStep(span: .nan, target: 5) == (1, 0))
    }

    @Test func linearLabelsShareTheirDecimals() {
        let ticks = AxisTicks.linear(lower: 0, upper: 1, target: 5)
        #expect(ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(AxisTicks.linear(lower: 0, upper: 200, target: 4).labels == ["0", "50", "100", "150", "200"])
    }

    @Test func decimalStepsGiveExactValuesAndCleanLabels() {
        let ticks = AxisTicks.linear(lower: 0, upper: 0.35, target: 7)
        #expect(ticks.labels == ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30", "0.35"])
        #expect(ticks.major.map(\.value).contains(0.3))
        #expect(!ticks.labels.contains { $0.contains("0000") })
    }

    @Test func negativeRangesUseTheMinusSign() {
        #expect(AxisTicks.linear(lower: -10, upper: 10, target: 4).labels == ["−10", "−5", "0", "5", "10"])
    }

    @Test func rangesNotStartingOnATickSkipTheEdges() {
        #expect(AxisTicks.linear(lower: 80, upper: 170, target: 5).labels == ["80", "100", "120", "140", "160"])
        #expect(AxisTicks.linear(lower: -0.5, upper: 9.5, target: 5).labels == ["0", "2", "4", "6", "8"])
    }

    @Test func largeAndTinyNumbersGetAPowerOfTen() {
        #expect(AxisTicks.linear(lower: 0, upper: 5e6, target: 5).labels == ["0", "1×10^{6}", "2×10^{6}", "3×10^{6}", "4×10^{6}", "5×10^{6}"])
        #expect(AxisTicks.linear(lower: 0, upper: 3e-5, target: 3).labels == ["0", "1×10^{−5}", "2×10^{−5}", "3×10^{−5}"])
        let huge = AxisTicks.linear(lower: 0, upper: 1e300, target: 5)
        #expect(huge.labels.last == "1.0×10^{300}")
    }

    @Test func minorTicksSubdivideTheStep() {
        let ticks = AxisTicks.linear(lower: 0, upper: 10, target: 5)
        #expect(ticks.labels == ["0", "2", "4", "6", "8", "10"])
        #expect(ticks.minor.map(\.value) == [0.5, 1, 1.5, 2.5, 3, 3.5, 4.5, 5, 5.5, 6.5, 7, 7.5, 8.5, 9, 9.5])
        #expect(AxisTicks.linear(lower: 0, upper: 1, target: 1).minor.count == 4)
    }

    @Test func unusableRangesGiveNoTicks() {
        #expect(AxisTicks.linear(lower: 1, upper: 1, target: 5).ticks.isEmpty)
        #expect(AxisTicks.linear(lower: .nan, upper: 1, target: 5).ticks.isEmpty)
        #expect(AxisTicks.linear(lower: 0, upper: .infinity, target: 5).ticks.isEmpty)
        #expect(AxisTicks.logarithmic(lower: 0, upper: 10, target: 5).ticks.isEmpty)
        #expect(AxisTicks.logarithmic(lower: -1, upper: 10, target: 5).ticks.isEmpty)
    }

    @Test func tickCountsStayBoundedForExtremeSpans() {
        #expect(AxisTicks.linear(lower: 1e9, upper: 1e9 + 1e-7, target: 5).ticks.count <= AxisTicks.limit)
        #expect(AxisTicks.logarithmic(lower: 1e-300, upper: 1e300, target: 6).ticks.count <= 700)
    }

    @Test func logarithmicAxesLabelDecades() {
        let ticks = AxisTicks.logarithmic(lower: 1, upper: 1e4, target: 8)
        #expect(ticks.labels == ["1", "10", "10^{2}", "10^{3}", "10^{4}"])
        #expect(ticks.minor.count == 4 * 8)
        #expect(ticks.minor.first?.value == 2)
        #expect(AxisTicks.logarithmic(lower: 1e-3, upper: 0.1, target: 8).labels == ["10^{−3}", "10^{−2}", "10^{−1}"])
    }

    @Test func manyDecadesAreThinnedAndLoseMinorTicks() {
        let ticks = AxisTicks.logarithmic(lower: 1e-10, upper: 1e10, target: 5)
        #expect(ticks.labels == ["10^{−10}", "10^{−5}", "1", "10^{5}", "10^{10}"])
        #expect(ticks.minor.allSatisfy { $0.label.isEmpty })
        #expect(ticks.ticks.count == 21)
    }

    @Test func aRangeInsideOneDecadeLabelsTwoAndFive() {
        let ticks = AxisTicks.logarithmic(lower: 15, upper: 80, target: 5)
        #expect(ticks.labels == ["20", "50"])
    }
}
