import Foundation
import Testing

/// Where this test target's files live, and the engine's test scripts and their data.
enum TestPaths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = here.appendingPathComponent("Golden")
    static let scripts = here.deletingLastPathComponent().appendingPathComponent("AnalysisTests/Scripts")
    static let exercises = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Exercises")
}

/// Golden-file comparison: `RECORD_GOLDEN=1` rewrites the file and fails the test, so nothing is re-recorded silently.
enum Golden {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = TestPaths.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? Data(actual.utf8).write(to: url)
            Issue.record("re-recorded golden file \(name); run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("missing golden file \(name); record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
            var out: [String] = []
            for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
                if i < e.count { out.append("\(i + 1) - \(e[i])") }
                if i < a.count { out.append("\(i + 1) + \(a[i])") }
                if out.count > 40 { out.append("…"); break }
            }
            Issue.record("golden file \(name) differs:\n\(out.joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
    }
}
