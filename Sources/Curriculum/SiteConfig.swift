/// `Content/site.yml`: what the whole course is called and which languages it has.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var sourceLanguage: String
    public var languages: [String]
    public var defaultEdition: Edition

    public init(title: String, sourceLanguage: String = "en", languages: [String] = ["en"],
                defaultEdition: Edition = .student) {
        self.title = title
        self.sourceLanguage = sourceLanguage
        self.languages = languages
        self.defaultEdition = defaultEdition
    }
}
