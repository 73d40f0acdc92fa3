/// Everything a course folder holds, loaded into values. Stages after loading work on this, not on files.
public struct Course: Sendable {
    public var site: SiteConfig
    public var pages: [Page] { didSet { pageIndex = Course.index(pages) } }
    /// Position of each page id in `pages` (the first one, for a duplicated id): lookups by id are constant time.
    private var pageIndex: [String: Int]
    public var paths: [LearningPath]
    public var curricula: [CurriculumRegistry]
    /// Static files under `Content/` (images, PDFs), relative to `Content/`, sorted.
    public var assets: [String]

    public init(site: SiteConfig, pages: [Page], paths: [LearningPath], curricula: [CurriculumRegistry], assets: [String] = []) {
        self.site = site
        self.pages = pages
        pageIndex = Course.index(pages)
        self.paths = paths
        self.curricula = curricula
        self.assets = assets
    }

    /// The course as seen by one edition: teacher-only pages and paths removed from the student edition.
    public func filtered(for edition: Edition) -> Course {
        var copy = self
        copy.pages = pages.filter { edition.includes($0.edition) }
        copy.paths = paths.filter { edition.includes($0.edition) }
        return copy
    }

    public func page(id: String) -> Page? { pageIndex[id].map { pages[$0] } }

    private static func index(_ pages: [Page]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(pages.count)
        for (position, page) in pages.enumerated() where index[page.id] == nil { index[page.id] = position }
        return index
    }
    public func path(id: String) -> LearningPath? { paths.first { $0.id == id } }
    public func registry(id: String) -> CurriculumRegistry? { curricula.first { $0.id == id } }
}
