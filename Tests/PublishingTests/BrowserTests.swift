import Curriculum
import Diagnostics
import Foundation
@testable import Publishing
import Testing

/// Opens the built course from `file://` in headless Chromium, as a student would from the USB key:
/// the DOM after scripts ran must show the pages, and every link in it must lead somewhere real.
@Suite(.serialized) struct BrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let site: URL = {
        let out = TestPaths.temporaryDirectory("openkey-browser").appendingPathComponent("site")
        _ = BuildPipeline.run(BuildOptions(courseRoot: TestPaths.repository, output: out, environment: [:]))
        return out
    }()

    /// The DOM Chromium ends up with, after running the page's scripts.
    func dom(_ page: String) throws -> String {
        let chromium = try #require(Self.chromium)
        let profile = TestPaths.temporaryDirectory("openkey-chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--virtual-time-budget=2000", "--dump-dom", Self.site.appendingPathComponent(page).absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every relative href/src in a DOM, resolved from `page`, must exist in the site.
    func brokenReferences(in dom: String, from page: String) -> [String] {
        let directory = (page as NSString).deletingLastPathComponent
        return (SiteCrawler.attributeValues("href", in: dom) + SiteCrawler.attributeValues("src", in: dom)).filter { reference in
            if reference.hasPrefix("http") || reference.hasPrefix("mailto:") || reference.hasPrefix("#") { return false }
            let path = String(reference.split(separator: "#", omittingEmptySubsequences: false)[0])
            let decoded = path.removingPercentEncoding ?? path
            guard let target = SiteCrawler.normalize(directory.isEmpty ? decoded : directory + "/" + decoded) else { return true }
            return !FileManager.default.fileExists(atPath: Self.site.appendingPathComponent(target).path)
        }
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium (make test installs it when run as root)"))
    func indexPathAndContentPagesWorkFromFileURLs() throws {
        let index = try dom("index.html")
        #expect(index.contains("OpenKey"))
        #expect(index.contains("href=\"paths/getting-started.html\""))
        #expect(brokenReferences(in: index, from: "index.html").isEmpty, "\(brokenReferences(in: index, from: "index.html"))")

        let path = try dom("paths/foundations.html")
        #expect(path.contains("Foundations of particle physics"))
        #expect(path.contains("class=\"step"))
        #expect(brokenReferences(in: path, from: "paths/foundations.html").isEmpty)

        let page = try dom("foundations/quarks-and-hadrons.html")
        #expect(page.contains("Curriculum links"))
        #expect(page.contains("rel=\"next\"") || page.contains("rel=\"prev\""))
        #expect(brokenReferences(in: page, from: "foundations/quarks-and-hadrons.html").isEmpty)
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func scriptsRunUnderFileURLs() throws {
        // openkey.js fills in the progress line of a path page; that only happens if the script loaded and ran.
        let path = try dom("paths/getting-started.html")
        let line = path.components(separatedBy: "data-progress-for=\"getting-started\"").dropFirst().first ?? ""
        #expect(!line.hasPrefix(" hidden"), "the progress line is still hidden: openkey.js did not run")
    }

    /// A student answers the in-page questions: the page's own script checks them against the hashed key, offline.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func questionsAreCheckedInThePage() throws {
        let page = Self.site.appendingPathComponent("analysis/z-boson.html")
        var html = try String(contentsOf: page, encoding: .utf8)
        // Act as the student: pick an answer and press Check, after openkey.js has loaded.
        let act = """
        <script>
        var forms = document.querySelectorAll('form.question');
        var right = forms[0].querySelectorAll('input[type=radio]')[0];
        right.checked = true; forms[0].querySelector('.question-check').click();
        </script>
        """
        html = html.replacingOccurrences(of: "</body>", with: act + "</body>")
        let probe = page.deletingLastPathComponent().appendingPathComponent("probe.html")
        try Data(html.utf8).write(to: probe)
        defer { try? FileManager.default.removeItem(at: probe) }
        let dom = try dom("analysis/probe.html")
        #expect(dom.contains("Correct!"))
        #expect(dom.contains("The Z boson has a mass of 91.2 GeV"))
        #expect(!dom.contains("Answer: The Z boson"))
    }
}

