/// Writing values the YAML subset reads back unchanged.
public enum YAMLQuoting {
    /// A double-quoted scalar: `"`, `\`, newlines and tabs escaped.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(c)
            }
        }
        return out + "\""
    }
}
