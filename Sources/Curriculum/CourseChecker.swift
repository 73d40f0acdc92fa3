import Diagnostics

/// The structural checks of a course: ids, path steps, module cycles, connections, curriculum references,
/// orphan pages. Runs on the whole course (both editions), so a build reports the same problems whichever edition it makes.
public enum CourseChecker {
    /// Output names a page id may not take, because the site itself writes there.
    static let reservedIDs: Set<String> = ["index", "map", "404"]
    static let reservedPrefixes = ["paths/", "curricula/", "assets/"]

    public static func check(_ course: Course, log: DiagnosticLog) {
        checkIDs(course, log: log)
        checkPaths(course, log: log)
        checkCycles(course, log: log)
        for page in course.pages {
            for ref in page.curriculum { log.emit(contentsOf: check(ref, in: course)) }
        }
        checkOrphans(course, log: log)
    }

    /// Resolves a curriculum reference: an error (with "did you mean") when the registry or code is unknown.
    public static func check(_ ref: ObjectiveReference, in course: Course) -> [Diagnostic] {
        guard let registry = course.registry(id: ref.registry) else {
            return [Diagnostic.error("curriculum.unknown-registry", "unknown curriculum '\(ref.registry)'", at: ref.location,
                                     hint: "curricula are the files in Content/curricula/; references look like registry:code")
                .suggesting(ref.registry, from: course.curricula.map(\.id))]
        }
        guard let code = ref.code else { return [] }
        if registry.objective(code) == nil {
            return [Diagnostic.error("curriculum.unknown-code", "unknown objective '\(code)' in curriculum '\(registry.id)'",
                                     at: ref.location)
                .suggesting(code, from: registry.flattened.map(\.objective.code))]
        }
        return []
    }

    // MARK: - Ids

    static func checkIDs(_ course: Course, log: DiagnosticLog) {
        var pageIDs: [String: Page] = [:]
        let assetStems = Set(course.assets.map { $0.lowercased() })
        for page in course.pages {
            if let first = pageIDs[page.id] {
                log.emit(.error("page.duplicate-id", "page id '\(page.id)' is already used by \(first.sourcePath)",
                                at: page.idLocation, notes: [.init("first used here", at: first.idLocation)]))
            } else {
                pageIDs[page.id] = page
            }
            if reservedIDs.contains(page.id) || reservedPrefixes.contains(where: page.id.hasPrefix) {
                log.emit(.error("page.reserved-id", "page id '\(page.id)' collides with a file the site generates",
                                at: page.idLocation, hint: "rename the file or set another 'id:' in its front matter"))
            }
            if assetStems.contains(page.outputPath.lowercased()) {
                log.emit(.error("page.reserved-id", "page '\(page.id)' would overwrite the file Content/\(page.outputPath)",
                                at: page.idLocation))
            }
        }
        var pathIDs: [String: LearningPath] = [:]
        for path in course.paths {
            if let first = pathIDs[path.id] {
                log.emit(.error("path.duplicate-id", "path id '\(path.id)' is already used by \(first.sourcePath)",
                                at: path.location, notes: [.init("first used here", at: first.location)]))
            } else {
                pathIDs[path.id] = path
            }
        }
        var registryIDs: [String: CurriculumRegistry] = [:]
        for registry in course.curricula {
            if let first = registryIDs[registry.id] {
                log.emit(.error("curriculum.duplicate-id", "curriculum id '\(registry.id)' is already used by \(first.sourcePath)",
                                at: .file(registry.sourcePath)))
            } else {
                registryIDs[registry.id] = registry
            }
        }
    }

    // MARK: - Paths

    static func checkPaths(_ course: Course, log: DiagnosticLog) {
        let pages = Dictionary(course.pages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let pathIDs = Set(course.paths.map(\.id))
        for path in course.paths {
            func visit(_ steps: [PathStep]) {
                for step in steps {
                    switch step {
                    case let .page(id, _, location):
                        guard let page = pages[id] else {
                            log.emit(unknownPage(id, in: "path '\(path.id)'", at: location, course: course))
                            continue
                        }
                        if !path.edition.includes(page.edition) {
                            log.emit(.error("path.edition", "teacher-only page '\(id)' is a step of student path '\(path.id)'",
                                            at: location, hint: "mark the path 'edition: teacher', or remove the step"))
                        }
                    case let .module(_, inner, _):
                        visit(inner)
                    case let .path(id, location):
                        guard let included = course.path(id: id) else {
                            log.emit(Diagnostic.error("path.unknown-path", "unknown path '\(id)' included in path '\(path.id)'",
                                                      at: location)
                                .suggesting(id, from: pathIDs))
                            continue
                        }
                        if !path.edition.includes(included.edition) {
                            log.emit(.error("path.edition", "teacher-only path '\(id)' is included in student path '\(path.id)'",
                                            at: location))
                        }
                    }
                }
            }
            visit(path.steps)
            let own = Set(PathResolver.pageIDs(of: path, in: course))
            for connection in path.deeper {
                if pages[connection.from] == nil {
                    log.emit(unknownPage(connection.from, in: "connection", at: connection.fromLocation, course: course))
                } else if !own.contains(connection.from) {
                    log.emit(.error("path.connection-from", "'\(connection.from)' is not a step of path '\(path.id)'",
                                    at: connection.fromLocation, hint: "a connection starts from a step of its own path"))
                }
                if pages[connection.to] == nil {
                    log.emit(unknownPage(connection.to, in: "connection", at: connection.toLocation, course: course))
                } else if let target = pages[connection.to], !path.edition.includes(target.edition) {
                    log.emit(.error("path.edition", "connection from student path '\(path.id)' leads to teacher-only page '\(connection.to)'",
                                    at: connection.toLocation))
                }
            }
        }
    }

    /// An unknown page id, with the likeliest fix: a close id, or the id of the file the author named.
    static func unknownPage(_ id: String, in context: String, at location: SourceLocation, course: Course) -> Diagnostic {
        var d = Diagnostic.error("path.unknown-page", "unknown page '\(id)' in \(context)", at: location,
                                 hint: "page ids are file paths under Content/ without .md, unless a page sets 'id:'")
        if let renamed = course.pages.first(where: { $0.sourcePath == "Content/\(id).md" }) {
            d.notes.append(.init("\(renamed.sourcePath) sets its id to '\(renamed.id)'", at: renamed.idLocation))
            return d
        }
        return d.suggesting(id, from: course.pages.map(\.id))
    }

    /// Cycles among path modules (`- path: other`), each reported once at the step that closes it.
    static func checkCycles(_ course: Course, log: DiagnosticLog) {
        var state: [String: Int] = [:]   // 1 = on stack, 2 = done
        var reported = Set<String>()
        func includes(_ steps: [PathStep]) -> [(String, SourceLocation)] {
            steps.flatMap { step -> [(String, SourceLocation)] in
                switch step {
                case .page: return []
                case let .module(_, inner, _): return includes(inner)
                case let .path(id, location): return [(id, location)]
                }
            }
        }
        func visit(_ id: String, stack: [String]) {
            guard let path = course.path(id: id) else { return }
            state[id] = 1
            for (next, location) in includes(path.steps) {
                if state[next] == 1 {
                    let cycle = Array(stack.drop { $0 != next }) + [id, next]
                    let key = Set(cycle).sorted().joined(separator: ",")
                    if reported.insert(key).inserted {
                        log.emit(.error("path.cycle", "paths include each other in a cycle: \(cycle.joined(separator: " → "))",
                                        at: location, hint: "a path can include another as a module only if that one does not include it back"))
                    }
                } else if state[next] == nil {
                    visit(next, stack: stack + [id])
                }
            }
            state[id] = 2
        }
        for path in course.paths.sorted(by: { $0.id < $1.id }) where state[path.id] == nil {
            visit(path.id, stack: [])
        }
    }

    static func checkOrphans(_ course: Course, log: DiagnosticLog) {
        var used = Set<String>()
        for path in course.paths { used.formUnion(PathResolver.pageIDs(of: path, in: course)) }
        for page in course.pages where !used.contains(page.id) {
            log.emit(.warning("page.orphan", "page '\(page.id)' is in no path", at: .file(page.sourcePath),
                              hint: "add it to the steps of a path in Content/paths/, so readers can find it"))
        }
    }
}
