import Foundation
import Testing

/// Paths of the repository and of this test target's fixtures.
enum TestPaths {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = here.appendingPathComponent("Fixtures")
    static let golden = here.appendingPathComponent("Golden")
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// A fresh empty folder under the system temporary directory.
    static func temporaryDirectory(_ label: String = "openkey-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Golden-file comparison: `RECORD_GOLDEN=1` rewrites the file and fails the test, so nothing is re-recorded silently.
enum Golden {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = TestPaths.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record("re-recorded golden file \(name); run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("missing golden file \(name); record it with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("golden file \(name) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, numbered, `-` expected and `+` actual.
    static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            if i < e.count { out.append("\(i + 1) - \(e[i])") }
            if i < a.count { out.append("\(i + 1) + \(a[i])") }
            if out.count > 40 { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}

/// Reads a generated site and checks that every relative link and image points at a file that exists,
/// and every `#fragment` at an element id in that file — what a reader clicking around would find.
enum SiteCrawler {
    struct Broken: CustomStringConvertible {
        var page: String, reference: String, reason: String
        var description: String { "\(page): \(reference) (\(reason))" }
    }

    static func files(in site: URL) -> [String] {
        let base = site.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var out: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDir), !isDir.boolValue { out.append(path) }
        }
        return out.sorted()
    }

    static func attributeValues(_ name: String, in html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        let needle = " \(name)=\""
        while let range = rest.range(of: needle) {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            out.append(String(after[..<end]))
            rest = after[end...]
        }
        return out
    }

    static func ids(in html: String) -> Set<String> { Set(attributeValues("id", in: html)) }

    static func brokenLinks(in site: URL) -> [Broken] {
        var broken: [Broken] = []
        var idCache: [String: Set<String>] = [:]
        func idsOf(_ path: String) -> Set<String> {
            if let cached = idCache[path] { return cached }
            let html = (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
            let found = ids(in: html)
            idCache[path] = found
            return found
        }
        for page in files(in: site) where page.hasSuffix(".html") {
            guard let html = try? String(contentsOf: site.appendingPathComponent(page), encoding: .utf8) else { continue }
            for reference in attributeValues("href", in: html) + attributeValues("src", in: html) {
                if reference.hasPrefix("http://") || reference.hasPrefix("https://") || reference.hasPrefix("mailto:") { continue }
                if reference.hasPrefix("/") || reference.contains("://") {
                    broken.append(Broken(page: page, reference: reference, reason: "not relative"))
                    continue
                }
                let decoded = reference.replacingOccurrences(of: "&amp;", with: "&")
                let parts = decoded.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let pathPart = parts[0].removingPercentEncoding ?? parts[0]
                let directory = (page as NSString).deletingLastPathComponent
                let target = pathPart.isEmpty ? page : normalize(directory.isEmpty ? pathPart : directory + "/" + pathPart)
                guard let target, FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path) else {
                    broken.append(Broken(page: page, reference: reference, reason: "no such file"))
                    continue
                }
                // Browsers match a fragment after percent-decoding it: #coordinates-%CE%B7 finds id="coordinates-η".
                let fragment = parts.count == 2 ? (parts[1].removingPercentEncoding ?? parts[1]) : ""
                if !fragment.isEmpty, target.hasSuffix(".html"), !idsOf(target).contains(fragment) {
                    broken.append(Broken(page: page, reference: reference, reason: "no id '\(parts[1])' in \(target)"))
                }
            }
        }
        return broken
    }

    static func normalize(_ path: String) -> String? {
        var out: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if out.isEmpty { return nil }; out.removeLast() } else { out.append(part) }
        }
        return out.joined(separator: "/")
    }

    /// SHA-free fingerprint of a whole folder: every file's path and bytes.
    static func snapshot(_ site: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in files(in: site) { out[path] = FileManager.default.contents(atPath: site.appendingPathComponent(path).path) }
        return out
    }
}
