import Curriculum
import Diagnostics
import Foundation
import Templating

/// The look of the site: Mustache templates and static assets, from a course's `Site/` folder
/// or, when it has none, the built-in theme compiled into `openkey` (a copy of this repository's `Site/`).
public struct Theme: Sendable {
    public var templates: TemplateLibrary
    /// Files copied to `assets/` in the site, by path relative to `Site/assets/`.
    public var assets: [String: Data]
    /// Where the theme came from, for messages: `Site/` or `built-in`.
    public var origin: String

    /// Template names the site generator renders; each must exist.
    public static let requiredTemplates = ["layout", "home", "path", "page", "curriculum", "map"]

    /// Builds a theme from files keyed by their path under `Site/` (`templates/page.mustache`, `assets/openkey.css`).
    public static func make(files: [String: Data], origin: String, log: DiagnosticLog) -> Theme? {
        var library = TemplateLibrary()
        var assets: [String: Data] = [:]
        var ok = true
        var broken: Set<String> = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("templates/"), path.hasSuffix(".mustache") {
                let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                guard let source = String(data: data, encoding: .utf8) else {
                    log.emit(.error("theme.encoding", "template is not valid UTF-8", at: .file("Site/" + path)))
                    ok = false
                    continue
                }
                do {
                    try library.add(source, name: name)
                } catch {
                    broken.insert(name)
                    log.emit(.error("theme.template", error.message,
                                    at: SourceLocation(path: "Site/" + path, line: error.line, column: error.column)))
                    ok = false
                }
            } else if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = data
            }
        }
        for name in requiredTemplates where library[name] == nil && !broken.contains(name) {
            log.emit(.error("theme.missing-template", "the theme has no template '\(name)'",
                            at: .file("Site/templates/\(name).mustache"),
                            hint: origin == "built-in" ? nil : "copy it from OpenKey's own Site/templates/ folder"))
            ok = false
        }
        return ok ? Theme(templates: library, assets: assets, origin: origin) : nil
    }

    /// The course's `Site/` folder if it has one, otherwise the built-in theme.
    public static func load(courseRoot: URL, log: DiagnosticLog) -> Theme? {
        let site = courseRoot.appendingPathComponent("Site")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.path, isDirectory: &isDir), isDir.boolValue else {
            return builtin(log: log)
        }
        var files: [String: Data] = [:]
        for relative in listFiles(under: site) {
            if let data = FileManager.default.contents(atPath: site.appendingPathComponent(relative).path) {
                files[relative] = data
            }
        }
        return make(files: files, origin: "Site/", log: log)
    }

    public static func builtin(log: DiagnosticLog) -> Theme? {
        var files: [String: Data] = [:]
        for (path, base64) in BuiltinTheme.files {
            files[path] = Data(base64Encoded: base64)
        }
        return make(files: files, origin: "built-in", log: log)
    }

    static func listFiles(under folder: URL) -> [String] { CourseLoader.listFiles(under: folder) }
}
