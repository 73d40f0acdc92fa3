import Foundation

/// The JSON form of a result (schema version `AnalysisResult.schemaVersion`), with sorted keys and fixed number
/// formatting so the bytes are reproducible. NaN and infinities are written as the strings "nan", "inf", "-inf".
///
///     { "schema": "openkey-analysis-result", "version": 1, "analysis": "z-mass.ana", "luminosity": 10,
///       "histograms": [ { "name", "title", "xlabel", "ylabel", "log", "edges" } ],
///       "samples": [ { "name", "label", "role", "color",
///                      "cutflow": [ { "name", "events", "sumw", "sumw2" } ],
///                      "histograms": [ { "name", "sumw", "sumw2", "underflow", "underflow2", "overflow", "overflow2",
///                                        "entries", "nan" } ],
///                      "reports": [ { "name", "aggregate", "value", "events" } ] } ],
///       "stacked": { "background": [ { "name", "sumw", "sumw2" } ], "signal": [ … ] } }   (sums over the samples of a role)
public enum ResultJSON {
    public static func encode(_ result: AnalysisResult) -> String {
        var out = ""
        let root: [(String, JSON)] = [
            ("schema", .string("openkey-analysis-result")),
            ("version", .number(Double(AnalysisResult.schemaVersion))),
            ("analysis", .string(result.analysis)),
            ("luminosity", result.luminosity.map { .number($0) } ?? .null),
            ("histograms", .array(result.histograms.map { h in
                .object([("name", .string(h.name)), ("title", .string(h.title)), ("xlabel", .string(h.xLabel)),
                         ("ylabel", h.yLabel.map { .string($0) } ?? .null), ("log", .bool(h.logY)), ("edges", .numbers(h.edges))])
            })),
            ("samples", .array(result.samples.map(sample))),
            ("stacked", .object(["background", "signal"].map { role in
                (role, .array(result.stacked(role: role).map { h in
                    .object([("name", .string(h.name)), ("sumw", .numbers(h.sumw)), ("sumw2", .numbers(h.sumw2))])
                }))
            })),
        ]
        write(.object(root), into: &out, indent: 0)
        return out + "\n"
    }

    static func sample(_ s: AnalysisResult.Sample) -> JSON {
        .object([
            ("name", .string(s.name)), ("label", .string(s.label)), ("role", .string(s.role)),
            ("color", s.color.map { .string($0) } ?? .null),
            ("cutflow", .array(s.cutflow.map { c in
                .object([("name", .string(c.name)), ("events", .number(Double(c.events))), ("sumw", .number(c.sumw)), ("sumw2", .number(c.sumw2))])
            })),
            ("histograms", .array(s.histograms.map { h in
                .object([("name", .string(h.name)), ("sumw", .numbers(h.sumw)), ("sumw2", .numbers(h.sumw2)),
                         ("underflow", .number(h.underflow)), ("underflow2", .number(h.underflow2)),
                         ("overflow", .number(h.overflow)), ("overflow2", .number(h.overflow2)),
                         ("entries", .number(Double(h.entries))), ("nan", .number(Double(h.nanCount)))])
            })),
            ("reports", .array(s.reports.map { r in
                .object([("name", .string(r.name)), ("aggregate", .string(r.aggregate)), ("value", .number(r.value)),
                         ("events", .number(Double(r.events)))])
            })),
        ])
    }

    indirect enum JSON {
        case null, bool(Bool), number(Double), string(String), numbers([Double]), array([JSON]), object([(String, JSON)])
    }

    static func write(_ value: JSON, into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += number(n)
        case .string(let s): out += quote(s)
        case .numbers(let list): out += "[" + list.map(number).joined(separator: ", ") + "]"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, into: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .object(let fields):
            out += "{\n"
            for (i, (key, item)) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
                out += pad + quote(key) + ": "
                write(item, into: &out, indent: indent + 1)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        }
    }

    /// Integers without a decimal point; other values in the shortest form that reads back exactly.
    public static func number(_ n: Double) -> String {
        if n.isNaN { return "\"nan\"" }
        if n.isInfinite { return n > 0 ? "\"inf\"" : "\"-inf\"" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A JSON string literal (for other JSON writers of the tool).
    public static func quoteString(_ s: String) -> String { quote(s) }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
