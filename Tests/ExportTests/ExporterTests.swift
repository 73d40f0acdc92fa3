import Diagnostics
import Export
import Foundation
import Testing

/// The exported programs themselves are run against ROOT, uproot and Dask by `make test-export`
/// (scripts/test-export.py); these tests pin what the exporter writes and how it refuses.
@Suite struct ExporterTests {
    static let targets: [(ExportTarget, String)] = [
        (.rdataframe(distributed: nil), "zmass_rdataframe.py"), (.rdataframe(distributed: .dask), "zmass_rdataframe_dask.py"),
        (.uproot(dask: false), "zmass_uproot.py"), (.uproot(dask: true), "zmass_uproot_dask.py"),
    ]

    func export(_ source: String, target: ExportTarget, data: URL = TestPaths.scripts, name: String = "test.ana",
                programName: String? = nil) -> (String?, [Diagnostic]) {
        Exporter.export(source: Array(source.utf8), path: name, dataDirectory: data, target: target, programName: programName)
    }

    @Test(arguments: targets)
    func engineTestScriptExportsAsGolden(target: ExportTarget, golden: String) throws {
        let url = TestPaths.scripts.appendingPathComponent("zmass.ana")
        let source = try String(contentsOf: url, encoding: .utf8)
        let (program, diagnostics) = export(source, target: target, name: "zmass.ana")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        Golden.check(try #require(program), against: golden)
    }

    @Test func cppMacroOfAnExerciseIsGoldenAndNamedAfterItsFile() throws {
        let url = TestPaths.exercises.appendingPathComponent("z-boson-mass/solution.ana")
        let source = try String(contentsOf: url, encoding: .utf8)
        let (program, diagnostics) = export(source, target: .cpp, data: TestPaths.exercises.appendingPathComponent("data"),
                                            name: "solution.ana", programName: "z-mass")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let text = try #require(program)
        #expect(text.contains("void z_mass(const char* data = \".\")"))
        Golden.check(text, against: "z_mass.C")
    }

    @Test func languageConstructsMapWithTheEnginesMeaning() throws {
        let source = """
        sample data "data/leptons.csv"
        define third = lep_pt[2]
        define hard = lep_pt[lep_pt > 30000]
        define tail = lep_pt[1:]
        define ratio = lep_n / 2
        filter third > 0 and not (lep_n == 5) as "three"
        filter lep_charge[0] != lep_charge[1] as "charges"
        report sum(mean(hard)) as "m"
        report count() as "n"
        histogram tail bins 4 from 0 to 100000
        report max(ratio) as "r"
        """
        let (rdf, d1) = export(source, target: .rdataframe(distributed: nil))
        #expect(d1.isEmpty, "\(d1)")
        let r = try #require(rdf)
        #expect(r.contains(#"df.Define("third", "at(lep_pt, 2)")"#))          // an index: NaN when out of range
        #expect(r.contains(#"df.Define("hard", "lep_pt[lep_pt > 30000]")"#))  // a mask
        #expect(r.contains(#"df.Define("tail", "sublist(lep_pt, 1, lep_pt.size())")"#))
        #expect(r.contains(#"df.Define("ratio", "lep_n / 2.0")"#))            // integer division stays a real division
        #expect(r.contains(#"df.Filter("third > 0 && !(lep_n == 5)", "three")"#))
        #expect(r.contains(#"differ(at(lep_charge, 0), at(lep_charge, 1))"#)) // NaN never differs
        #expect(r.contains("# filter third > 0 and not (lep_n == 5) as \"three\""))
        let (up, d2) = export(source, target: .uproot(dask: false))
        #expect(d2.isEmpty, "\(d2)")
        let u = try #require(up)
        #expect(u.contains(#"events["third"] = at(events.lep_pt, 2)"#))
        #expect(u.contains(#"events["tail"] = events.lep_pt[:, 1:]"#))
        #expect(u.contains(#"events = events[(events.third > 0) & ~(events.lep_n == 5)]"#))
        #expect(u.contains("def read_openkey_csv(path):"))
        #expect(!u.contains("import vector"))   // no four-vectors, no vector import
    }

    @Test func floatBranchesAreComputedInDoublePrecision() throws {
        let source = """
        sample data "2lep_data.root" tree "mini"
        define dphi = lep_phi[0] - met_phi
        define x = met_et * met_phi
        filter x > 0
        histogram dphi bins 10 from -4 to 4
        """
        let (rdf, d) = export(source, target: .rdataframe(distributed: nil), data: TestPaths.exercises.appendingPathComponent("data"))
        #expect(d.isEmpty, "\(d)")
        let r = try #require(rdf)
        #expect(r.contains(#"df.Define("dphi", "at(lep_phi, 0) - met_phi")"#))    // at() already gives a double
        #expect(r.contains(#"df.Define("x", "double(met_et) * met_phi")"#))        // float × float widened
    }

    @Test func constructsWithoutATranslationAreNamedAtTheirLine() throws {
        let source = """
        sample data "data/leptons.csv"
        define closest = min(lep_pt, lep_eta)
        histogram closest bins 4 from 0 to 4
        """
        let (rdf, diagnostics) = export(source, target: .rdataframe(distributed: nil))
        #expect(rdf == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.id == "export.unsupported")
        #expect(error.location == SourceLocation(path: "test.ana", line: 2, column: 18))
        #expect(error.message.contains("min()"))
        // The awkward translation has an element-wise minimum.
        let (up, _) = export(source, target: .uproot(dask: false))
        #expect(up?.contains("np.minimum(events.lep_pt, events.lep_eta)") == true)
        // A ROOT macro cannot read CSV files, and says so at the sample.
        let (macro, d2) = export(source, target: .cpp)
        #expect(macro == nil)
        #expect(d2.contains { $0.id == "export.unsupported" && $0.location?.line == 1 })
    }

    @Test func analysisErrorsAreReportedAsByRun() {
        let (program, diagnostics) = export("sample data \"data/leptons.csv\"\nfilter lep_ptt > 1\n", target: .uproot(dask: false))
        #expect(program == nil)
        #expect(diagnostics.contains { $0.id == "ana.unknown-name" && $0.location?.line == 2 })
    }

    @Test func exportsAreDeterministic() throws {
        let source = try String(contentsOf: TestPaths.scripts.appendingPathComponent("semantics.ana"), encoding: .utf8)
        for (target, _) in Self.targets {
            let a = export(source, target: target).0, b = export(source, target: target).0
            #expect(a != nil && a == b)
        }
    }
}
