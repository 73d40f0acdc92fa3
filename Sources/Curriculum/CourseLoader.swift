import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The loading edge: reads a course folder (`Content/…`) from disk into a `Course`.
/// Everything after this stage works on values.
public enum CourseLoader {
    /// Reads `<root>/Content`. Problems are reported to `log`; the returned course holds whatever could be read.
    public static func load(root: URL, log: DiagnosticLog) -> Course? {
        let content = root.appendingPathComponent("Content")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDir), isDir.boolValue else {
            log.emit(.error("course.no-content", "no Content/ folder in \(root.path)", at: nil,
                            hint: "run openkey build in a course folder, or pass its path: openkey build COURSE_DIR"))
            return nil
        }
        let files = listFiles(under: content)
        var site: SiteConfig?
        var pages: [Page] = []
        var paths: [LearningPath] = []
        var curricula: [CurriculumRegistry] = []
        var assets: [String] = []
        // Pages are independent: read and parsed on all cores first, then taken in file order below (so pages and
        // diagnostics come in the same order as one file after another).
        let pageFiles = files.filter { $0.hasSuffix(".md") && !$0.hasPrefix("paths/") && !$0.hasPrefix("curricula/") }
        let parsedPages = Dictionary(uniqueKeysWithValues: zip(pageFiles, ConcurrentMap.map(pageFiles) { relative -> (Page?, [Diagnostic]) in
            let sourcePath = "Content/" + relative
            switch readText(content.appendingPathComponent(relative), sourcePath: sourcePath) {
            case .failure(let problem): return (nil, [problem])
            case .success(let text): return PageParser.parse(text, sourcePath: sourcePath, defaultID: String(relative.dropLast(".md".count)))
            }
        }))
        for relative in files {
            let sourcePath = "Content/" + relative
            let url = content.appendingPathComponent(relative)
            func read() -> String? {
                switch readText(url, sourcePath: sourcePath) {
                case .success(let text): return text
                case .failure(let problem): log.emit(problem); return nil
                }
            }
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let stem = (relative as NSString).deletingPathExtension
            if relative == "site.yml" {
                guard let text = read() else { continue }
                let (config, diagnostics) = SiteConfigParser.parse(text, sourcePath: sourcePath)
                log.emit(contentsOf: diagnostics)
                site = config
            } else if relative.hasPrefix("paths/") {
                guard relative.hasSuffix(".yml") else { continue }
                guard let text = read() else { continue }
                let id = String(stem.dropFirst("paths/".count))
                let (path, diagnostics) = PathParser.parse(text, sourcePath: sourcePath, defaultID: id)
                log.emit(contentsOf: diagnostics)
                if let path { paths.append(path) }
            } else if relative.hasPrefix("curricula/") {
                guard relative.hasSuffix(".yml") else { continue }
                guard let text = read() else { continue }
                let id = String(stem.dropFirst("curricula/".count))
                let (registry, diagnostics) = CurriculumParser.parse(text, sourcePath: sourcePath, defaultID: id)
                log.emit(contentsOf: diagnostics)
                if let registry { curricula.append(registry) }
            } else if relative.hasSuffix(".ipynb") {
                // A notebook is a page, and its file stays downloadable from the site.
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    log.emit(.error("file.unreadable", "cannot read file", at: .file(sourcePath)))
                    continue
                }
                let (page, diagnostics) = NotebookParser.parse([UInt8](data), sourcePath: sourcePath, defaultID: stem)
                log.emit(contentsOf: diagnostics)
                if let page { pages.append(page) }
                assets.append(relative)
            } else if relative.hasSuffix(".md"), let parsed = parsedPages[relative] {
                log.emit(contentsOf: parsed.1)
                if let page = parsed.0 { pages.append(page) }
            } else {
                assets.append(relative)
            }
        }
        if site == nil && !files.contains("site.yml") {
            log.emit(.error("site.missing", "Content/site.yml is missing", at: nil,
                            hint: "create it with at least a 'title:' line"))
        }
        return Course(site: site ?? SiteConfig(title: "Course"), pages: pages, paths: paths,
                      curricula: curricula, assets: assets)
    }

    /// A text file's contents, or the error to report at `sourcePath`.
    public static func readText(_ url: URL, sourcePath: String) -> Result<String, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.error("file.unreadable", "cannot read file", at: .file(sourcePath)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.error("file.encoding", "file is not valid UTF-8", at: .file(sourcePath),
                                   hint: "save the file as UTF-8 in your editor"))
        }
        return .success(text)
    }

    /// Every regular file below `folder`, as sorted relative paths with `/` separators (hidden files only when asked).
    /// Symbolic links are left out unless `followingLinks` (then a link counts as what it points to, to a depth
    /// of 64 folders). Plain `readdir`: Foundation's enumerator with resource values costs more than reading the
    /// files of a 10,000-page course.
    public static func listFiles(under folder: URL, includingHidden: Bool = false, followingLinks: Bool = false) -> [String] {
        walk(folder, includingHidden: includingHidden, followingLinks: followingLinks, withInfo: false).map(\.path)
    }

    /// `listFiles`, each file with its `stat` (taken relative to its open folder, so no path is looked up twice).
    public static func listFilesWithInfo(under folder: URL, includingHidden: Bool = false, followingLinks: Bool = false) -> [(path: String, info: stat)] {
        walk(folder, includingHidden: includingHidden, followingLinks: followingLinks, withInfo: true)
    }

    private static func walk(_ folder: URL, includingHidden: Bool, followingLinks: Bool, withInfo: Bool) -> [(path: String, info: stat)] {
        var out: [(path: String, info: stat)] = []
        func walk(_ path: String, _ relative: String, depth: Int) {
            guard depth < 64, let dir = opendir(path) else { return }
            defer { closedir(dir) }
            let fd = dirfd(dir)
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." || (!includingHidden && name.hasPrefix(".")) { continue }
                let rel = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                var info = stat()
                if withInfo || type == Int32(DT_UNKNOWN) || (followingLinks && type == Int32(DT_LNK)) {
                    guard fstatat(fd, name, &info, followingLinks ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFREG: type = Int32(DT_REG)
                    case S_IFDIR: type = Int32(DT_DIR)
                    default: continue
                    }
                }
                if type == Int32(DT_REG) {
                    out.append((rel, info))
                } else if type == Int32(DT_DIR) {
                    walk(path + "/" + name, rel, depth: depth + 1)
                }
            }
        }
        walk(folder.standardizedFileURL.path, "", depth: 0)
        // Sorted through their indices: moving whole `stat`s around costs more than comparing the names.
        return out.indices.sorted { out[$0].path < out[$1].path }.map { out[$0] }
    }
}
