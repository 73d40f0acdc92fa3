import Analysis
import Curriculum
import Diagnostics
import Dispatch
import EventData
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

    /// What one headless Chromium run of a page gave: the DOM after scripts ran, the console messages, and
    /// every URL the browser requested (from its net log).
    struct Visit {
        var dom: String
        var console: [String]
        var requests: [String]
    }

    /// Chromium's own background traffic (updates, time, accounts), not requests of our pages.
    static let browserHosts = ["google.com/", "googleapis.com/", "gvt1.com/", "gstatic.com/"]

    func visit(_ page: String, profile kept: URL? = nil, size: String = "1200,900", budget: Int = 4000, extra: [String] = []) throws -> Visit {
        let chromium = try #require(Self.chromium)
        let profile = kept ?? TestPaths.temporaryDirectory("openkey-chromium-profile")
        let netLog = TestPaths.temporaryDirectory("openkey-netlog").appendingPathComponent("net.json")
        defer {
            if kept == nil { try? FileManager.default.removeItem(at: profile) }
            try? FileManager.default.removeItem(at: netLog.deletingLastPathComponent())
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=\(netLog.path)",
                             "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=\(budget)", "--window-size=\(size)"] + extra
            + ["--dump-dom", Self.site.appendingPathComponent(page).absoluteString]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end concurrently, so neither can fill up and block the browser.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async { errorData = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let console = String(decoding: errorData, as: UTF8.self).split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        let log = (try? String(contentsOf: netLog, encoding: .utf8)) ?? ""
        var requests = Set<String>()
        for part in log.components(separatedBy: "\"url\":\"").dropFirst() {
            if let url = part.split(separator: "\"", maxSplits: 1).first { requests.insert(String(url)) }
        }
        let own = requests.filter { url in !Self.browserHosts.contains { url.contains($0) } }
        return Visit(dom: String(decoding: data, as: UTF8.self), console: console, requests: own.sorted())
    }

    /// The DOM Chromium ends up with, after running the page's scripts.
    func dom(_ page: String, profile kept: URL? = nil) throws -> String {
        try visit(page, profile: kept).dom
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
        let root = try dom("index.html")
        for language in ["en", "es", "it", "fr", "ar"] { #expect(root.contains("href=\"\(language)/index.html\"")) }
        #expect(brokenReferences(in: root, from: "index.html").isEmpty, "\(brokenReferences(in: root, from: "index.html"))")

        let index = try dom("en/index.html")
        #expect(index.contains("OpenKey"))
        #expect(index.contains("href=\"paths/getting-started.html\""))
        #expect(brokenReferences(in: index, from: "en/index.html").isEmpty, "\(brokenReferences(in: index, from: "en/index.html"))")

        let path = try dom("en/paths/foundations.html")
        #expect(path.contains("Foundations of particle physics"))
        #expect(path.contains("class=\"step"))
        #expect(brokenReferences(in: path, from: "en/paths/foundations.html").isEmpty)

        let page = try dom("en/foundations/quarks-and-hadrons.html")
        #expect(page.contains("Curriculum links"))
        #expect(page.contains("rel=\"next\"") || page.contains("rel=\"prev\""))
        #expect(brokenReferences(in: page, from: "en/foundations/quarks-and-hadrons.html").isEmpty)
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func scriptsRunUnderFileURLs() throws {
        // openkey.js fills in the progress line of a path page; that only happens if the script loaded and ran.
        let path = try dom("en/paths/getting-started.html")
        let line = path.components(separatedBy: "data-progress-for=\"getting-started\"").dropFirst().first ?? ""
        #expect(!line.hasPrefix(" hidden"), "the progress line is still hidden: openkey.js did not run")
    }

    /// A student answers the in-page questions: the page's own script checks them against the hashed key, offline.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func questionsAreCheckedInThePage() throws {
        let page = Self.site.appendingPathComponent("en/analysis/z-boson.html")
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
        let dom = try dom("en/analysis/probe.html")
        #expect(dom.contains("Correct!"))
        #expect(dom.contains("The Z boson has a mass of 91.2 GeV"))
        #expect(!dom.contains("Answer: The Z boson"))
    }

    /// A page and its DOM after a probe script ran in it (the probe writes what it measured into the page).
    func probe(_ page: String, _ script: String, profile: URL? = nil) throws -> String {
        let url = Self.site.appendingPathComponent(page)
        let html = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "</body>", with: "<script>window.addEventListener('load', function () {\(script)});</script></body>")
        let name = "probe-" + url.lastPathComponent
        let probe = url.deletingLastPathComponent().appendingPathComponent(name)
        try Data(html.utf8).write(to: probe)
        defer { try? FileManager.default.removeItem(at: probe) }
        return try dom((page as NSString).deletingLastPathComponent + "/" + name, profile: profile)
    }

    static let layoutProbe = """
        var content = document.querySelector('.content').getBoundingClientRect();
        var sidebar = document.querySelector('.sidebar').getBoundingClientRect();
        var title = document.querySelector('.site-title').getBoundingClientRect();
        var out = document.createElement('output');
        out.id = 'probe';
        out.textContent = getComputedStyle(document.documentElement).direction + ' '
          + (sidebar.left < content.left ? 'sidebar-left' : 'sidebar-right') + ' '
          + (title.left < window.innerWidth / 2 ? 'title-left' : 'title-right');
        document.body.appendChild(out);
        """

    /// Arabic pages are laid out right to left: the table of contents and the site title swap sides.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func rightToLeftLayoutMirrors() throws {
        let english = try probe("en/getting-started/welcome.html", Self.layoutProbe)
        #expect(english.contains("<output id=\"probe\">ltr sidebar-right title-left</output>"), "\(english.suffix(300))")
        let arabic = try probe("ar/getting-started/welcome.html", Self.layoutProbe)
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(arabic.contains("<output id=\"probe\">rtl sidebar-left title-right</output>"), "\(arabic.suffix(300))")
        #expect(brokenReferences(in: arabic, from: "ar/getting-started/welcome.html").isEmpty)
    }

    /// The language switcher leads to the same page in every language, from any depth, and those pages exist.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func languageSwitcherLinksWork() throws {
        for page in ["es/index.html", "es/getting-started/welcome.html", "fr/paths/getting-started.html", "it/curricula/aqa-physics.html"] {
            let html = try dom(page)
            let target = page.split(separator: "/").dropFirst().joined(separator: "/")
            let directory = (page as NSString).deletingLastPathComponent
            for language in ["en", "es", "it", "fr", "ar"] {
                // <a href="…" hreflang="xx" lang="xx" …> in the switcher
                let link = html.components(separatedBy: "\" hreflang=\"\(language)\" lang=\"\(language)\"").first?
                    .components(separatedBy: "<a href=\"").last ?? ""
                #expect(SiteCrawler.normalize(directory + "/" + link) == "\(language)/\(target)", "\(page) → \(language): \(link)")
            }
            #expect(brokenReferences(in: html, from: page).isEmpty, "\(page): \(brokenReferences(in: html, from: page))")
        }
        let untranslated = try dom("es/foundations/leptons.html")
        #expect(untranslated.contains("Esta página aún no se ha traducido"))
        #expect(untranslated.contains("lang=\"en\" dir=\"ltr\""))
    }

    static func searchProbe(_ query: String) -> String {
        """
        var input = document.querySelector('.site-search input');
        input.value = \(SearchIndex.json(query));
        input.dispatchEvent(new Event('input'));
        setTimeout(function () {
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
          var out = document.createElement('output');
          out.id = 'probe';
          var titles = Array.prototype.map.call(document.querySelectorAll('.site-search-title'), function (t) { return t.textContent; });
          var marks = Array.prototype.map.call(document.querySelectorAll('.site-search-snippet mark'), function (m) { return m.textContent; });
          var selected = document.querySelector('.site-search-results [aria-selected=true] .site-search-title');
          out.textContent = JSON.stringify({ titles: titles, marks: marks, selected: selected ? selected.textContent : null,
                                             expanded: input.getAttribute('aria-expanded') });
          document.body.appendChild(out);
        }, 300);
        """
    }

    func searchResult(_ page: String, _ query: String) throws -> [String: Any] {
        let dom = try probe(page, Self.searchProbe(query))
        let json = try #require(dom.components(separatedBy: "<output id=\"probe\">").dropFirst().first?.components(separatedBy: "</output>").first)
        let decoded = json.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try #require(JSONSerialization.jsonObject(with: Data(decoded.utf8)) as? [String: Any])
    }

    /// The search box finds pages offline in each language, ignoring accents, and is usable from the keyboard.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func searchFindsPagesInEveryLanguage() throws {
        let english = try searchResult("en/getting-started/welcome.html", "quark")
        let titles = try #require(english["titles"] as? [String])
        #expect(titles.contains("Quarks and hadrons"), "\(english)")
        #expect(english["selected"] as? String == titles.first, "ArrowDown selects the first result")
        #expect(english["expanded"] as? String == "true")

        // Spanish, typed without accents: "energia" finds the translated page on units ("energía"), which is in
        // the second part of the search index (16 pages a part), so the parts are loaded and joined.
        let spanish = try searchResult("es/index.html", "energia electronvoltio")
        #expect((spanish["titles"] as? [String])?.contains("Unidades y escalas") == true, "\(spanish)")
        #expect((spanish["marks"] as? [String])?.first?.lowercased().hasPrefix("energ") == true)

        // Arabic, typed without harakat.
        let arabic = try searchResult("ar/index.html", "مرحبا")
        #expect((arabic["titles"] as? [String])?.first == "مرحبًا بك في OpenKey", "\(arabic)")

        let none = try probe("en/index.html", Self.searchProbe("zzzzqqq"))
        #expect(none.contains("No page matches “zzzzqqq”."))
    }

    /// Answers and visited steps persist across reloads (localStorage under file://) and show on the path page.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func progressPersistsAcrossReloads() throws {
        let profile = TestPaths.temporaryDirectory("openkey-chromium-kept")
        defer { try? FileManager.default.removeItem(at: profile) }
        // First visit: answer the first question of the Z-boson page correctly.
        let answered = try probe("en/analysis/z-boson.html", """
            var form = document.querySelector('form.question');
            form.querySelectorAll('input[type=radio]')[0].checked = true;
            form.querySelector('.question-check').click();
            """, profile: profile)
        #expect(answered.contains("Correct!"))
        // Reload: the answer is still there, checked again, without the reader doing anything.
        let reloaded = try dom("en/analysis/z-boson.html", profile: profile)
        #expect(reloaded.contains("class=\"question answered-right\""), "the answer was not restored")
        // The path page shows the step as visited and its questions' score.
        let path = try dom("en/paths/analyse.html", profile: profile)
        #expect(path.contains("1 of "), "\(path.components(separatedBy: "quiz-badge").dropFirst().first?.prefix(200) ?? "")")
        #expect(path.contains("questions right</span>"))
    }

    /// Pages make no request outside file:// and log nothing to the console (no script errors), even while searching.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func noRequestLeavesFileURLsAndNoConsoleErrors() throws {
        for page in ["index.html", "en/index.html", "en/analysis/z-boson.html", "es/getting-started/welcome.html",
                     "ar/getting-started/welcome.html", "en/map.html", "en/curricula/ocr-a-physics.html"] {
            let result = try visit(page)
            #expect(result.dom.contains("</html>"), "\(page) did not load")
            #expect(result.requests.allSatisfy { $0.hasPrefix("file://") || $0.hasPrefix("data:") }, "\(page): \(result.requests)")
            #expect(result.console.isEmpty, "\(page): \(result.console)")
        }
        let searching = try probe("en/index.html", Self.searchProbe("higgs"))
        #expect(searching.contains("site-search-title"))
    }

    /// Down to a 360 px phone, nothing is wider than the screen. Headless Chromium will not make its window narrower
    /// than 500 px, so each page is measured inside a 360 px frame (its own viewport, so media queries apply).
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func pagesFitA360PixelPhone() throws {
        for page in ["en/index.html", "en/analysis/z-boson.html", "ar/getting-started/welcome.html", "en/paths/foundations.html",
                     "en/experimental/atlas.html", "en/curricula/aqa-physics.html", "en/map.html"] {
            let wrapper = """
                <!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="\(page)" width="360" height="740" style="border:0"></iframe>
                <script>document.getElementById('f').addEventListener('load', function () {
                  var d = this.contentDocument, out = document.createElement('output');
                  out.id = 'probe';
                  out.textContent = 'overflow=' + Math.max(0, d.documentElement.scrollWidth - d.documentElement.clientWidth);
                  document.body.appendChild(out);
                });</script></body></html>
                """
            let name = "phone-frame.html"
            try Data(wrapper.utf8).write(to: Self.site.appendingPathComponent(name))
            defer { try? FileManager.default.removeItem(at: Self.site.appendingPathComponent(name)) }
            let result = try visit(name, extra: ["--allow-file-access-from-files"])
            #expect(result.dom.contains("<output id=\"probe\">overflow=0</output>"),
                    "\(page): \(result.dom.components(separatedBy: "overflow=").last?.prefix(12) ?? "did not load")")
        }
    }

    /// axe-core (from PyPI's axe-selenium-python; `make test-browser` finds it and sets OPENKEY_AXE): no serious or
    /// critical WCAG A/AA violation on the kinds of page the site has, in three languages.
    static let axe = ProcessInfo.processInfo.environment["OPENKEY_AXE"].flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }

    @Test(.enabled(if: BrowserTests.chromium != nil && BrowserTests.axe != nil, "needs chromium and axe-core (make test-browser)"))
    func accessibilityHasNoSeriousViolations() throws {
        let axe = try #require(Self.axe)
        let run = """
            // The axe-core bundled by axe-selenium-python predates the wcag21 tags; it checks WCAG 2.0 A and AA.
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }).then(function (r) {
              var bad = r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) { return v.id + ' (' + v.nodes.length + '): ' + v.nodes[0].target.join(' '); });
              var out = document.createElement('output');
              out.id = 'probe';
              out.textContent = 'axe:' + r.passes.length + ':' + JSON.stringify(bad);
              document.body.appendChild(out);
            }).catch(function (e) {
              var out = document.createElement('output');
              out.id = 'probe';
              out.textContent = 'axe:failed:' + e;
              document.body.appendChild(out);
            });
            """
        for page in ["index.html", "en/index.html", "en/analysis/z-boson.html", "en/paths/foundations.html", "en/map.html",
                     "en/curricula/ocr-a-physics.html", "es/getting-started/reading-a-histogram.html", "ar/getting-started/welcome.html"] {
            let url = Self.site.appendingPathComponent(page)
            let html = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                of: "</body>", with: "<script src=\"\(URL(fileURLWithPath: axe).absoluteString)\"></script><script>window.addEventListener('load', function () {\(run)});</script></body>")
            let name = "axe-" + url.lastPathComponent
            let probe = url.deletingLastPathComponent().appendingPathComponent(name)
            try Data(html.utf8).write(to: probe)
            defer { try? FileManager.default.removeItem(at: probe) }
            let dom = try visit((page as NSString).deletingLastPathComponent + "/" + name, budget: 15000).dom
            let result = dom.components(separatedBy: "<output id=\"probe\">axe:").dropFirst().first?.components(separatedBy: "</output>").first ?? "(axe did not run)"
            #expect(result.hasSuffix(":[]"), "\(page): \(result.replacingOccurrences(of: "&quot;", with: "\""))")
        }
    }


    /// The cut explorer of the Z page, driven in Chromium through its sliders (and its API for a second cut): the
    /// events and expected events it shows for each sample equal what the engine gives for the same filters, which
    /// the page itself prints as .ana lines; one update of 60,000 events × 8 variables takes under 50 ms.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func cutExplorerNumbersEqualTheEngine() throws {
        let drive = """
            var root = document.getElementById('explorer-z-boson');
            var out = document.createElement('output');
            out.id = 'probe';
            try {
              var sliders = root.querySelectorAll('.explorer-plot')[2].querySelectorAll('input[type=range]');
              sliders[0].value = '15'; sliders[0].dispatchEvent(new Event('input', { bubbles: true }));   // m_ll >= 80
              sliders[1].value = '25'; sliders[1].dispatchEvent(new Event('input', { bubbles: true }));   // m_ll < 100
              root.openkeyExplorer.setCut(0, 0, 1);     // charge product < 0 (opposite charges)
              root.openkeyExplorer.setCut(6, null, 3);  // missing E_T below the 3rd edge
              var times = [];
              for (var i = 0; i < 10; i++) { root.openkeyExplorer.setCut(7, null, 1 + (i % 3)); times.push(+root.getAttribute('data-update-ms')); }
              root.openkeyExplorer.setCut(7, null, 2);  // at most one jet
              var cells = {};
              root.querySelectorAll('td[data-sample][data-sumw]').forEach(function (c) {
                cells[c.getAttribute('data-sample')] = [c.getAttribute('data-count'), c.getAttribute('data-sumw')];
              });
              times.sort(function (a, b) { return a - b; });
              out.textContent = JSON.stringify({ cells: cells, ana: root.querySelector('pre[data-ana]').getAttribute('data-ana'),
                                                 median: times[5], significance: root.querySelector('[data-significance]').getAttribute('data-significance') });
            } catch (e) { out.textContent = 'error: ' + e; }
            document.body.appendChild(out);
            """
        let dom = try probe("en/analysis/z-boson.html", drive)
        let text = try #require(dom.components(separatedBy: "<output id=\"probe\">").dropFirst().first?.components(separatedBy: "</output>").first,
                                "the probe did not run")
        let decoded = text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(decoded.utf8)) as? [String: Any], "\(decoded)")
        let ana = try #require(json["ana"] as? String)
        #expect(ana.contains("filter mll >= 80 and mll < 100 as \"mll cut\""), "\(ana)")
        #expect(ana.contains("filter (met_et / 1000) < 30"), "\(ana)")
        let median = try #require(json["median"] as? Double)
        #expect(median < 50, "an update took \(median) ms")

        // The same selection run by the engine: the explorer's block without its histograms, then the page's lines.
        let page = try String(contentsOf: TestPaths.repository.appendingPathComponent("Content/analysis/z-boson.md"), encoding: .utf8)
        let block = try #require(page.components(separatedBy: "```explorer z-boson\n").dropFirst().first?.components(separatedBy: "```").first)
        let spec = block.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("histogram") && !$0.hasPrefix("define") }.joined(separator: "\n")
        let analysis = spec + "\n" + ana + "\n"
        let (program, syntax) = Analysis.parse(Array(analysis.utf8), path: "explorer.ana")
        #expect(syntax.isEmpty, "\(syntax)\n\(analysis)")
        let (sources, _) = Analysis.openSources(program, dataDirectory: TestPaths.repository.appendingPathComponent("Exercises/data"))
        let schemas: [String: [ColumnInfo]] = sources.mapValues { $0.schema }
        let checked = try #require(Checker.check(program, schemas: schemas).0)
        let result = try AnalysisRunner.run(checked, sources: sources).get()
        let cells = try #require(json["cells"] as? [String: [String]])
        #expect(cells.count == 4)
        for sample in result.samples {
            let last: AnalysisResult.CutFlowEntry = try #require(sample.cutflow.last)
            let shown: [String] = try #require(cells[sample.name], "no row for \(sample.name)")
            let count = Int(shown[0]) ?? -1
            #expect(count == last.events, "\(sample.name): \(count) events shown, the engine gives \(last.events)")
            let sumw: Double = Double(shown[1]) ?? .nan
            let tolerance = 1e-9 * max(1, abs(last.sumw))
            #expect(abs(sumw - last.sumw) <= tolerance, "\(sample.name): \(sumw) shown, the engine gives \(last.sumw)")
        }
        let dataEvents = result.samples.first { $0.name == "data" }?.cutflow.last?.events ?? 0
        #expect(dataEvents > 1000)
    }

    /// Event displays are drawn at build time: the SVG views and the object table are in the page, accessible.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs chromium"))
    func eventDisplaysAreInThePages() throws {
        for (page, id, objects) in [("en/analysis/z-boson.html", "evd-z-mumu-1", 2), ("en/analysis/higgs-four-leptons.html", "evd-higgs-4l-candidate-1", 4)] {
            let dom = try self.dom(page)
            #expect(dom.contains("<figure class=\"event-display\" id=\"\(id)\""), "\(page)")
            #expect(dom.contains("role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""), "\(page)")
            let table = dom.components(separatedBy: "id=\"\(id)-table\"").dropFirst().first?.components(separatedBy: "</table>").first ?? ""
            let rows = table.components(separatedBy: " data-object=").count - 1
            #expect(rows >= objects, "\(page): \(rows) objects in the table")
        }
    }

    /// Screenshots of a few pages, desktop and phone, for people to look at (CI keeps them as artifacts).
    @Test(.enabled(if: BrowserTests.chromium != nil && ProcessInfo.processInfo.environment["OPENKEY_BROWSER_ARTIFACTS"] != nil))
    func screenshots() throws {
        let chromium = try #require(Self.chromium)
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["OPENKEY_BROWSER_ARTIFACTS"]))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for page in ["index.html", "en/index.html", "en/analysis/z-boson.html", "en/analysis/higgs-four-leptons.html",
                     "es/getting-started/welcome.html", "ar/getting-started/welcome.html"] {
            for (device, size) in [("desktop", "1280,900"), ("phone", "360,740"), ("full", "1280,7000")] where device != "full" || page.contains("analysis") {
                let name = page.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".html", with: "") + "-\(device).png"
                let profile = TestPaths.temporaryDirectory("openkey-chromium-shot")
                defer { try? FileManager.default.removeItem(at: profile) }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: chromium)
                process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
                                     "--window-size=\(size)", "--screenshot=\(folder.appendingPathComponent(name).path)",
                                     Self.site.appendingPathComponent(page).absoluteString]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
            }
        }
    }
}
