import Analysis
import Diagnostics
import EventData
import Foundation
import Plotting

/// Builds event displays from a specification: one `sample`, optional `filter`/`define` lines choosing events, and
///
///     show first 2            the first events passing the filters (default: the first one)
///     show entry 17 342       these entries of the file (each must pass the filters)
///     title "A Higgs boson candidate"
///
/// The engine selects the events; their electrons, muons, photons, jets and missing transverse momentum (ATLAS Open
/// Data branches, MeV) are drawn as SVG at build time.
enum EventDisplayBuilder {
    struct Built: Sendable {
        var id: String
        var events: [Event]
    }

    /// One drawn event and where it comes from.
    struct Event: Sendable {
        var display: EventDisplay
        var run: Int?
        var event: Int?
        var file: String
        var entry: Int
    }

    /// The object branches read when present.
    static let objectColumns = ["lep_pt", "lep_eta", "lep_phi", "lep_E", "lep_charge", "lep_type",
                                "photon_pt", "photon_eta", "photon_phi", "photon_E",
                                "jet_pt", "jet_eta", "jet_phi", "jet_E", "met_et", "met_phi", "runNumber", "eventNumber"]

    static func build(_ embed: FigureEmbed, dataDirectory: URL, budget: Budget) -> Result<Built, ExerciseFailure> {
        let path = embed.location.path
        var lines = embed.sourceAtItsLines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [Diagnostic] = []
        var first = 1
        var entries: [Int]?
        var title: String?
        // The display's own lines are taken out (left blank, so the analysis parser's line numbers stay right).
        for (index, raw) in lines.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            let at = SourceLocation(path: path, line: index + 1, column: 1)
            let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.first == "show" {
                lines[index] = ""
                if words.count == 3, words[1] == "first", let n = Int(words[2]), (1...8).contains(n) {
                    first = n
                } else if words.count >= 3, words.count <= 10, words[1] == "entry", case let numbers = words.dropFirst(2).compactMap({ Int($0) }),
                          numbers.count == words.count - 2, numbers.allSatisfy({ $0 >= 0 }) {
                    entries = numbers
                } else {
                    problems.append(.error("evd.show", "expected 'show first N' (N from 1 to 8) or 'show entry N …' (up to 8 entries)", at: at))
                }
            } else if words.first == "title" {
                lines[index] = ""
                let rest = text.dropFirst("title".count).trimmingCharacters(in: .whitespaces)
                guard rest.count >= 2, rest.hasPrefix("\""), rest.hasSuffix("\"") else {
                    problems.append(.error("evd.title", "the title is text in double quotes: title \"…\"", at: at))
                    continue
                }
                title = String(rest.dropFirst().dropLast())
            }
        }
        let (parsed, syntax) = Analysis.parse(Array(lines.joined(separator: "\n").utf8), path: path)
        problems += syntax.filter { $0.severity == .error }
        guard problems.isEmpty else { return .failure(ExerciseFailure(problems)) }
        var program = parsed
        guard program.samples.count == 1, let sample = program.samples.first else {
            return .failure(ExerciseFailure([.error("evd.sample", "an event display shows events of one sample; this names \(program.samples.count)",
                                                    at: program.samples.dropFirst().first?.location ?? embed.location,
                                                    hint: "e.g. sample data \"4lep_data.root\" tree \"mini\"")]))
        }
        for statement in program.statements {
            switch statement {
            case .histogram(let h):
                problems.append(.error("evd.statement", "an event display chooses events with filter and define lines; it has no histograms", at: h.location))
            case let .report(_, _, _, location):
                problems.append(.error("evd.statement", "an event display chooses events with filter and define lines; it has no reports", at: location))
            default: break
            }
        }
        guard problems.isEmpty else { return .failure(ExerciseFailure(problems)) }
        let (sources, openErrors) = Analysis.openSources(program, dataDirectory: dataDirectory)
        guard openErrors.isEmpty, let source = sources[sample.name] else { return .failure(ExerciseFailure(openErrors)) }
        let available = Set(source.schema.map(\.name))
        let columns = objectColumns.filter(available.contains)
        for (k, name) in columns.enumerated() {
            // Each read column gets its own (invisible) position: the checker's types are kept by position.
            let at = SourceLocation(path: path, line: embed.location.line, column: 10_000 + k)
            program.statements.append(.histogram(HistogramDecl(name: "evd_" + name, expr: .name(name, at), edges: [0, 1],
                                                               title: "", xLabel: "", location: at)))
        }
        let (checked, checks) = Checker.check(program, schemas: sources.mapValues(\.schema))
        guard let checked else { return .failure(ExerciseFailure(checks.filter { $0.severity == .error })) }
        let collected: EventCollector.Sample
        switch EventCollector.collect(checked, sources: sources, limit: entries == nil ? first : nil, budget: budget) {
        case .failure(let d): return .failure(ExerciseFailure([d]))
        case .success(let samples):
            guard let s = samples.first else { return .failure(ExerciseFailure([])) }
            collected = s
        }
        var rows: [Int] = []
        if let entries {
            for entry in entries {
                guard let row = collected.entries.firstIndex(of: entry) else {
                    problems.append(.error("evd.entry", "entry \(entry) of \(sample.path) does not pass the filters (or does not exist)", at: embed.location))
                    continue
                }
                rows.append(row)
            }
        } else {
            rows = Array(collected.entries.indices.prefix(first))
            if rows.isEmpty { problems.append(.error("evd.none", "no event of \(sample.path) passes the filters", at: embed.location)) }
        }
        guard problems.isEmpty else { return .failure(ExerciseFailure(problems)) }
        func list(_ name: String, _ row: Int) -> [Double] {
            guard let k = columns.firstIndex(of: name), case .lists(let l) = collected.columns[k] else { return [] }
            return l[row]
        }
        func value(_ name: String, _ row: Int) -> Double? {
            guard let k = columns.firstIndex(of: name), case .values(let v) = collected.columns[k] else { return nil }
            return v[row]
        }
        var events: [Event] = []
        for row in rows {
            var objects: [PhysicsObject] = []
            let (pt, eta, phi, e, charge, type) = (list("lep_pt", row), list("lep_eta", row), list("lep_phi", row), list("lep_E", row),
                                                  list("lep_charge", row), list("lep_type", row))
            for i in pt.indices where i < eta.count && i < phi.count && i < e.count {
                let kind: PhysicsObject.Kind = i < type.count && type[i] == 13 ? .muon : .electron
                objects.append(PhysicsObject(kind: kind, pt: pt[i] / 1000, eta: eta[i], phi: phi[i], energy: e[i] / 1000,
                                             charge: i < charge.count ? Int(charge[i]) : nil))
            }
            for (prefix, kind) in [("photon", PhysicsObject.Kind.photon), ("jet", .jet)] {
                let (p, h, f, en) = (list(prefix + "_pt", row), list(prefix + "_eta", row), list(prefix + "_phi", row), list(prefix + "_E", row))
                for i in p.indices where i < h.count && i < f.count && i < en.count {
                    objects.append(PhysicsObject(kind: kind, pt: p[i] / 1000, eta: h[i], phi: f[i], energy: en[i] / 1000))
                }
            }
            var met: MissingET?
            if let et = value("met_et", row), let f = value("met_phi", row) { met = MissingET(et: et / 1000, phi: f) }
            let entry = collected.entries[row]
            let display = EventDisplay(title: title ?? "\(sample.path), entry \(entry)", objects: objects, missingET: met)
            events.append(Event(display: display, run: value("runNumber", row).map { Int($0) }, event: value("eventNumber", row).map { Int($0) },
                                file: sample.path, entry: entry))
        }
        return .success(Built(id: embed.id, events: events))
    }
}
