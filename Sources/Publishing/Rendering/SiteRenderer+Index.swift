import Curriculum
import Templating

extension SiteRenderer {
    /// `index.html`: the paths, then curriculum coverage.
    public func renderHome() -> OutputFile {
        let out = "index.html"
        let paths = model.sortedPaths.map { pathSummary($0, from: out) }
        let curricula: [TemplateValue] = model.course.curricula.sorted { $0.id < $1.id }.map { registry in
            let stats = coverage(of: registry)
            return .object([
                "title": .string(registry.title), "issuer": .string(registry.issuer), "level": .string(registry.level),
                "href": .string(registry.outputPath), "covered": .int(stats.covered), "total": .int(stats.total),
                "percent": .int(stats.percent),
            ])
        }
        let body = render("home", [
            "siteTitle": .string(model.course.site.title), "paths": .list(paths), "curricula": .list(curricula),
            "hasCurricula": .bool(!curricula.isEmpty), "mapHref": "map.html",
        ], outputPath: out)
        return layout(outputPath: out, title: model.course.site.title, description: model.course.site.title, body: body,
                      breadcrumb: [(label("home"), nil)])
    }

    enum CoverageState: String { case covered, partial, uncovered }

    /// Coverage of a registry: an objective is covered when a page names it or one of its ancestors;
    /// the percentage counts leaf objectives (what exam boards assess).
    func coverageStates(of registry: CurriculumRegistry) -> [String: CoverageState] {
        var states: [String: CoverageState] = [:]
        func visit(_ objective: CurriculumRegistry.Objective, inherited: Bool) -> CoverageState {
            let direct = inherited || model.coverage["\(registry.id):\(objective.code)"] != nil
            var state: CoverageState
            if objective.children.isEmpty {
                state = direct ? .covered : .uncovered
            } else {
                let children = objective.children.map { visit($0, inherited: direct) }
                if direct || children.allSatisfy({ $0 == .covered }) { state = .covered }
                else if children.contains(where: { $0 != .uncovered }) { state = .partial }
                else { state = .uncovered }
            }
            states[objective.code] = state
            return state
        }
        for objective in registry.objectives { _ = visit(objective, inherited: false) }
        return states
    }

    func coverage(of registry: CurriculumRegistry) -> (covered: Int, total: Int, percent: Int) {
        let states = coverageStates(of: registry)
        let leaves = registry.flattened.filter { $0.objective.children.isEmpty }
        let covered = leaves.filter { states[$0.objective.code] == .covered }.count
        let percent = leaves.isEmpty ? 0 : (covered * 100) / leaves.count
        return (covered, leaves.count, percent)
    }

    /// `curricula/<id>.html`: every objective, the pages that cover it, uncovered ones greyed.
    public func renderCurriculum(_ registry: CurriculumRegistry) -> OutputFile {
        let out = registry.outputPath
        let states = coverageStates(of: registry)
        let stats = coverage(of: registry)
        let objectives: [TemplateValue] = registry.flattened.map { objective, depth in
            let pages: [TemplateValue] = (model.coverage["\(registry.id):\(objective.code)"] ?? []).compactMap { id in
                model.page(id).map { link($0, from: out) }
            }
            let state = states[objective.code] ?? .uncovered
            return .object([
                "code": .string(objective.code), "anchor": .string(CurriculumRegistry.anchor(for: objective.code)),
                "statement": .string(objective.statement), "depth": .int(depth), "state": .string(state.rawValue),
                "isCovered": .bool(state == .covered), "isPartial": .bool(state == .partial), "isUncovered": .bool(state == .uncovered),
                "pages": .list(pages), "hasPages": .bool(!pages.isEmpty),
            ])
        }
        let body = render("curriculum", [
            "registry": .object([
                "id": .string(registry.id), "title": .string(registry.title), "issuer": .string(registry.issuer),
                "level": .string(registry.level), "url": registry.url.map { .string($0) } ?? .null,
                "covered": .int(stats.covered), "total": .int(stats.total), "percent": .int(stats.percent),
                "objectives": .list(objectives),
            ]),
        ], outputPath: out)
        let crumbs: [(String, String?)] = [(label("home"), SitePaths.relative(from: out, to: "index.html")), (registry.title, nil)]
        return layout(outputPath: out, title: registry.title, description: "\(registry.issuer) \(registry.level)", body: body,
                      breadcrumb: crumbs)
    }

    /// `map.html`: the paths, their steps and connections as one SVG drawn at build time.
    public func renderMap() -> OutputFile {
        let out = "map.html"
        let svg = PathMap(model: model).svg(from: out)
        let body = render("map", ["svg": .string(svg)], outputPath: out)
        let crumbs: [(String, String?)] = [(label("home"), "index.html"), (label("map"), nil)]
        return layout(outputPath: out, title: label("map"), description: label("mapIntro"), body: body, breadcrumb: crumbs)
    }
}
