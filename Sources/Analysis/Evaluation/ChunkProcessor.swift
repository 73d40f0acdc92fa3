import Diagnostics
import Dispatch
import EventData

/// What one chunk contributes to a sample's results; merged with the other chunks in chunk order.
struct Partial: Sendable {
    var cutflow: [(events: Int, sumw: Double, sumw2: Double)]
    var histograms: [HistogramResult]
    var reports: [ReportAccumulator]

    init(program: Program) {
        let filters = program.statements.filter { if case .filter = $0 { return true } else { return false } }.count
        cutflow = Array(repeating: (0, 0, 0), count: filters + 1)
        histograms = program.statements.compactMap { if case .histogram(let h) = $0 { return HistogramResult(name: h.name, edges: h.edges) } else { return nil } }
        reports = program.statements.compactMap { if case .report = $0 { return ReportAccumulator() } else { return nil } }
    }

    mutating func merge(_ other: Partial) {
        for i in cutflow.indices {
            cutflow[i].events += other.cutflow[i].events
            cutflow[i].sumw += other.cutflow[i].sumw
            cutflow[i].sumw2 += other.cutflow[i].sumw2
        }
        for i in histograms.indices { histograms[i].add(other.histograms[i]) }
        for i in reports.indices { reports[i].merge(other.reports[i]) }
    }
}

/// Runs the statements over one chunk: filters compact every column, defines add columns,
/// histograms and reports accumulate. Budgets are checked after every statement.
struct ChunkProcessor {
    let program: Program
    let sample: SampleDecl
    let budget: Budget
    /// Columns still read by statement `i` or later: after a filter only these are compacted (the others are dropped).
    let liveFrom: [Set<String>]

    init(program: Program, sample: SampleDecl, budget: Budget) {
        self.program = program
        self.sample = sample
        self.budget = budget
        var live: [Set<String>] = Array(repeating: [], count: program.statements.count + 1)
        for i in stride(from: program.statements.count - 1, through: 0, by: -1) {
            live[i] = live[i + 1].union(program.statements[i].names)
        }
        liveFrom = live
    }

    func process(_ chunk: Chunk) throws(Diagnostic) -> Partial {
        var partial = Partial(program: program)
        var evaluator = Evaluator(chunk: chunk, luminosity: program.luminosity)
        var weights: ContiguousArray<Double>
        if let weight = sample.weight {
            weights = try evaluator.evaluate(weight).perEvent(chunk.eventCount) ?? ContiguousArray(repeating: 1, count: chunk.eventCount)
        } else {
            weights = ContiguousArray(repeating: 1, count: chunk.eventCount)
        }
        func record(_ step: Int) {
            var s = 0.0, s2 = 0.0
            for w in weights { s += w; s2 += w * w }
            partial.cutflow[step] = (evaluator.events, s, s2)
        }
        record(0)
        var filterIndex = 0, histogramIndex = 0, reportIndex = 0
        for (position, statement) in program.statements.enumerated() {
            try budget.checkTime(at: sample.location)
            switch statement {
            case let .filter(condition, _, _):
                if let kept = try evaluator.filter(condition, live: liveFrom[position + 1]) {
                    weights = Value.scalar(weights).gather(kept).perEvent(kept.count) ?? []
                }
                filterIndex += 1
                record(filterIndex)
            case let .define(name, expr, _):
                evaluator.columns[name] = try evaluator.evaluate(expr)
            case let .histogram(decl):
                switch try evaluator.evaluate(decl.expr) {
                case .constant(let c):
                    partial.histograms[histogramIndex].fill(ContiguousArray(repeating: c, count: evaluator.events)) { weights[$0] }
                case .scalar(let values):
                    partial.histograms[histogramIndex].fill(values) { weights[$0] }
                case let .jagged(offsets, values):
                    var owner = ContiguousArray<Int32>()
                    owner.reserveCapacity(values.count)
                    for e in 0..<(offsets.count - 1) { for _ in offsets[e]..<offsets[e + 1] { owner.append(Int32(e)) } }
                    partial.histograms[histogramIndex].fill(values) { weights[Int(owner[$0])] }
                }
                histogramIndex += 1
            case let .report(_, argument, _, _):
                var values = ContiguousArray<Double>(repeating: 0, count: evaluator.events)
                if let argument {
                    guard let perEvent = try evaluator.evaluate(argument).perEvent(evaluator.events) else {
                        throw .error("ana.shape", "report needs one value per event, but this gives a list per event", at: argument.startLocation)
                    }
                    values = perEvent
                }
                partial.reports[reportIndex].add(values, weights: weights)
                reportIndex += 1
            }
            try budget.checkMemory(evaluator.byteCount, at: statement.location)
        }
        return partial
    }
}

extension Statement {
    /// The column and define names the statement reads.
    var names: Set<String> {
        switch self {
        case .filter(let e, _, _), .define(_, let e, _): return e.names
        case .histogram(let h): return h.expr.names
        case .report(_, let e, _, _): return e?.names ?? []
        }
    }

    var location: SourceLocation {
        switch self {
        case .filter(_, _, let l), .define(_, _, let l), .report(_, _, _, let l): return l
        case .histogram(let h): return h.location
        }
    }
}
