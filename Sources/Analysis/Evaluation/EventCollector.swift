import Diagnostics
import EventData

/// The events of each sample that pass every filter of a program, one by one: their entry numbers, weights and the
/// values of the program's histogram expressions (evaluated after the last statement). Pages use it to embed an
/// event table (the cut explorer) or to draw chosen events (event displays); the selection is the engine's own.
public enum EventCollector {
    /// A list per event, or one value per event, of one collected expression.
    public enum Values: Sendable, Hashable {
        case values([Double])
        case lists([[Double]])
    }

    public struct Sample: Sendable {
        public var name: String
        /// Entry numbers in the sample's file.
        public var entries: [Int] = []
        public var weights: [Double] = []
        /// One per histogram statement of the program, in order.
        public var columns: [Values]
    }

    /// Collects at most `limit` events per sample (all when nil).
    public static func collect(_ checked: CheckedProgram, sources: [String: any ColumnSource], limit: Int? = nil,
                               budget: Budget = Budget()) -> Result<[Sample], Diagnostic> {
        let program = checked.program
        let expressions = program.statements.compactMap { if case .histogram(let h) = $0 { return h.expr } else { return nil } }
        var samples: [Sample] = []
        for sample in program.samples {
            guard let source = sources[sample.name] else {
                return .failure(.error("ana.no-source", "no data for sample '\(sample.name)'", at: sample.location))
            }
            var out = Sample(name: sample.name, columns: expressions.map { _ in .values([]) })
            var scalars = expressions.map { _ in [Double]() }
            var lists = expressions.map { _ in [[Double]]() }
            do {
                var reader = try source.makeReader(columns: checked.columns[sample.name] ?? [], chunkSize: 65_536, limit: budget.maxEvents)
                while let chunk = try reader.next() {
                    try budget.checkTime(at: sample.location)
                    var evaluator = Evaluator(chunk: chunk, luminosity: program.luminosity)
                    var weights = try sample.weight.map { w throws(Diagnostic) in try evaluator.evaluate(w).perEvent(chunk.eventCount) ?? [] }
                        ?? ContiguousArray(repeating: 1, count: chunk.eventCount)
                    var entries = ContiguousArray((0..<chunk.eventCount).map { Double(chunk.firstEvent + $0) })
                    for statement in program.statements {
                        switch statement {
                        case let .filter(condition, _, _):
                            if let kept = try evaluator.filter(condition, live: nil) {
                                weights = Value.scalar(weights).gather(kept).perEvent(kept.count) ?? []
                                entries = Value.scalar(entries).gather(kept).perEvent(kept.count) ?? []
                            }
                        case let .define(name, expr, _):
                            evaluator.columns[name] = try evaluator.evaluate(expr)
                        case .histogram, .report:
                            break
                        }
                    }
                    let take = min(evaluator.events, limit.map { $0 - out.entries.count } ?? evaluator.events)
                    for (k, expr) in expressions.enumerated() {
                        switch try evaluator.evaluate(expr) {
                        case .constant(let c): scalars[k] += Array(repeating: c, count: take)
                        case .scalar(let v): scalars[k] += v.prefix(take)
                        case let .jagged(offsets, values):
                            for e in 0..<take { lists[k].append(Array(values[Int(offsets[e])..<Int(offsets[e + 1])])) }
                        }
                    }
                    out.entries += entries.prefix(take).map { Int($0) }
                    out.weights += weights.prefix(take)
                    if let limit, out.entries.count >= limit { break }
                }
            } catch let error as DataError {
                return .failure(error.diagnostic)
            } catch let error as Diagnostic {
                return .failure(error)
            } catch {
                return .failure(.error("ana.runtime", "\(error)", at: sample.location))
            }
            out.columns = expressions.indices.map { k in checked.type(of: expressions[k])?.isJagged == true ? .lists(lists[k]) : .values(scalars[k]) }
            samples.append(out)
        }
        return .success(samples)
    }
}
