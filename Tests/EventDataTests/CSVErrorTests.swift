import Diagnostics
import EventData
import Foundation
import Testing

/// Every CSV error id, each at its exact line and column (columns in UTF-8 bytes).
@Suite struct CSVErrorTests {
    func expectError(_ text: String, _ id: String, _ line: Int, _ column: Int, columns: [String]? = nil,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let d = csvDiagnostic(text, columns: columns)
        #expect(d?.id == id, sourceLocation: sourceLocation)
        #expect(d?.location == at(line, column), sourceLocation: sourceLocation)
        #expect(d?.severity == .error, sourceLocation: sourceLocation)
    }

    @Test func badNumber() {
        expectError("a,b\n1,2\n3,x4\n", "csv.bad-number", 3, 3)
        expectError("a,b[]\n1,2;3;1.2.3\n", "csv.bad-number", 2, 7)
        expectError("é,b\n", "csv.bad-header", 1, 1)
        #expect(csvDiagnostic("a,b\n1,  4é  \n")?.message == "'4é' is not a number (column 'b')")
    }

    @Test func badNumberIsFormattedLikeACompilerError() {
        #expect(csvDiagnostic("n:int, pt[]\n2, 31200.5;2540O\n").map(DiagnosticFormatter.format)
                == "data/data.csv:2:12: error: '2540O' is not a number (column 'pt') [csv.bad-number]")
    }

    @Test func columnCount() {
        let tooFew = csvDiagnostic("a,b,c\n1,2\n")
        #expect(tooFew?.id == "csv.column-count")
        #expect(tooFew?.message == "line has 2 cells, header has 3")
        #expect(tooFew?.location == at(2, 4))
        let tooMany = csvDiagnostic("a,b\n1,2\n1,2,3,4\n")
        #expect(tooMany?.message == "line has 4 cells, header has 2")
        #expect(tooMany?.location == at(3, 5))
        // A shifted line reports the count, not the misplaced value it causes.
        expectError("a:int,b:bool,c\n1,2\n", "csv.column-count", 2, 4)
        expectError("a,b\n1,2,\n", "csv.column-count", 2, 5)
    }

    @Test func emptyCell() {
        expectError("a,b\n1,\n", "csv.empty-cell", 2, 3)
        expectError("a,b\n1,  \n", "csv.empty-cell", 2, 5)
        expectError("a,b\n\"\",2\n", "csv.empty-cell", 2, 2)
        expectError("a[]\n1;;2\n", "csv.empty-cell", 2, 3)
        expectError("a[]\n1;2;\n", "csv.empty-cell", 2, 5)
        expectError("a[]\n;\n", "csv.empty-cell", 2, 1)
    }

    @Test func notInteger() {
        expectError("n:int\n1\n2.5\n", "csv.not-integer", 3, 1)
        expectError("n[]:int\n1;2; 3.25\n", "csv.not-integer", 2, 6)
        expectError("n:int\nnan\n", "csv.not-integer", 2, 1)
        expectError("n:int\n1e300\n", "csv.not-integer", 2, 1)
        #expect(csvDiagnostic("n:int\n2.5\n")?.message == "'2.5' is not an integer (column 'n' is int)")
    }

    @Test func badBool() {
        expectError("ok:bool\n2\n", "csv.bad-bool", 2, 1)
        expectError("ok[]:bool\n1;yes\n", "csv.bad-bool", 2, 3)
    }

    @Test func badQuote() {
        expectError("a,b[]\n1,\"2;3\n", "csv.bad-quote", 2, 3)
        expectError("a,b[]\n1,\"2;3\"x\n", "csv.bad-quote", 2, 8)
    }

    @Test func badHeader() {
        expectError("", "csv.bad-header", 1, 1)
        expectError("# only a comment\n\n", "csv.bad-header", 1, 1)
        expectError("a,,b\n", "csv.bad-header", 1, 3)
        expectError("a,b,\n", "csv.bad-header", 1, 5)
        expectError("a, 1b\n", "csv.bad-header", 1, 4)
        expectError("a, b-c\n", "csv.bad-header", 1, 4)
        expectError("a, b:double\n", "csv.bad-header", 1, 6)
        expectError("a, b:int[]\n", "csv.bad-header", 1, 4)
        expectError("a, b[][]\n", "csv.bad-header", 1, 4)
        expectError("a,\"b\n", "csv.bad-header", 1, 3)
        #expect(csvDiagnostic("a, b:int[]\n")?.hint == "write 'b[]:int'")
        #expect(csvDiagnostic("a, b:double\n")?.message == "unknown kind 'double' for column 'b'")
        #expect(csvDiagnostic("a\u{1}\n")?.message == "invalid column name 'a\\u{01}'")
    }

    @Test func duplicateColumnPointsAtBothNames() {
        let d = csvDiagnostic("# header next\nlep_pt[], mcWeight, lep_pt\n")
        #expect(d?.id == "csv.duplicate-column")
        #expect(d?.location == at(2, 21))
        #expect(d?.notes == [Diagnostic.Note("first named here", at: at(2, 1))])
    }

    @Test func unknownColumnSuggestsTheClosestName() {
        let d = csvDiagnostic("lep_pt[], mcWeight\n", columns: ["lep_ptt"])
        #expect(d?.id == "csv.unknown-column")
        #expect(d?.location == at(1, 1))
        #expect(d?.notes.map(\.message) == ["did you mean 'lep_pt'?"])
    }

    @Test func encoding() {
        expectError("a,b\n1,2\u{0}\n", "csv.encoding", 2, 4)
        expectError("a,b\u{0}\n", "csv.encoding", 1, 4)
        let dir = TemporaryDirectory()
        let utf16 = dir.write("u.csv", bytes: [0xFF, 0xFE] + Array("a\n1\n".utf8).flatMap { [$0, 0] })
        #expect(diagnostic(opening: utf16)?.id == "csv.encoding")
        let latin1 = dir.write("l.csv", bytes: Array("a,".utf8) + [0xE9] + Array("t\n".utf8))
        #expect(diagnostic(opening: latin1)?.id == "csv.encoding")
        #expect(diagnostic(opening: latin1)?.location?.column == 3)
    }

    @Test func ioErrorForMissingFileAndDirectory() {
        let dir = TemporaryDirectory()
        #expect(diagnostic(opening: dir.url.appendingPathComponent("missing.csv"))?.id == "csv.io")
        #expect(diagnostic(opening: dir.url)?.id == "csv.io")
    }

    @Test func lineTooLong() {
        let long = String(repeating: "1", count: (16 << 20) + 10)
        expectError("a\n1\n" + long + "\n2\n", "csv.line-too-long", 3, 1)
        // Without any newline the reader still stops at the cap.
        expectError("a\n" + long, "csv.line-too-long", 2, 1)
        // Exactly 16 MiB is allowed (and is a bad number here, not a line error).
        expectError("a\n" + String(repeating: "x", count: 16 << 20) + "\n", "csv.bad-number", 2, 1)
    }

    func diagnostic(opening url: URL) -> Diagnostic? {
        do throws(DataError) {
            _ = try readChunks(try CSVSource(url: url, displayPath: "data/data.csv"))
            return nil
        } catch {
            return error.diagnostic
        }
    }
}
