/// A unified diff of two texts, line by line (longest common subsequence), as `diff -u` prints it.
public enum LineDiff {
    /// nil when the texts are too long to compare here (more than `limit` lines each).
    public static func unified(old: String, new: String, oldName: String, newName: String,
                               context: Int = 3, limit: Int = 4000) -> String? {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count <= limit, b.count <= limit else { return nil }
        let ops = script(a, b)
        guard ops.contains(where: { $0.kind != " " }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group the edit script into hunks with `context` unchanged lines around changes.
        var index = 0
        while index < ops.count {
            guard let firstChange = ops[index...].firstIndex(where: { $0.kind != " " }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var quiet = 0
            var cursor = firstChange
            while cursor < ops.count {
                if ops[cursor].kind == " " {
                    quiet += 1
                    if quiet > context * 2 { break }
                } else {
                    quiet = 0
                    end = cursor
                }
                cursor += 1
            }
            let stop = min(ops.count, end + context + 1)
            let hunk = ops[start..<stop]
            let oldStart = (hunk.first(where: { $0.kind != "+" })?.oldLine ?? 0) + 1
            let newStart = (hunk.first(where: { $0.kind != "-" })?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != "+" }.count, newCount = hunk.filter { $0.kind != "-" }.count
            out += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for op in hunk { out += "\(op.kind)\(op.text)\n" }
            index = stop
        }
        return out
    }

    struct Op { var kind: Character; var text: String; var oldLine: Int; var newLine: Int }

    static func script(_ a: [String], _ b: [String]) -> [Op] {
        let n = a.count, m = b.count
        // lcs[i][j]: length of the LCS of a[i...] and b[j...], in one flat array.
        var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * (m + 1) + j] = a[i] == b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                ops.append(Op(kind: " ", text: a[i], oldLine: i, newLine: j)); i += 1; j += 1
            } else if i < n, j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                ops.append(Op(kind: "-", text: a[i], oldLine: i, newLine: j)); i += 1   // removals first, as diff -u
            } else {
                ops.append(Op(kind: "+", text: b[j], oldLine: i, newLine: j)); j += 1
            }
        }
        return ops
    }
}
