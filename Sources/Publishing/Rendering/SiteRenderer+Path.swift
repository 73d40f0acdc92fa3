import Curriculum
import Templating

extension SiteRenderer {
    /// A path's landing page: audience, time, numbered steps (modules nested) with progress markers, connections.
    public func renderPath(_ path: LearningPath) -> OutputFile {
        let out = path.outputPath
        var number = 0
        var visiting: Set<String> = [path.id]
        func steps(_ list: [PathStep]) -> [TemplateValue] {
            list.compactMap { step -> TemplateValue? in
                switch step {
                case let .page(id, note, _):
                    guard let page = model.page(id), model.rendered[id] != nil else { return nil }
                    number += 1
                    return stepObject([
                        "isPage": true, "number": .int(number), "id": .string(page.id), "title": .string(page.title),
                        "summary": .string(page.summary), "href": .string(SitePaths.relative(from: out, to: page.outputPath)),
                        "duration": page.duration.map { .string(format($0)) } ?? .null, "note": note.map { .string($0) } ?? .null,
                    ])
                case let .module(title, inner, _):
                    let children = steps(inner)
                    return children.isEmpty ? nil : stepObject(["isModule": true, "title": .string(title), "steps": .list(children)])
                case let .path(id, _):
                    guard let included = model.path(id), !visiting.contains(id) else { return nil }
                    visiting.insert(id)
                    defer { visiting.remove(id) }
                    let children = steps(included.steps)
                    return stepObject(["isPathModule": true, "title": .string(included.title),
                                    "href": .string(SitePaths.relative(from: out, to: included.outputPath)), "steps": .list(children)])
                }
            }
        }
        let stepValues = steps(path.steps)
        let deeper: [TemplateValue] = path.deeper.compactMap { c in
            guard let from = model.page(c.from), let to = model.page(c.to) else { return nil }
            let otherPath = model.memberships[to.id]?.first { $0.pathID != path.id }.flatMap { model.path($0.pathID) }
            return .object([
                "fromTitle": .string(from.title), "fromHref": .string(SitePaths.relative(from: out, to: from.outputPath)),
                "toTitle": .string(to.title), "toHref": .string(SitePaths.relative(from: out, to: to.outputPath)),
                "toPathTitle": otherPath.map { .string($0.title) } ?? .null,
                "toPathHref": otherPath.map { .string(SitePaths.relative(from: out, to: $0.outputPath)) } ?? .null,
                "note": c.note.map { .string($0) } ?? .null,
            ])
        }
        let body = render("path", [
            "path": pathSummary(path, from: out).merging([
                "steps": .list(stepValues), "deeper": .list(deeper), "hasDeeper": .bool(!deeper.isEmpty),
            ]),
        ], outputPath: out)
        let crumbs: [(String, String?)] = [(label("home"), SitePaths.relative(from: out, to: "index.html")), (path.title, nil)]
        return layout(outputPath: out, title: path.title, description: path.summary, body: body, breadcrumb: crumbs)
    }

    /// A step for the recursive `step` partial. Every key is present in every step, because a Mustache name missing
    /// from a step would be looked up in the enclosing module, and a page would then render as that module again.
    func stepObject(_ values: [String: TemplateValue]) -> TemplateValue {
        var object: [String: TemplateValue] = [
            "isPage": false, "isModule": false, "isPathModule": false, "steps": .list([]), "number": .null, "id": .null,
            "title": .null, "summary": .null, "href": .null, "duration": .null, "note": .null,
        ]
        for (key, value) in values { object[key] = value }
        return .object(object)
    }

    /// What the home page and the path page both show about a path.
    func pathSummary(_ path: LearningPath, from out: String) -> TemplateValue {
        let count = PathResolver.pageIDs(of: path, in: model.course).filter { model.rendered[$0] != nil }.count
        return .object([
            "id": .string(path.id), "title": .string(path.title), "summary": .string(path.summary),
            "href": .string(SitePaths.relative(from: out, to: path.outputPath)),
            "audience": .string(label("audience.\(path.audience.rawValue)")),
            "time": model.time(of: path).map { .string(format($0)) } ?? .null,
            "stepCount": .int(count), "isTeacherOnly": .bool(path.edition == .teacher),
        ])
    }
}

extension TemplateValue {
    /// An object with more keys (the receiver must be an object).
    func merging(_ extra: [String: TemplateValue]) -> TemplateValue {
        guard case .object(var dict) = self else { return self }
        for (key, value) in extra { dict[key] = value }
        return .object(dict)
    }
}
