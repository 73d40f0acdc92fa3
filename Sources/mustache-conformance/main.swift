// Runs the Mustache spec's tests against the Templating module.
//
//     mustache-conformance [SPEC-DIRECTORY]     (default ../shared/conformance/mustache)
//
// Prints one line per failing test, then "N passed, N failed". Exit status: 0 when all pass,
// 1 when any fails, 2 on a usage error (wrong arguments, missing directory).

import Foundation
import Templating

let requiredFiles = ["comments.json", "delimiters.json", "interpolation.json", "inverted.json",
                     "partials.json", "sections.json"]
/// Optional spec modules this engine implements. (`~lambdas` and `~dynamic-names` are not.)
let optionalFiles = ["~inheritance.json"]

// MARK: - Spec data

/// Converts JSONSerialization output to template data. On Linux, JSON booleans arrive as
/// NSNumber too (and `1 as? Bool` succeeds), so booleans are told apart by their objCType ("c").
func templateValue(_ json: Any) -> TemplateValue {
    switch json {
    case let flag as Bool where type(of: json) == Bool.self:
        return .bool(flag)
    case let number as NSNumber:
        switch String(cString: number.objCType) {
        case "c", "B": return .bool(number.boolValue)
        case "f", "d": return .double(number.doubleValue)
        default: return .int(number.intValue)
        }
    case let text as String:
        return .string(text)
    case let items as [Any]:
        return .list(items.map(templateValue))
    case let fields as [String: Any]:
        return .object(fields.mapValues(templateValue))
    default:
        return .null
    }
}

/// Makes control characters and quotes visible, so that whitespace differences show.
func escaped(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

// MARK: - Running

struct Tally {
    var passed = 0
    var failed = 0

    mutating func fail(_ file: String, _ test: String, _ detail: String) {
        failed += 1
        print("FAIL \(file): \(test): \(detail)")
    }
}

func run(file: String, in directory: URL, tally: inout Tally) {
    let url = directory.appendingPathComponent(file)
    guard let data = try? Data(contentsOf: url),
          let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let tests = root["tests"] as? [[String: Any]]
    else {
        tally.fail(file, "(file)", "cannot read \(url.path) as a spec file")
        return
    }
    for test in tests {
        let name = test["name"] as? String ?? "(unnamed)"
        guard let source = test["template"] as? String, let expected = test["expected"] as? String else {
            tally.fail(file, name, "test has no template or expected output")
            continue
        }
        let partials = test["partials"] as? [String: String] ?? [:]
        do throws(TemplateError) {
            let library = try TemplateLibrary(sources: partials)
            let template = try Template(source, name: name)
            let got = template.render(templateValue(test["data"] ?? NSNull()), partials: library)
            if got == expected {
                tally.passed += 1
            } else {
                tally.fail(file, name, "expected \(escaped(expected)) got \(escaped(got))")
            }
        } catch {
            tally.fail(file, name, "expected \(escaped(expected)) got error \(escaped(error.description))")
        }
    }
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count <= 1, arguments.first.map({ !$0.hasPrefix("-") }) ?? true else {
    FileHandle.standardError.write(Data("usage: mustache-conformance [SPEC-DIRECTORY]\n".utf8))
    exit(2)
}
let path = arguments.first ?? "../shared/conformance/mustache"
var isDirectory: ObjCBool = false
guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
    FileHandle.standardError.write(Data("mustache-conformance: no spec directory at \(path)\n".utf8))
    exit(2)
}

let directory = URL(fileURLWithPath: path, isDirectory: true)
var tally = Tally()
for file in requiredFiles {
    run(file: file, in: directory, tally: &tally)
}
for file in optionalFiles where FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) {
    run(file: file, in: directory, tally: &tally)
}
print("\(tally.passed) passed, \(tally.failed) failed")
exit(tally.failed == 0 ? 0 : 1)
