import Curriculum
import Diagnostics
import Foundation
@testable import Publishing
import Testing

@Suite struct BuildPipelineTests {
    func build(_ fixture: String, to output: URL, edition: Edition? = nil, strict: Bool = false,
               environment: [String: String] = [:]) -> BuildPipeline.Result {
        BuildPipeline.run(BuildOptions(courseRoot: TestPaths.fixture(fixture), output: output, edition: edition,
                                       strict: strict, environment: environment))
    }

    @Test func validCourseBuildsEveryKindOfPage() throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let result = build("valid", to: out)
        #expect(result.succeeded, "\(DiagnosticFormatter.format(result.diagnostics))")
        #expect(result.diagnostics.isEmpty)
        let files = SiteCrawler.files(in: out)
        for expected in ["index.html", "map.html", "paths/start.html", "paths/more.html", "curricula/ocr.html",
                         "topics/welcome.html", "topics/quarks.html", "topics/images/proton.svg", "assets/openkey.css"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
        // Teacher-only path and page are left out of the student edition.
        #expect(!files.contains("paths/teaching.html"))
        #expect(!files.contains("topics/lesson.html"))
        #expect(SiteCrawler.brokenLinks(in: out).isEmpty, "\(SiteCrawler.brokenLinks(in: out))")
    }

    @Test func teacherEditionAddsTeacherContent() throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let result = build("valid", to: out, edition: .teacher)
        #expect(result.succeeded)
        let files = SiteCrawler.files(in: out)
        #expect(files.contains("paths/teaching.html") && files.contains("topics/lesson.html"))
        let quarks = try String(contentsOf: out.appendingPathComponent("topics/quarks.html"), encoding: .utf8)
        #expect(quarks.contains("callout-teacher") && quarks.contains("Quarks are not tiny balls."))
        let welcome = try String(contentsOf: out.appendingPathComponent("topics/welcome.html"), encoding: .utf8)
        #expect(welcome.contains("<a href=\"lesson.html\">lesson plan</a>"))
        #expect(SiteCrawler.brokenLinks(in: out).isEmpty, "\(SiteCrawler.brokenLinks(in: out))")
    }

    @Test func studentEditionDropsTeacherNotesAndLinksToTeacherPages() throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        #expect(build("valid", to: out).succeeded)
        let quarks = try String(contentsOf: out.appendingPathComponent("topics/quarks.html"), encoding: .utf8)
        #expect(!quarks.contains("callout-teacher") && !quarks.contains("tiny balls"))
        let welcome = try String(contentsOf: out.appendingPathComponent("topics/welcome.html"), encoding: .utf8)
        #expect(welcome.contains("Teachers have a lesson plan.") && !welcome.contains("lesson.html"))
    }

    @Test func twoBuildsAreByteIdentical() {
        let a = TestPaths.temporaryDirectory().appendingPathComponent("a")
        let b = TestPaths.temporaryDirectory().appendingPathComponent("b")
        #expect(build("valid", to: a).succeeded && build("valid", to: b).succeeded)
        let first = SiteCrawler.snapshot(a), second = SiteCrawler.snapshot(b)
        #expect(first.count > 10)
        #expect(first == second)
    }

    @Test func buildDateAppearsOnlyWithSourceDateEpoch() throws {
        let plain = TestPaths.temporaryDirectory().appendingPathComponent("s")
        let dated = TestPaths.temporaryDirectory().appendingPathComponent("s")
        #expect(build("valid", to: plain).succeeded)
        #expect(build("valid", to: dated, environment: ["SOURCE_DATE_EPOCH": "1700000000"]).succeeded)
        let a = try String(contentsOf: plain.appendingPathComponent("index.html"), encoding: .utf8)
        let b = try String(contentsOf: dated.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!a.contains("2023-11-14"))
        #expect(b.contains("2023-11-14"))
    }

    /// The acceptance fixture: one broken link, one unknown curriculum code, one bad front-matter line.
    @Test func threeErrorsExactlyAndThePreviousSiteSurvives() throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        #expect(build("valid", to: out).succeeded)
        let before = SiteCrawler.snapshot(out)
        let result = build("three-errors", to: out)
        #expect(!result.succeeded)
        #expect(result.diagnostics.count == 3)
        let expected = try String(contentsOf: TestPaths.fixture("three-errors").appendingPathComponent("expected-diagnostics.txt"),
                                  encoding: .utf8)
        #expect(DiagnosticFormatter.format(result.diagnostics) + "\n" == expected)
        #expect(SiteCrawler.snapshot(out) == before)
        // No staging folder is left behind.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(siblings == ["site"])
    }

    @Test func invalidStructureReportsEverythingTogether() throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let result = build("invalid-structure", to: out, strict: true)
        #expect(!result.succeeded)
        let expected = try String(contentsOf: TestPaths.fixture("invalid-structure").appendingPathComponent("expected-diagnostics.txt"),
                                  encoding: .utf8)
        let actual = DiagnosticFormatter.format(result.diagnostics) + "\n"
        #expect(actual == expected, "\(Golden.lineDiff(expected: expected, actual: actual))")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func warningsPassUnlessStrict() {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let lenient = build("orphan", to: out)
        #expect(lenient.succeeded)
        #expect(lenient.diagnostics.map(\.id) == ["page.orphan"])
        let strict = build("orphan", to: TestPaths.temporaryDirectory().appendingPathComponent("site"), strict: true)
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.map(\.severity) == [.error])
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("thesis.txt"))
        let result = build("valid", to: out)
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.id) == ["build.write"])
        #expect(FileManager.default.contents(atPath: out.appendingPathComponent("thesis.txt").path) == Data("keep me".utf8))
    }

    @Test func leftoverStagingFolderOfAKilledBuildIsCleanedUp() throws {
        let parent = TestPaths.temporaryDirectory()
        let out = parent.appendingPathComponent("site")
        let stale = parent.appendingPathComponent(".site.openkey-tmp-99999")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        #expect(build("valid", to: out).succeeded)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    // MARK: Up to date

    /// A copy of a fixture course (the build writes its stamps into the course's .openkey-cache).
    func copyOfFixture(_ name: String) throws -> URL {
        let root = TestPaths.temporaryDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(at: TestPaths.fixture(name), to: root)
        return root
    }

    func build(course root: URL, to output: URL, force: Bool = false, environment: [String: String] = [:]) -> BuildPipeline.Result {
        var options = BuildOptions(courseRoot: root, output: output, environment: environment)
        options.force = force
        return BuildPipeline.run(options)
    }

    @Test func anUnchangedCourseIsUpToDateAndAnyChangeRebuilds() throws {
        let root = try copyOfFixture("valid")
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let first = build(course: root, to: out)
        #expect(first.succeeded && !first.upToDate && first.diagnostics.isEmpty)
        let built = SiteCrawler.snapshot(out)

        let again = build(course: root, to: out)
        #expect(again.succeeded && again.upToDate && again.pageCount == first.pageCount)
        #expect(SiteCrawler.snapshot(out) == built)

        // A page edited: rebuilt, with the new text.
        let page = root.appendingPathComponent("Content/topics/quarks.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nA sentence added later.\n").write(to: page, atomically: true, encoding: .utf8)
        let edited = build(course: root, to: out)
        #expect(edited.succeeded && !edited.upToDate)
        #expect(try String(contentsOf: out.appendingPathComponent("topics/quarks.html"), encoding: .utf8).contains("A sentence added later."))
        #expect(build(course: root, to: out).upToDate)

        // A file of the site changed or removed by hand: rebuilt and restored.
        let welcome = out.appendingPathComponent("topics/welcome.html")
        let original = try Data(contentsOf: welcome)
        try Data("broken".utf8).write(to: welcome)
        #expect(!build(course: root, to: out).upToDate)
        #expect(try Data(contentsOf: welcome) == original)
        try FileManager.default.removeItem(at: out.appendingPathComponent("assets/openkey.css"))
        #expect(!build(course: root, to: out).upToDate)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("assets/openkey.css").path))

        // A new file in an input folder (here the theme's), other options, or --force: built again.
        #expect(build(course: root, to: out).upToDate)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Exercises"), withIntermediateDirectories: true)
        try Data("note".utf8).write(to: root.appendingPathComponent("Exercises/README.txt"))
        #expect(!build(course: root, to: out).upToDate)
        #expect(!build(course: root, to: out, environment: ["SOURCE_DATE_EPOCH": "1700000000"]).upToDate)
        #expect(build(course: root, to: out, environment: ["SOURCE_DATE_EPOCH": "1700000000"]).upToDate)
        #expect(!build(course: root, to: out, force: true, environment: ["SOURCE_DATE_EPOCH": "1700000000"]).upToDate)
        // Another output folder has its own stamp.
        #expect(!build(course: root, to: TestPaths.temporaryDirectory().appendingPathComponent("other")).upToDate)
    }

    @Test func aBuildWithWarningsIsNeverUpToDateSoTheWarningsShowAgain() throws {
        let root = try copyOfFixture("orphan")
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        for _ in 0..<2 {
            let result = build(course: root, to: out)
            #expect(result.succeeded && !result.upToDate)
            #expect(result.diagnostics.map(\.id) == ["page.orphan"])
        }
    }

    /// The multilingual fixture made clean (complete UI catalogues, no raw HTML in a translation), so that its
    /// builds are recorded and a later edit can update the site.
    func cleanMultilingualCourse() throws -> URL {
        let root = try copyOfFixture("multilingual")
        for code in ["es", "ar"] {
            let ui = root.appendingPathComponent("Translations/\(code)/ui.yml")
            try? FileManager.default.removeItem(at: ui)
            try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("Translations/\(code)/ui.yml"), to: ui)
        }
        try edit(root, "Translations/es/basics/intro.md") {
            $0.replacingOccurrences(of: "<script>alert(\"translated pages are untrusted\")</script>\n", with: "")
        }
        return root
    }

    func edit(_ root: URL, _ file: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(file)
        try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    func inode(_ url: URL) -> UInt64? { (try? FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64) ?? nil }

    @Test(arguments: [Edition.student, .teacher])
    func editingThePagesTextUpdatesOnlyTheFilesShowingItAndGivesTheFullBuildsSite(edition: Edition) throws {
        let root = try cleanMultilingualCourse()
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let reference = TestPaths.temporaryDirectory().appendingPathComponent("reference")
        func build(_ output: URL, force: Bool = false) -> BuildPipeline.Result {
            var options = BuildOptions(courseRoot: root, output: output, edition: edition, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            options.force = force
            return BuildPipeline.run(options)
        }
        let first = build(out)
        #expect(first.succeeded && first.diagnostics.isEmpty && first.updated == nil, "\(DiagnosticFormatter.format(first.diagnostics))")
        let edits: [(label: String, file: String, change: (String) -> String, updates: Bool)] = [
            ("a sentence added to a translated page (its translation becomes stale)", "Content/basics/units.md",
             { $0 + "\nOne more sentence about units.\n" }, true),
            ("the same page again", "Content/basics/units.md", { $0 + "\nAnd another one, with $E = mc^2$.\n" }, true),
            ("a sentence of a translation", "Translations/es/basics/intro.md",
             { $0.replacingOccurrences(of: "Las partículas son pequeñas.", with: "Las partículas son muy pequeñas.") }, true),
            ("a page with no translation, in a subfolder", "Content/deep/er/notes.md", { $0 + "\nA note for later.\n" }, true),
            ("a page and a translation together", "Content/basics/intro.md", { $0 + "\nSee you soon.\n" }, true),
            ("a heading renamed (its anchor changes)", "Content/basics/units.md",
             { $0.replacingOccurrences(of: "## Masses", with: "## Mass values") }, false),
            ("a title changed (other pages show it)", "Content/basics/units.md",
             { $0.replacingOccurrences(of: "title: Units", with: "title: Energy units") }, false),
            ("a translated title changed", "Translations/es/basics/units.md",
             { $0.replacingOccurrences(of: "title: Unidades", with: "title: Las unidades") }, false),
        ]
        for (label, file, change, updates) in edits {
            let home = out.appendingPathComponent("en/index.html")
            let homeBefore = inode(home)
            try edit(root, file, change)
            if label.hasPrefix("a page and a translation") {
                try edit(root, "Translations/ar/basics/intro.md") { $0 + "\nإلى اللقاء.\n" }
            }
            let result = build(out)
            #expect(result.succeeded && result.diagnostics.isEmpty, "\(label): \(DiagnosticFormatter.format(result.diagnostics))")
            #expect((result.updated != nil) == updates, "\(label)")
            if updates {
                // Untouched files of the site are not even rewritten.
                #expect(inode(home) == homeBefore, "\(label)")
                #expect((result.updated?.files ?? 0) > 0, "\(label)")
            }
            #expect(build(reference, force: true).succeeded)
            let (site, full) = (SiteCrawler.snapshot(out), SiteCrawler.snapshot(reference))
            #expect(site.keys.sorted() == full.keys.sorted(), "\(label)")
            for (path, data) in full.sorted(by: { $0.key < $1.key }) where site[path] != data {
                Issue.record("\(label): \(path) is not what a full build writes")
            }
            #expect(build(out).upToDate, "\(label)")
        }
    }

    /// The search index comes in parts of `SearchIndex.pagesPerPart` pages, cut by page id alone; editing a page
    /// rewrites only its part, and the site is still the one a full build writes.
    @Test func searchIndexIsInPartsAndAnEditRewritesOnlyItsPart() throws {
        let root = TestPaths.temporaryDirectory().appendingPathComponent("course")
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("many"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("paths"), withIntermediateDirectories: true)
        try "title: Many pages\nsource-language: en\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let count = 2 * SearchIndex.pagesPerPart + 5
        let ids = (1...count).map { String(format: "many/p%02d", $0) }
        try ("title: All\naudience: students\nsummary: Every page.\nsteps:\n" + ids.map { "  - \($0)\n" }.joined())
            .write(to: content.appendingPathComponent("paths/all.yml"), atomically: true, encoding: .utf8)
        for (index, id) in ids.enumerated() {
            try "---\ntitle: Page \(index + 1)\nsummary: Page number \(index + 1).\n---\n\nWord\(index + 1) is on this page.\n"
                .write(to: content.appendingPathComponent(id + ".md"), atomically: true, encoding: .utf8)
        }
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let reference = TestPaths.temporaryDirectory().appendingPathComponent("reference")
        func build(_ output: URL, force: Bool = false) -> BuildPipeline.Result {
            var options = BuildOptions(courseRoot: root, output: output, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            options.force = force
            return BuildPipeline.run(options)
        }
        let first = build(out)
        #expect(first.succeeded && first.diagnostics.isEmpty, "\(DiagnosticFormatter.format(first.diagnostics))")
        func text(_ path: String, in site: URL = out) -> String {
            (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
        }
        #expect(text("search-index.js").contains("\"parts\":[\"search-index-1.js\",\"search-index-2.js\",\"search-index-3.js\"]"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("search-index-4.js").path))
        // Each page is in the part its position in id order gives, once.
        for (index, id) in ids.enumerated() {
            let line = "{\"u\":\"\(id).html\""
            for part in 1...3 {
                let holds = text("search-index-\(part).js").components(separatedBy: line).count - 1
                #expect(holds == (index / SearchIndex.pagesPerPart + 1 == part ? 1 : 0), "\(id) in part \(part)")
            }
        }
        let untouched = [1, 3].map { inode(out.appendingPathComponent("search-index-\($0).js")) }
        try edit(content, "many/p20.md") { $0.replacingOccurrences(of: "Word20 is", with: "Word20 and Zebra are") }
        let updated = build(out)
        #expect(updated.succeeded && updated.updated != nil)
        #expect(text("search-index-2.js").contains("Word20 and Zebra are"))
        #expect([1, 3].map { inode(out.appendingPathComponent("search-index-\($0).js")) } == untouched)
        #expect(build(reference, force: true).succeeded)
        let (site, full) = (SiteCrawler.snapshot(out), SiteCrawler.snapshot(reference))
        #expect(site.keys.sorted() == full.keys.sorted())
        for (path, data) in full.sorted(by: { $0.key < $1.key }) where site[path] != data {
            Issue.record("\(path) is not what a full build writes")
        }
    }

    @Test func anEditWithAProblemIsReportedAsByAFullBuildAndTheSiteKept() throws {
        let root = try cleanMultilingualCourse()
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        #expect(build(course: root, to: out).diagnostics.isEmpty)
        let before = SiteCrawler.snapshot(out)
        let original = try String(contentsOf: root.appendingPathComponent("Content/basics/units.md"), encoding: .utf8)

        try edit(root, "Content/basics/units.md") { $0 + "\nSee [the missing page](missing.md).\n" }
        let broken = build(course: root, to: out)
        #expect(!broken.succeeded && broken.updated == nil)
        #expect(broken.diagnostics.map(\.id) == ["link.broken"])
        #expect(broken.diagnostics.first?.location?.path == "Content/basics/units.md")
        #expect(SiteCrawler.snapshot(out) == before)

        // Fixed: the site is updated from the last good build's snapshot, and is that build's site again.
        try original.write(to: root.appendingPathComponent("Content/basics/units.md"), atomically: true, encoding: .utf8)
        let fixed = build(course: root, to: out)
        #expect(fixed.succeeded && fixed.updated != nil)
        #expect(SiteCrawler.snapshot(out) == before)

        // Without the snapshot (removed, or from another build), an edit builds everything.
        let cache = root.appendingPathComponent(".openkey-cache/builds")
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasSuffix(".snapshot") {
            try FileManager.default.removeItem(at: cache.appendingPathComponent(name))
        }
        try edit(root, "Content/basics/units.md") { $0 + "\nA sentence.\n" }
        let rebuilt = build(course: root, to: out)
        #expect(rebuilt.succeeded && rebuilt.updated == nil && !rebuilt.upToDate)
        #expect(build(course: root, to: out).upToDate)
    }

    @Test func theSnapshotReadsBackAsWrittenAndADamagedOneIsIgnored() throws {
        let root = try cleanMultilingualCourse()
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        var options = BuildOptions(courseRoot: root, output: out, edition: .teacher)
        #expect(BuildPipeline.run(options).diagnostics.isEmpty)
        let file = BuildSnapshot.file(options)
        let written = try Data(contentsOf: file)
        let stamp = try #require(FileStamps.stamp(of: file.path))
        let snapshot = try #require(BuildSnapshot.read(options, stamp: stamp))
        #expect(Data(snapshot.bytes) == written)
        #expect(snapshot.course.pages.map(\.id) == ["basics/intro", "basics/units", "deep/er/notes"])
        #expect(snapshot.translations.packs["es"]?.pages["basics/units"]?.originalPath == "Content/basics/units.md")
        #expect(snapshot.status.languages.map(\.language) == ["es", "ar"])
        #expect(snapshot.anchors["basics/units"] == ["electronvolts", "masses"])

        // Cut short: not read (an edit then builds everything, and writes a good snapshot again).
        try written.prefix(written.count / 2).write(to: file)
        #expect(BuildSnapshot.read(options, stamp: FileStamps.stamp(of: file.path)!) == nil)
        try edit(root, "Content/basics/units.md") { $0 + "\nA sentence.\n" }
        options.edition = .teacher
        let rebuilt = BuildPipeline.run(options)
        #expect(rebuilt.succeeded && rebuilt.updated == nil)
        try edit(root, "Content/basics/units.md") { $0 + "\nAnother sentence.\n" }
        #expect(BuildPipeline.run(options).updated != nil)
    }
}
