@testable import Analysis
import Testing

@Suite struct ParserTests {
    func names(_ source: String) -> [String] {
        let (program, diagnostics) = Analysis.parse(Array(("sample d \"x.csv\"\n" + source).utf8), path: "p.ana")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return program.statements.compactMap { if case let .filter(_, name, _) = $0 { return name } else { return nil } }
    }

    @Test func defaultNamesKeepTheBracketsThatMatter() {
        #expect(names("filter (x + 1) * 2 > 3\nfilter not (a and b)\nfilter a or b and c\nfilter (a or b) and c\nfilter x - (y - z) > 0\nfilter -(x + y) < 0\nfilter 2 ** 3 ** 2 > x")
                == ["(x + 1) * 2 > 3", "not (a and b)", "a or b and c", "(a or b) and c", "x - (y - z) > 0", "-(x + y) < 0", "2 ** (3 ** 2) > x"])
    }

    @Test func hugeIndicesAndSliceBoundsAreOutOfRangeNotACrash() {
        let offsets: ContiguousArray<Int32> = [0, 2]
        let values: ContiguousArray<Double> = [1, 2]
        guard case .scalar(let v) = Kernels.index(offsets, values, .constant(1e300), events: 1) else { Issue.record("scalar expected"); return }
        #expect(v[0].isNaN)
        guard case let .jagged(o, s) = Kernels.slice(offsets, values, .constant(-1e300), .constant(1e300), events: 1) else {
            Issue.record("list expected"); return
        }
        #expect(Array(o) == [0, 2] && Array(s) == [1, 2])
    }
}
