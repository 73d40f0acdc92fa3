import Diagnostics
import Dispatch
import EventData
import Foundation

/// Runs a checked program over its samples: chunks are read one after another and processed in parallel;
/// partial results are merged in chunk order, so results do not depend on the number of threads.
public enum AnalysisRunner {
    public struct Options: Sendable {
        public var budget: Budget
        public var chunkSize: Int
        public var threads: Int

        public init(budget: Budget = Budget(), chunkSize: Int = 65_536, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.budget = budget
            self.chunkSize = max(1, chunkSize)
            self.threads = max(1, threads)
        }
    }

    public static func run(_ checked: CheckedProgram, sources: [String: any ColumnSource], options: Options = Options())
        -> Result<AnalysisResult, Diagnostic> {
        let program = checked.program
        var samples: [AnalysisResult.Sample] = []
        for sample in program.samples {
            guard let source = sources[sample.name] else {
                return .failure(.error("ana.no-source", "no data for sample '\(sample.name)'", at: sample.location))
            }
            switch runSample(sample, source: source, checked: checked, options: options) {
            case .success(let partial): samples.append(result(for: sample, partial: partial, program: program))
            case .failure(let d): return .failure(d)
            }
        }
        let histograms = program.statements.compactMap { statement -> AnalysisResult.HistogramInfo? in
            guard case .histogram(let h) = statement else { return nil }
            return .init(name: h.name, title: h.title, xLabel: h.xLabel, yLabel: h.yLabel, logY: h.logY, edges: h.edges)
        }
        return .success(AnalysisResult(analysis: program.path, luminosity: program.luminosity, histograms: histograms, samples: samples))
    }

    static func runSample(_ sample: SampleDecl, source: any ColumnSource, checked: CheckedProgram, options: Options)
        -> Result<Partial, Diagnostic> {
        let processor = ChunkProcessor(program: checked.program, sample: sample, budget: options.budget)
        let columns = checked.columns[sample.name] ?? []
        var reader: any ChunkReader
        do {
            if let chunks = try source.makeParallelReader(columns: columns, chunkSize: options.chunkSize, limit: options.budget.maxEvents) {
                return runParallel(chunks, processor: processor, sample: sample, checked: checked, options: options)
            }
            reader = try source.makeReader(columns: columns, chunkSize: options.chunkSize, limit: options.budget.maxEvents)
        } catch {
            return .failure(error.diagnostic)
        }
        let results = PartialStore()
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: options.threads)
        let queue = DispatchQueue(label: "openkey.analysis", attributes: .concurrent)
        var index = 0
        while results.firstError == nil {
            do {
                try options.budget.checkTime(at: sample.location)
                guard let chunk = try reader.next() else { break }
                let slot = index
                index += 1
                slots.wait()
                group.enter()
                queue.async {
                    defer { slots.signal(); group.leave() }
                    guard results.firstError == nil else { return }
                    do throws(Diagnostic) {
                        results.set(slot, .success(try processor.process(chunk)))
                    } catch {
                        results.set(slot, .failure(error))
                    }
                }
            } catch let error as DataError {
                results.set(index, .failure(error.diagnostic))
            } catch let error as Diagnostic {
                results.set(index, .failure(error))
            } catch {
                results.set(index, .failure(.error("ana.runtime", "\(error)", at: sample.location)))
            }
        }
        group.wait()
        if let error = results.firstError { return .failure(error) }
        var total = Partial(program: checked.program)
        for partial in results.ordered { total.merge(partial) }
        return .success(total)
    }

    /// Sources whose chunks can be read from several threads: `threads` workers each take the next chunk, read it
    /// and process it. Partials are merged in chunk order, as in the sequential path.
    static func runParallel(_ chunks: any ParallelChunkReader, processor: ChunkProcessor, sample: SampleDecl,
                            checked: CheckedProgram, options: Options) -> Result<Partial, Diagnostic> {
        let results = PartialStore()
        let next = ChunkCounter()
        let work: @Sendable (Int) -> Void = { _ in
            while results.firstError == nil, let index = next.take(below: chunks.chunkCount) {
                do throws(Diagnostic) {
                    try options.budget.checkTime(at: sample.location)
                    let chunk: Chunk
                    do throws(DataError) { chunk = try chunks.chunk(index) } catch { throw error.diagnostic }
                    results.set(index, .success(try processor.process(chunk)))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        let workers = min(options.threads, max(1, chunks.chunkCount))
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        if let error = results.firstError { return .failure(error) }
        var total = Partial(program: checked.program)
        for partial in results.ordered { total.merge(partial) }
        return .success(total)
    }

    static func result(for sample: SampleDecl, partial: Partial, program: Program) -> AnalysisResult.Sample {
        var cutflow = [AnalysisResult.CutFlowEntry(name: "all events", events: partial.cutflow[0].events,
                                                    sumw: partial.cutflow[0].sumw, sumw2: partial.cutflow[0].sumw2)]
        var reports: [AnalysisResult.Report] = []
        var filter = 0, report = 0
        for statement in program.statements {
            switch statement {
            case let .filter(_, name, _):
                filter += 1
                let c = partial.cutflow[filter]
                cutflow.append(.init(name: name, events: c.events, sumw: c.sumw, sumw2: c.sumw2))
            case let .report(aggregate, _, name, _):
                let acc = partial.reports[report]
                reports.append(.init(name: name, aggregate: aggregate.rawValue, value: acc.value(aggregate), events: acc.events))
                report += 1
            default: break
            }
        }
        return .init(name: sample.name, label: sample.label, role: sample.role.rawValue, color: sample.color,
                     cutflow: cutflow, histograms: partial.histograms, reports: reports)
    }
}

/// Partial results by chunk index, and the first error (lowest chunk index wins, for deterministic messages).
private final class PartialStore: @unchecked Sendable {
    private let lock = NSLock()
    private var partials: [Int: Partial] = [:]
    private var errors: [Int: Diagnostic] = [:]

    func set(_ index: Int, _ result: Result<Partial, Diagnostic>) {
        lock.lock(); defer { lock.unlock() }
        switch result {
        case .success(let p): partials[index] = p
        case .failure(let d): errors[index] = d
        }
    }

    var firstError: Diagnostic? {
        lock.lock(); defer { lock.unlock() }
        return errors.min { $0.key < $1.key }?.value
    }

    var ordered: [Partial] {
        lock.lock(); defer { lock.unlock() }
        return partials.keys.sorted().compactMap { partials[$0] }
    }
}

/// Hands out chunk indices in increasing order to the workers.
private final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
