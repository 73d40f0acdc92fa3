import Analysis
import Diagnostics
import Foundation
@testable import Publishing
import Testing

/// Cut explorers and event displays: bad specifications are reported at their line in the page, the explorer's bin
/// codes follow the filters' comparisons exactly, and event displays pick the events the engine selects.
@Suite struct FigureTests {
    static let data = TestPaths.repository.appendingPathComponent("Exercises/data")

    func embed(_ kind: FigureEmbed.Kind, _ source: String, line: Int = 10) -> FigureEmbed {
        FigureEmbed(kind: kind, id: "test", source: source, location: SourceLocation(path: "Content/page.md", line: line, column: 1))
    }

    func errors<T>(_ result: Result<T, ExerciseFailure>) -> [Diagnostic] {
        if case .failure(let f) = result { return f.diagnostics }
        return []
    }

    @Test func binCodesAgreeWithFilterComparisons() {
        let edges = [0.0, 10, 20, 50]
        #expect(ExplorerBuilder.code(.nan, edges: edges) == 0)
        #expect(ExplorerBuilder.code(-0.001, edges: edges) == 1)
        #expect(ExplorerBuilder.code(0, edges: edges) == 2)                 // x >= 0 is bin 0
        #expect(ExplorerBuilder.code(9.999999, edges: edges) == 2)
        #expect(ExplorerBuilder.code(10, edges: edges) == 3)                // a value on an edge belongs above it
        #expect(ExplorerBuilder.code(49.9, edges: edges) == 4)
        #expect(ExplorerBuilder.code(50, edges: edges) == 5)                // overflow: x >= the last edge
        #expect(ExplorerBuilder.code(.infinity, edges: edges) == 5)
        // A value that regular binning would round into the next bin stays below the edge it is below.
        let regular = (0...40).map { 50 + 2 * Double($0) }
        #expect(ExplorerBuilder.code(80.0.nextDown, edges: regular) == 2 + 14)
        #expect(ExplorerBuilder.code(80.0, edges: regular) == 2 + 15)
    }

    @Test func explorerEmbedsEveryEventOfTheSamples() throws {
        let spec = """
        sample data "4lep_data.root" tree "mini"
        sample higgs "4lep_Hzz.root" tree "mini" role signal weight mcWeight * XSection / SumWeights
        filter lep_n == 4
        define m4l = mass(lep_pt / 1000, lep_eta, lep_phi, lep_E / 1000)
        histogram m4l bins 10 from 100 to 150
        histogram jet_n bins 5 from 0 to 5
        """
        let built = try ExplorerBuilder.build(embed(.explorer, spec), dataDirectory: Self.data, budget: Budget()).get()
        #expect(built.eventCount == 1340 + 2500)
        #expect(built.dataFile.path == "explorer-data/test.js")
        let text = String(decoding: built.dataFile.data, as: UTF8.self)
        #expect(text.hasPrefix("/* OpenKey cut explorer"))
        #expect(text.contains("(window.OpenKeyExplorers = window.OpenKeyExplorers || {})[\"test\"]"))
        #expect(text.contains("\"preselection\":[\"filter lep_n == 4\"]"))
        #expect(text.contains("\"expr\":\"m4l\""))
        #expect(text.contains("\"name\":\"data\",\"label\":\"data\",\"role\":\"data\",\"color\":null,\"events\":1340,\"weights\":null"))
        #expect(!text.contains("fetch("))
    }

    @Test func explorerSpecificationErrorsPointIntoThePage() {
        let jagged = errors(ExplorerBuilder.build(embed(.explorer, "sample data \"4lep_data.root\" tree \"mini\"\nhistogram lep_pt bins 4 from 0 to 4\n"),
                                                  dataDirectory: Self.data, budget: Budget()))
        #expect(jagged.contains { $0.id == "explorer.shape" && $0.location == SourceLocation(path: "Content/page.md", line: 12, column: 1) })
        let none = errors(ExplorerBuilder.build(embed(.explorer, "sample data \"4lep_data.root\" tree \"mini\"\nreport count() as \"n\"\n"),
                                                dataDirectory: Self.data, budget: Budget()))
        #expect(none.contains { $0.id == "explorer.no-variable" })
        #expect(none.contains { $0.id == "explorer.report" && $0.location?.line == 12 })
        let unknown = errors(ExplorerBuilder.build(embed(.explorer, "sample data \"4lep_data.root\" tree \"mini\"\nhistogram lep_nn bins 4 from 0 to 4\n"),
                                                   dataDirectory: Self.data, budget: Budget()))
        #expect(unknown.contains { $0.id == "ana.unknown-name" && $0.location?.line == 12 && $0.notes.contains { $0.message.contains("lep_n") } })
        let syntax = errors(ExplorerBuilder.build(embed(.explorer, "sample data \"4lep_data.root\" tree \"mini\"\nhistogram lep_n bins from 0 to 4\n"),
                                                  dataDirectory: Self.data, budget: Budget()))
        #expect(syntax.contains { $0.severity == .error && $0.location?.line == 12 })
    }

    @Test func eventDisplayShowsTheEventsTheEngineSelects() throws {
        let spec = """
        sample data "4lep_data.root" tree "mini"
        filter lep_n == 4 and sum(lep_charge) == 0
        define m4l = mass(lep_pt / 1000, lep_eta, lep_phi, lep_E / 1000)
        filter m4l > 120 and m4l < 130
        show first 2
        title "Two candidates"
        """
        let built = try EventDisplayBuilder.build(embed(.eventDisplay, spec), dataDirectory: Self.data, budget: Budget()).get()
        #expect(built.events.count == 2)
        // The same selection run by the engine: the first two passing entries, in file order.
        let analysis = "sample data \"4lep_data.root\" tree \"mini\"\nfilter lep_n == 4 and sum(lep_charge) == 0\n"
            + "define m4l = mass(lep_pt / 1000, lep_eta, lep_phi, lep_E / 1000)\nfilter m4l > 120 and m4l < 130\nhistogram m4l bins 1 from 0 to 1000\n"
        let (program, _) = Analysis.parse(Array(analysis.utf8), path: "x.ana")
        let (sources, _) = Analysis.openSources(program, dataDirectory: Self.data)
        let checked = try #require(Checker.check(program, schemas: sources.mapValues { $0.schema }).0)
        let collected = try EventCollector.collect(checked, sources: sources).get()
        #expect(built.events.map(\.entry) == Array(collected[0].entries.prefix(2)))
        for event in built.events {
            #expect(event.display.title == "Two candidates")
            let leptons = event.display.objects.filter { $0.kind == .electron || $0.kind == .muon }
            #expect(leptons.count == 4)
            #expect(leptons.map { $0.charge ?? 0 }.reduce(0, +) == 0)
            #expect(leptons.allSatisfy { $0.pt > 1 && $0.pt < 1000 })   // GeV, not MeV
            #expect(event.run != nil && event.event != nil)
        }
        let html = FigureStage.eventDisplayHTML(built, ui: UIStrings.english)
        #expect(html.contains("<figure class=\"event-display\" id=\"evd-test-1\">"))
        #expect(html.contains("4lep_data.root, entry \(built.events[0].entry)"))
    }

    @Test func eventDisplaySpecificationErrors() {
        let badShow = errors(EventDisplayBuilder.build(embed(.eventDisplay, "sample data \"4lep_data.root\" tree \"mini\"\nshow everything\n"),
                                                       dataDirectory: Self.data, budget: Budget()))
        #expect(badShow.contains { $0.id == "evd.show" && $0.location?.line == 12 })
        let twoSamples = errors(EventDisplayBuilder.build(embed(.eventDisplay, "sample a \"4lep_data.root\" tree \"mini\"\nsample b \"4lep_ZZ.root\" tree \"mini\"\n"),
                                                          dataDirectory: Self.data, budget: Budget()))
        #expect(twoSamples.contains { $0.id == "evd.sample" && $0.location?.line == 12 })
        let nothing = errors(EventDisplayBuilder.build(embed(.eventDisplay, "sample data \"4lep_data.root\" tree \"mini\"\nfilter lep_n == 7\n"),
                                                       dataDirectory: Self.data, budget: Budget()))
        #expect(nothing.contains { $0.id == "evd.none" })
        let missingEntry = errors(EventDisplayBuilder.build(embed(.eventDisplay, "sample data \"4lep_data.root\" tree \"mini\"\nshow entry 99999\n"),
                                                            dataDirectory: Self.data, budget: Budget()))
        #expect(missingEntry.contains { $0.id == "evd.entry" })
    }

    @Test func pagesPlaceFiguresAndNameThemOnce() {
        let markdown = "Intro\n\n```explorer z\nsample data \"x.root\"\n```\n\n```event-display\nsample data \"x.root\"\n```\n"
        let rendered = MarkdownRenderer.render(markdown, sourcePath: "Content/p.md", firstLine: 1, outputPath: "p.html",
                                               resolver: LinkResolver(course: MarkdownRendererTests.course, edition: .student), options: MarkdownOptions())
        #expect(rendered.figures.count == 1)
        #expect(rendered.figures.first?.location.line == 3)
        #expect(rendered.html.contains(RenderedMarkdown.figureMarker(0)))
        #expect(rendered.diagnostics.contains { $0.id == "figure.embed" && $0.location?.line == 7 })
    }
}
