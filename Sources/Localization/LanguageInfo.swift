/// Facts about a language code that the site needs: its writing direction and whether it is a usable folder name.
public enum LanguageInfo {
    /// Languages written right to left (primary subtag).
    static let rightToLeft: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"]

    public static func isRightToLeft(_ code: String) -> Bool {
        rightToLeft.contains(String(code.lowercased().split(separator: "-").first ?? ""))
    }

    public static func direction(_ code: String) -> String { isRightToLeft(code) ? "rtl" : "ltr" }

    /// A BCP 47-style code (`es`, `pt-BR`, `zh-Hant`): it becomes a folder name of the site.
    public static func problem(with code: String) -> String? {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return "is not a language code: start with 2 or 3 lowercase letters, e.g. es, fr, ar, pt-BR"
        }
        for part in parts.dropFirst() where !(1...8).contains(part.count) || !part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            return "is not a language code: subtags are 1 to 8 letters or digits, e.g. pt-BR"
        }
        return nil
    }
}
