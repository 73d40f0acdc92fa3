import Foundation
import Testing
import Diagnostics
@testable import EventData

/// Fixture files and expected readings for the ROOT tests.
///
/// Small fixtures live in `Fixtures/root/`. Large expected readings (atlas_mini_zlib's is 2.5 MB) are read from
/// the shared conformance folder beside the repository (`../shared/conformance/root/`) when it is there.
enum ROOTFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/root", isDirectory: true)
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/root", isDirectory: true)

    static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("atlas_mini_zlib.expected.json").path)
    }

    static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    /// The expected reading `NAME.expected.json`, from the fixtures or else the shared folder.
    static func expected(_ name: String) -> ExpectedFile? {
        for folder in [directory, shared] {
            let url = folder.appendingPathComponent(name + ".expected.json")
            if let data = try? Data(contentsOf: url) { return ExpectedFile(data) }
        }
        return nil
    }

    /// The ROOT file `name` in the fixtures, else in the shared folder.
    static func rootURL(_ name: String) -> URL {
        let local = directory.appendingPathComponent(name + ".root")
        if FileManager.default.fileExists(atPath: local.path) { return local }
        return shared.appendingPathComponent(name + ".root")
    }

    static func open(_ name: String) throws(DataError) -> ROOTFile {
        try ROOTFile(url: rootURL(name), displayPath: "data/\(name).root")
    }
}

/// An uproot reading: per tree, the entry count and each branch's type, compression and values.
struct ExpectedFile {
    struct Branch {
        var type: String
        var compression: String
        /// One item per entry: a number (booleans as 0/1), or a list of numbers.
        var values: [TestJSON]
    }

    struct Tree {
        var entries: Int
        var branches: [(name: String, branch: Branch)]
    }

    var trees: [(path: String, tree: Tree)] = []

    init?(_ data: Data) {
        guard let root = TestJSON.parse(Array(data)), case .object(let top) = root,
              case .object(let trees)? = top.first(where: { $0.0 == "trees" })?.1 else { return nil }
        for (path, value) in trees {
            guard case .object(let tree) = value,
                  case .number(let entries)? = tree.first(where: { $0.0 == "entries" })?.1,
                  case .object(let branches)? = tree.first(where: { $0.0 == "branches" })?.1 else { return nil }
            var list: [(String, Branch)] = []
            for (name, raw) in branches {
                guard case .object(let fields) = raw else { return nil }
                func text(_ key: String) -> String {
                    if case .string(let s)? = fields.first(where: { $0.0 == key })?.1 { return s }
                    return ""
                }
                var values: [TestJSON] = []
                if case .array(let items)? = fields.first(where: { $0.0 == "values" })?.1 { values = items }
                list.append((name, Branch(type: text("type"), compression: text("compression"), values: values)))
            }
            self.trees.append((path, Tree(entries: Int(entries), branches: list)))
        }
    }

    /// uproot's compression text ("ZLIB(1)", "None") as OpenKey's name and level.
    static func compression(_ text: String) -> (String, Int) {
        guard let open = text.firstIndex(of: "("), let close = text.firstIndex(of: ")") else { return ("none", 0) }
        let name = text[..<open].lowercased()
        return (name, Int(text[text.index(after: open)..<close]) ?? -1)
    }
}

/// A minimal JSON reader for expected readings. Numbers are parsed with `Double(String)`, which rounds
/// correctly (Foundation's JSONSerialization on Linux does not always), so floats compare bit for bit.
enum TestJSON {
    case number(Double)
    case string(String)
    case array([TestJSON])
    case object([(String, TestJSON)])
    case null

    static func parse(_ bytes: [UInt8]) -> TestJSON? {
        var parser = Parser(bytes: bytes)
        return parser.value()
    }

    /// The numbers of a number or a (possibly nested) list of numbers, flattened; booleans as 0 and 1.
    var numbers: [Double]? {
        switch self {
        case .number(let x): return [x]
        case .array(let items):
            var out: [Double] = []
            for item in items {
                guard let inner = item.numbers else { return nil }
                out.append(contentsOf: inner)
            }
            return out
        default: return nil
        }
    }

    var isList: Bool {
        if case .array = self { return true }
        return false
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
            i += w.count
            return true
        }

        mutating func value() -> TestJSON? {
            skipSpace()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var fields: [(String, TestJSON)] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
                while true {
                    skipSpace()
                    guard case .string(let key)? = value() else { return nil }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    guard let item = value() else { return nil }
                    fields.append((key, item))
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
                    return nil
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [TestJSON] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    return nil
                }
            case UInt8(ascii: "\""):
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                guard i < bytes.count else { return nil }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                i += 1
                return .string(text)
            default:
                if literal("true") { return .number(1) }
                if literal("false") { return .number(0) }
                if literal("null") { return .null }
                if literal("NaN") { return .number(.nan) }
                if literal("Infinity") { return .number(.infinity) }
                if literal("-Infinity") { return .number(-.infinity) }
                let start = i
                while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
                guard let x = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { return nil }
                return .number(x)
            }
        }
    }
}

@Suite("ROOT fixtures")
struct ROOTFixtureTests {
    @Test func fixturesAreSmall() throws {
        let files = try FileManager.default.contentsOfDirectory(at: ROOTFixtures.directory, includingPropertiesForKeys: [.fileSizeKey])
        #expect(!files.isEmpty)
        for file in files {
            let size = try file.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
            #expect(size < 1_000_000, "\(file.lastPathComponent) is \(size) bytes")
        }
    }

    @Test func expectedReadingsParse() {
        let expected = ROOTFixtures.expected("leaflist_zlib")
        #expect(expected?.trees.first?.tree.entries == 3000)
        #expect(ExpectedFile.compression("ZLIB(1)") == ("zlib", 1))
        #expect(ExpectedFile.compression("None") == ("none", 0))
    }
}
