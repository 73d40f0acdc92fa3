import Foundation

/// A tree's chunks for the engine's workers: each worker reads the chunk it takes (its baskets read, decompressed
/// and checked on that worker's thread; each column decoded when the analysis first reads it) and processes it,
/// so decompression and analysis run on every core with no barrier between chunks.
///
/// A basket is loaded once even when it holds entries of two chunks read by two workers: the first worker to
/// need it loads it, the other waits for it. The reader drops each basket as soon as the last chunk that needs it
/// has been handed out; that chunk's columns hold it until the chunk is processed. So memory stays bounded by the
/// chunks in flight (one per worker) and their baskets.
final class ROOTParallelChunks: ParallelChunkReader, @unchecked Sendable {
    let read: ROOTRead
    let chunkCount: Int

    private enum Slot {
        /// Not loaded (yet, or any more: `users` tells which).
        case empty
        case decoding
        case ready(ROOTBasketEntries)
        case failed(ROOTFormatError)
    }

    private let condition = NSCondition()
    /// Per column and basket: its state and how many chunks still need it.
    private var slots: [[Slot]]
    private var users: [[Int]]

    init(_ read: ROOTRead) {
        self.read = read
        chunkCount = read.chunks.count
        slots = read.plans.map { Array(repeating: .empty, count: $0.spans.count) }
        users = read.plans.map { plan in
            var counts = Array(repeating: 0, count: plan.spans.count)
            for chunk in read.chunks {
                for span in plan.spanIndices(overlapping: chunk) { counts[span] += 1 }
            }
            return counts
        }
    }

    func chunk(_ index: Int) throws(DataError) -> Chunk {
        let range = read.chunks[index]
        let spans = read.plans.map { $0.spanIndices(overlapping: range) }
        defer { for (column, needed) in spans.enumerated() { release(column, needed) } }
        // Baskets another worker is loading (the ones shared with its chunk) are taken last, after this
        // worker has loaded its own, so neither waits for the other while it has work.
        var baskets: [[Int: ROOTBasketEntries]] = Array(repeating: [:], count: read.plans.count)
        for wait in [false, true] {
            for (column, needed) in spans.enumerated() {
                for span in needed where baskets[column][span] == nil {
                    do throws(ROOTFormatError) {
                        baskets[column][span] = try acquire(column, span, wait: wait)
                    } catch {
                        throw read.context.with(branch: read.plans[column].name).error(error)
                    }
                }
            }
        }
        var columns: [String: DeferredColumn] = [:]
        for (column, plan) in read.plans.enumerated() {
            let loaded = spans[column].compactMap { baskets[column][$0] }
            columns[read.columns[column]] = try ROOTColumnAssembly(plan, loaded, range, context: read.context).deferred
        }
        return Chunk(firstEvent: range.lowerBound, eventCount: range.count, columns: [:], deferred: columns)
    }

    /// The loaded basket, loading it here unless another worker has or is doing it; in that last case nil
    /// unless `wait`.
    private func acquire(_ column: Int, _ span: Int, wait: Bool) throws(ROOTFormatError) -> ROOTBasketEntries? {
        condition.lock()
        while true {
            switch slots[column][span] {
            case .ready(let basket):
                condition.unlock()
                return basket
            case .failed(let error):
                condition.unlock()
                throw error
            case .decoding:
                guard wait else { condition.unlock(); return nil }
                condition.wait()
            case .empty:
                slots[column][span] = .decoding
                condition.unlock()
                let result: Slot
                do throws(ROOTFormatError) {
                    result = .ready(try read.tree.loadBasket(read.plans[column], span))
                } catch {
                    result = .failed(error)
                }
                condition.lock()
                // Every chunk that needs the basket may already be done with it (only after a failure elsewhere).
                slots[column][span] = users[column][span] > 0 ? result : .empty
                condition.broadcast()
                condition.unlock()
                switch result {
                case .ready(let basket): return basket
                case .failed(let error): throw error
                default: throw ROOTFormatError("root.bad-basket", "a basket was not loaded")
                }
            }
        }
    }

    /// One chunk is done with these baskets; the last one drops them.
    private func release(_ column: Int, _ spans: Range<Int>) {
        condition.lock()
        defer { condition.unlock() }
        for span in spans {
            users[column][span] -= 1
            if users[column][span] <= 0, case .ready = slots[column][span] { slots[column][span] = .empty }
        }
    }
}
