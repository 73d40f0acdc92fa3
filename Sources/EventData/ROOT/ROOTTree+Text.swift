import Diagnostics

extension ROOTTree {
    /// The values of a text branch (`char*`, `std::string`, `TString`) for `entries` (default: all),
    /// for `openkey inspect` and dumps. Text is not an analysis column; memory grows with the range asked for.
    public func strings(_ branch: String, entries: Range<Int>? = nil) throws(DataError) -> [String] {
        let context = self.context.with(branch: branch)
        guard let plan = plan(named: branch) else {
            throw DataError(Diagnostic.error("root.unknown-branch",
                                             "'\(context.displayPath)': tree '\(info.path)' has no branch '\(branch)'",
                                             at: .file(context.displayPath))
                .suggesting(branch, from: info.branches.map(\.name)))
        }
        guard plan.layout == .unreadable(why: ROOTBranchLayout.text) else {
            throw context.error("root.unreadable-branch", "branch '\(branch)' (\(plan.typeName)) does not hold text")
        }
        let wanted = (entries ?? 0..<info.entries).clamped(to: 0..<info.entries)
        var result: [String] = []
        result.reserveCapacity(wanted.count)
        do throws(ROOTFormatError) {
            for index in plan.spanIndices(overlapping: wanted) {
                let span = plan.spans[index]
                let data = try ROOTBasketData.load(span, of: plan.record, from: handle)
                let lower = max(wanted.lowerBound, span.firstEntry), upper = min(wanted.upperBound, span.endEntry)
                result += try Self.texts(in: data, entries: (lower - span.firstEntry)..<(upper - span.firstEntry))
            }
        } catch {
            throw context.error(error)
        }
        guard result.count == wanted.count else {
            throw context.error("root.truncated", "the branch's baskets hold \(result.count) of \(wanted.count) entries")
        }
        return result
    }

    /// Entries `entries` of a basket of length-prefixed strings (1 length byte, or 255 and a 4-byte length),
    /// each possibly behind a 6-byte object header.
    private static func texts(in data: ROOTBasketData, entries: Range<Int>) throws(ROOTFormatError) -> [String] {
        var cursor = ROOTCursor(data.bytes, position: data.start, fileOffset: nil, recordOffset: data.fileOffset)
        let end = data.start + data.dataLength
        var out: [String] = []
        for entry in 0..<entries.upperBound {
            let begin: Int, stop: Int
            if let offsets = data.offsets {
                begin = data.start + Int(offsets[entry])
                stop = data.start + Int(offsets[entry + 1])
            } else {
                begin = cursor.position
                stop = end
            }
            guard entry >= entries.lowerBound || data.offsets == nil else { continue }
            try cursor.move(to: begin, "a text entry")
            if stop - begin >= 6 {
                var peek = cursor
                let word = try peek.u32("a text entry")
                if word & ROOTStreamer.byteCountMask != 0, Int(word & ~ROOTStreamer.byteCountMask) + 4 == stop - begin {
                    try cursor.skip(6, "a text entry")
                }
            }
            let text = try cursor.string("a text entry")
            guard cursor.position <= stop else { throw .truncated("a text entry", at: data.fileOffset) }
            if entry >= entries.lowerBound { out.append(text) }
        }
        return out
    }
}
