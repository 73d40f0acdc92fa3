@testable import EventData
import Testing

@Suite struct CSVNumberTests {
    func parse(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return CSVNumber.parse(UnsafePointer(bitPattern: 8)!, 0) }
            return CSVNumber.parse(base, buffer.count)
        }
    }

    @Test(arguments: ["0.1", "0.3", "123456.789", "9007199254740993", "1.7976931348623157e308", "4.9e-324",
                      "2.2250738585072014e-308", "3.14159265358979323846264338327950288", "0.30000000000000004",
                      "1e22", "1e23", "123456789012345678901234567890", "-0.000001234", "7e-22", "8.5e-23", "00012.50"])
    func matchesTheStandardLibraryExactly(text: String) {
        #expect(parse(text)?.bitPattern == Double(text)?.bitPattern)
    }

    @Test func randomDecimalsMatchTheStandardLibrary() {
        var random = SeededRandom(state: 7)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...20, using: &random)
            var text = Bool.random(using: &random) ? "-" : ""
            let point = Int.random(in: 0...digits, using: &random)
            for i in 0..<digits {
                if i == point && i > 0 { text += "." }
                text += String(Int.random(in: 0...9, using: &random))
            }
            if Bool.random(using: &random) { text += "e\(Int.random(in: -30...30, using: &random))" }
            #expect(parse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test(arguments: ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "1,5", " 1", "1 ", "nan1", "infinit", "--1", "1-"])
    func rejectsNonNumbers(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func boolsAndIntegers() {
        func bool(_ text: String) -> Double? {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { CSVNumber.parseBool($0.baseAddress!, $0.count) }
        }
        #expect(["0", "1", "true", "False", "TRUE"].map(bool) == [0, 1, 1, 0, 1])
        #expect(["2", "yes", "t", "01"].map(bool) == [nil, nil, nil, nil])
        #expect(CSVNumber.isExactInteger(3) && CSVNumber.isExactInteger(-9_007_199_254_740_992))
        #expect(!CSVNumber.isExactInteger(2.5) && !CSVNumber.isExactInteger(.nan) && !CSVNumber.isExactInteger(.infinity))
        #expect(!CSVNumber.isExactInteger(1e300))
    }
}
