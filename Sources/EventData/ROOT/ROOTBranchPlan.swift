/// Everything needed to read one branch: its record, layout, and baskets in entry order.
struct ROOTBranchPlan: Sendable {
    let record: ROOTBranchRecord
    var layout: ROOTBranchLayout
    let typeName: String
    let spans: [ROOTBasketSpan]

    var name: String { record.name }

    /// Checks the basket tables (sizes, positions, first entries) against each other and the file size.
    init(record: ROOTBranchRecord, fileSize: Int64) throws(ROOTFormatError) {
        self.record = record
        (layout, typeName) = ROOTBranchLayout.classify(record)
        let count = record.basketCount
        guard count <= record.basketBytes.count, count <= record.basketEntry.count, count <= record.basketSeek.count else {
            throw ROOTFormatError("root.bad-key", "branch '\(record.name)' lists \(count) baskets in shorter tables",
                                  at: record.recordOffset)
        }
        let embeddedEntries = record.embeddedBaskets.reduce(0) { $0 + $1.entries }
        var spans: [ROOTBasketSpan] = []
        spans.reserveCapacity(count + record.embeddedBaskets.count)
        var position = count > 0 ? Int(record.basketEntry[0]) : 0
        for i in 0..<count {
            let first = record.basketEntry[i]
            var next: Int64
            if i + 1 < count {
                next = record.basketEntry[i + 1]
            } else if count < record.basketEntry.count, record.basketEntry[count] > first {
                next = record.basketEntry[count]
            } else {
                next = record.entries - Int64(embeddedEntries)
            }
            let seek = record.basketSeek[i], bytes = Int(record.basketBytes[i])
            guard first == Int64(position), next >= first, next <= record.entries,
                  seek > 0, bytes >= ROOTKey.minimumLength, Int64(bytes) <= fileSize, seek <= fileSize - Int64(bytes) else {
                throw ROOTFormatError("root.bad-key",
                                      "branch '\(record.name)' basket \(i) is inconsistent (entries \(first)..<\(next), "
                                      + "\(bytes) bytes at \(seek), file size \(fileSize))", at: record.recordOffset)
            }
            position = Int(next)
            if next > first {
                spans.append(ROOTBasketSpan(firstEntry: Int(first), entries: Int(next - first),
                                            source: .disk(seek: seek, bytes: bytes)))
            }
        }
        for (index, basket) in record.embeddedBaskets.enumerated() {
            spans.append(ROOTBasketSpan(firstEntry: position, entries: basket.entries, source: .embedded(index)))
            position += basket.entries
        }
        self.spans = spans
    }

    /// Indices of the baskets holding any entry in `range`.
    func spanIndices(overlapping range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        // First span whose end is past range.lowerBound.
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].endEntry <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < spans.count && spans[end].firstEntry < range.upperBound { end += 1 }
        return low..<end
    }

    /// Number of entries the baskets cover from entry 0 on without a gap.
    var coveredEntries: Int {
        var position = 0
        for span in spans {
            guard span.firstEntry == position else { break }
            position = span.endEntry
        }
        return position
    }
}
