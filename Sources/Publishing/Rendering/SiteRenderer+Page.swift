import Curriculum
import Localization
import Templating

extension SiteRenderer {
    /// A content page: breadcrumb, body, table of contents, curriculum links, previous/next in each of its paths.
    public func renderPage(_ page: Page) -> OutputFile {
        let out = page.outputPath
        let rendered = model.rendered[page.id]
        let toc: [TemplateValue] = (rendered?.headings ?? []).filter { (2...3).contains($0.level) }.map {
            .object(["text": .string($0.text), "anchor": .string($0.anchor), "isSub": .bool($0.level == 3)])
        }
        var seen = Set<String>()
        let refs = (page.curriculum + (rendered?.calloutObjectives ?? [])).filter { seen.insert($0.description).inserted }
        let lookup = CurriculumLookup(registries: model.course.curricula)
        let curriculum: [TemplateValue] = refs.compactMap { ref in
            guard let code = ref.code else { return nil }
            let entry = lookup[ref]
            let href = SitePaths.relative(from: out, to: "curricula/\(ref.registry).html") + "#" + CurriculumRegistry.anchor(for: code)
            return .object(["registryTitle": .string(entry?.registryTitle ?? ref.registry), "code": .string(code),
                            "statement": .string(entry?.statement ?? ""), "href": .string(href)])
        }
        let memberships = model.memberships[page.id] ?? []
        let pathNav: [TemplateValue] = memberships.compactMap { m in
            guard let path = model.path(m.pathID) else { return nil }
            func neighbour(_ index: Int) -> TemplateValue {
                guard m.sequence.indices.contains(index), let p = model.page(m.sequence[index]) else { return .null }
                return link(p, from: out)
            }
            return .object([
                "pathTitle": .string(path.title), "pathHref": .string(SitePaths.relative(from: out, to: path.outputPath)),
                "position": .int(m.position + 1), "count": .int(m.sequence.count),
                "previous": neighbour(m.position - 1), "next": neighbour(m.position + 1),
            ])
        }
        var meta: [TemplateValue] = []
        if let level = page.level { meta.append(.object(["label": .string(label("level")), "value": .string(label("level.\(level)"))])) }
        if let duration = page.duration { meta.append(.object(["label": .string(label("duration")), "value": .string(format(duration))])) }
        let language = model.language
        var banner: TemplateValue = .null
        var contentLang: TemplateValue = .null
        let state = language.pageStates[page.id] ?? .current
        if state != .current {
            let original = language.sourceLanguage
            banner = .object([
                "kind": .string(state == .stale ? "stale" : "untranslated"),
                "text": .string(label(state == .stale ? "banner.stale" : "banner.untranslated")),
                "linkText": .string(label("banner.readOriginal")),
                "href": .string(language.href(from: out, to: out, in: original)),
                "originalLang": .string(original),
                "readerLang": .string(language.code), "readerDir": .string(language.direction),
            ])
            if state == .untranslated {
                // The text is the original's: say so, for screen readers, hyphenation and direction.
                contentLang = .object(["code": .string(original), "dir": .string(LanguageInfo.direction(original))])
            }
        }
        // A notebook's page offers the notebook itself, shared by every language at the site root.
        let download: TemplateValue = page.isNotebook
            ? .object(["href": .string(language.sharedHref(from: out, to: String(page.sourcePath.dropFirst("Content/".count))))])
            : .null
        let body = render("page", [
            "banner": banner, "contentLang": contentLang, "download": download,
            "page": .object([
                "id": .string(page.id), "title": .string(page.title), "summary": .string(page.summary),
                "html": .string(rendered?.html ?? ""), "toc": .list(toc), "hasToc": .bool(toc.count > 1),
                "curriculum": .list(curriculum), "hasCurriculum": .bool(!curriculum.isEmpty),
                "meta": .list(meta), "hasMeta": .bool(!meta.isEmpty),
                "isTeacherOnly": .bool(page.edition == .teacher),
            ]),
            "pathNav": .list(pathNav), "hasPathNav": .bool(!pathNav.isEmpty),
        ], outputPath: out)
        var crumbs: [(String, String?)] = [(label("home"), SitePaths.relative(from: out, to: "index.html"))]
        if let first = memberships.first, let path = model.path(first.pathID) {
            crumbs.append((path.title, SitePaths.relative(from: out, to: path.outputPath)))
        }
        crumbs.append((page.title, nil))
        return layout(outputPath: out, title: page.title, description: page.summary, body: body, breadcrumb: crumbs,
                      bodyAttributes: ["pageId": .string(page.id)])
    }
}
