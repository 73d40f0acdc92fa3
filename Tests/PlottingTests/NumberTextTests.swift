@testable import Plotting
import Testing

@Suite struct NumberTextTests {
    @Test func fixedRoundsWithoutBinaryNoise() {
        #expect(NumberText.fixed(0.1 + 0.2, decimals: 2) == "0.30")
        #expect(NumberText.fixed(0.1 + 0.2, decimals: 6, trimZeros: true) == "0.3")
        #expect(NumberText.fixed(2.5, decimals: 0) == "3")
        #expect(NumberText.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberText.fixed(-1.25, decimals: 1) == "-1.3")
        #expect(NumberText.fixed(0.05, decimals: 3) == "0.050")
        #expect(NumberText.fixed(1234567, decimals: 0) == "1234567")
    }

    @Test func fixedFallsBackToScientificBeyondExactIntegers() {
        #expect(NumberText.fixed(1e20, decimals: 0) == "1e20")
        #expect(NumberText.fixed(.nan, decimals: 2) == "NaN")
    }

    @Test func compactKeepsFourSignificantDigitsOrTheWholeInteger() {
        #expect(NumberText.compact(0) == "0")
        #expect(NumberText.compact(5) == "5")
        #expect(NumberText.compact(2.5) == "2.5")
        #expect(NumberText.compact(1 / 3) == "0.3333")
        #expect(NumberText.compact(1234.567) == "1235")
        #expect(NumberText.compact(123456.7) == "123457")
        #expect(NumberText.compact(-0.000123456) == "-0.0001235")
        #expect(NumberText.compact(0.00001234) == "1.234e-5")
        #expect(NumberText.compact(2.5e300) == "2.5e300")
        #expect(NumberText.compact(9.99996e20) == "1e21")
        #expect(NumberText.compact(.leastNonzeroMagnitude) == "4.941e-324")
    }

    @Test func measurementsRoundTheValueToTheError() {
        #expect(NumberText.measurement(12, error: 12.0.squareRoot()) == "12.0 ± 3.5")
        #expect(NumberText.measurement(1234.5678, error: 35.1) == "1235 ± 35")
        #expect(NumberText.measurement(0.123456, error: 0.0123) == "0.123 ± 0.012")
        #expect(NumberText.measurement(7, error: 0) == "7 ± 0")
        #expect(NumberText.measurement(3e20, error: 1e10) == "3e20 ± 10000000000")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(NumberText.coordinate(12.3456) == "12.35")
        #expect(NumberText.coordinate(40) == "40")
        #expect(NumberText.coordinate(.infinity) == "0")
        #expect(NumberText.coordinate(1e12) == "1000000")
    }
}
