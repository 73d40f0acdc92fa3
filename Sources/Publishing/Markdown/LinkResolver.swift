import Curriculum
import Foundation

/// Classifies a link written in a page and computes the relative `href` it becomes in the site.
/// Pure: built once from the course, then shared by all pages (read-only, so safe across threads).
public struct LinkResolver: Sendable {
    /// Page ids by source path (`Content/…/x.md`), for every page of the course (both editions).
    let pageIDsBySource: [String: String]
    /// Output paths of the pages in this edition, by id.
    let outputPaths: [String: String]
    let pathIDs: Set<String>
    /// Content-relative paths of static files.
    let assets: Set<String>
    /// Where the pages' tree sits in the site (`es/` in a multilingual site): static files are shared by every
    /// language at the site root, so links to them climb out of it.
    public var outputPrefix: String = ""

    public init(course: Course, edition: Edition) {
        pageIDsBySource = Dictionary(course.pages.map { ($0.sourcePath, $0.id) }, uniquingKeysWith: { a, _ in a })
        let visible = course.filtered(for: edition)
        outputPaths = Dictionary(visible.pages.map { ($0.id, $0.outputPath) }, uniquingKeysWith: { a, _ in a })
        pathIDs = Set(visible.paths.map(\.id))
        assets = Set(course.assets)
    }

    static let externalSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp"]

    /// - Returns: the target, and the href to write (nil: render the link text without a link,
    ///   e.g. a teacher-only page linked from a page of the student edition).
    public func resolve(_ raw: String, fromSource source: String, fromOutput output: String) -> (LinkReference.Target, String?) {
        if raw.isEmpty { return (.invalid(message: "empty link", hint: nil), nil) }
        if raw.hasPrefix("#") {
            return (.anchor(String(raw.dropFirst())), raw)
        }
        if let scheme = LinkResolver.scheme(of: raw) {
            let rest = String(raw.dropFirst(scheme.count + 1))
            switch scheme.lowercased() {
            case let s where LinkResolver.externalSchemes.contains(s):
                return (.external, raw)
            case "path":
                let href = pathIDs.contains(rest) ? SitePaths.relative(from: output, to: "paths/\(rest).html") : nil
                return (.path(id: rest), href)
            case "curriculum":
                guard let ref = ObjectiveReference(parsing: rest, at: .file(source)) else {
                    return (.invalid(message: "'\(raw)' names no curriculum", hint: "write curriculum:registry or curriculum:registry:code"), nil)
                }
                var href = SitePaths.relative(from: output, to: "curricula/\(ref.registry).html")
                if let code = ref.code { href += "#" + CurriculumRegistry.anchor(for: code) }
                return (.curriculum(ref), href)
            default:
                return (.invalid(message: "unsupported link scheme '\(scheme):'",
                                 hint: "use http(s):, mailto:, path:ID, curriculum:ID:CODE, or a relative file path"), nil)
            }
        }
        if raw.hasPrefix("/") || raw.hasPrefix("\\") {
            return (.invalid(message: "absolute link '\(raw)' will not work when the site is opened from a USB key",
                             hint: "link relative to this file, e.g. ../foundations/leptons.md"), nil)
        }
        var pathPart = raw
        var anchor: String?
        if let hash = raw.firstIndex(of: "#") {
            pathPart = String(raw[..<hash])
            anchor = String(raw[raw.index(after: hash)...])
        }
        if let q = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<q]) }
        let decoded = pathPart.utf8.contains(UInt8(ascii: "%")) ? pathPart.removingPercentEncoding ?? pathPart : pathPart
        let directory = source.lastIndex(of: "/").map { String(source[..<$0]) } ?? ""
        guard let target = SitePaths.normalize(directory + "/" + decoded), target.hasPrefix("Content/") else {
            return (.invalid(message: "link '\(raw)' points outside Content/", hint: nil), nil)
        }
        if target.hasSuffix(".md") || (target.hasSuffix(".ipynb") && pageIDsBySource[target] != nil) {
            guard let id = pageIDsBySource[target] else { return (.missingPage(sourcePath: target, anchor: anchor), nil) }
            let href = outputPaths[id].map { SitePaths.relative(from: output, to: $0) + (anchor.map { "#" + $0 } ?? "") }
            return (.page(id: id, anchor: anchor), href)
        }
        let asset = String(target.dropFirst("Content/".count))
        guard assets.contains(asset) else { return (.missingAsset(asset), nil) }
        return (.asset(asset), SitePaths.relative(from: outputPrefix + output, to: asset) + (anchor.map { "#" + $0 } ?? ""))
    }

    /// `https` for `https://…`; nil for relative paths (and for Windows drive letters like `C:`).
    static func scheme(of raw: String) -> String? {
        guard let colon = raw.firstIndex(of: ":") else { return nil }
        let scheme = raw[..<colon]
        guard scheme.count > 1, let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return String(scheme)
    }
}
