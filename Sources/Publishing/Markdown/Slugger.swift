/// Turns heading text into stable, unique anchor ids: lowercase, spaces to `-`, punctuation dropped
/// (letters of every script kept), duplicates numbered `-1`, `-2`.
public struct Slugger: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public mutating func slug(for text: String) -> String {
        let base = Slugger.base(text)
        let seed = base.isEmpty ? "section" : base
        if let count = used[seed] {
            var n = count
            var candidate: String
            repeat {
                candidate = "\(seed)-\(n)"
                n += 1
            } while used[candidate] != nil
            used[seed] = n
            used[candidate] = 1
            return candidate
        }
        used[seed] = 1
        return seed
    }

    public static func base(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if scalar == " " {
                out.append("-")
            }
        }
        return out
    }
}
