import Dispatch

/// Reads a tree chunk by chunk: for each chunk, the baskets of the requested branches that hold its entries
/// are read, decompressed and checked in parallel (`DispatchQueue.concurrentPerform`), then decoded into a column when it is first read.
///
/// Memory stays bounded by the chunk's baskets plus one basket per branch: a basket that extends past the chunk's
/// end is kept for the next chunk; the others are held only by the chunk's columns, until the chunk is dropped.
struct ROOTChunkReader: ChunkReader {
    let read: ROOTRead
    /// The next chunk to read.
    private var position = 0
    /// Per column, the basket carried over from the previous chunk, with its span index.
    private var carried: [(index: Int, basket: ROOTBasketEntries)?]

    init(_ read: ROOTRead) {
        self.read = read
        carried = Array(repeating: nil, count: read.plans.count)
    }

    mutating func next() throws(DataError) -> Chunk? {
        guard position < read.chunks.count else { return nil }
        let range = read.chunks[position]
        // Which baskets each column needs, and which of them must be loaded now.
        var needed: [Range<Int>] = []
        var tasks: [(column: Int, span: Int)] = []
        for (column, plan) in read.plans.enumerated() {
            let spans = plan.spanIndices(overlapping: range)
            needed.append(spans)
            for span in spans where carried[column]?.index != span {
                tasks.append((column, span))
            }
        }
        let decoded = decodeInParallel(tasks)
        var byColumn: [[Int: ROOTBasketEntries]] = Array(repeating: [:], count: read.plans.count)
        for (task, result) in zip(tasks, decoded) {
            switch result {
            case .success(let basket): byColumn[task.column][task.span] = basket
            case .failure(let error): throw read.context.with(branch: read.plans[task.column].name).error(error)
            }
        }
        var columns: [String: DeferredColumn] = [:]
        for (column, plan) in read.plans.enumerated() {
            if let kept = carried[column] { byColumn[column][kept.index] = kept.basket }
            let baskets = needed[column].compactMap { byColumn[column][$0] }
            columns[read.columns[column]] = try ROOTColumnAssembly(plan, baskets, range, context: read.context).deferred
            carried[column] = nil
            if let lastIndex = needed[column].last, let last = byColumn[column][lastIndex],
               last.firstEntry + last.entries > range.upperBound {
                carried[column] = (lastIndex, last)
            }
        }
        position += 1
        return Chunk(firstEvent: range.lowerBound, eventCount: range.count, columns: [:], deferred: columns)
    }

    /// Decodes the tasks' baskets, several at once when there are several.
    private func decodeInParallel(_ tasks: [(column: Int, span: Int)]) -> [Result<ROOTBasketEntries, ROOTFormatError>] {
        let slots = ResultSlots(count: tasks.count)
        let read = self.read
        let work: @Sendable (Int) -> Void = { i in
            let task = tasks[i]
            do throws(ROOTFormatError) {
                slots.set(i, .success(try read.tree.loadBasket(read.plans[task.column], task.span)))
            } catch {
                slots.set(i, .failure(error))
            }
        }
        if tasks.count == 1 {
            work(0)
        } else if tasks.count > 1 {
            DispatchQueue.concurrentPerform(iterations: tasks.count, execute: work)
        }
        return slots.results
    }
}

/// One result slot per task; each slot is written by exactly one task and read after all have finished,
/// which is what makes sharing the buffer across `concurrentPerform`'s threads safe.
private final class ResultSlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<ROOTBasketEntries, ROOTFormatError>?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ result: Result<ROOTBasketEntries, ROOTFormatError>) {
        buffer[index] = result
    }

    var results: [Result<ROOTBasketEntries, ROOTFormatError>] {
        buffer.map { $0 ?? .failure(ROOTFormatError("root.bad-basket", "a basket was not loaded")) }
    }
}
