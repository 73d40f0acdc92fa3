import Curriculum
import Foundation
import Localization
#if canImport(Glibc)
import Glibc
#endif

/// What the last complete build knew about the course, kept beside its stamp so that an edit of a few pages' text
/// can update the site without reading and rendering everything again (see `IncrementalBuild`): the course and its
/// translations as loaded (without the pages' text), what other pages see of each page's rendered text (heading
/// anchors, curriculum callouts, whether it places exercises or figures), and each language's page states.
struct BuildSnapshot {
    static let format = Array("openkey-build-snapshot 1\n".utf8)

    /// The course as loaded (both editions), pages without their Markdown.
    var course: Course
    /// The translations as loaded, pages without their Markdown (only their place, title and summary).
    var translations: CourseTranslations
    var edition: Edition
    /// The heading anchors of each page's rendered text, in order: links from other pages may point at them.
    var anchors: [String: [String]]
    /// The same for translated pages, by language.
    var translatedAnchors: [String: [String: [String]]]
    /// Objectives each page names in `[!curriculum]` callouts (they count as coverage on the curriculum pages).
    var calloutObjectives: [String: [String]]
    /// Pages whose text (original or a translation) places exercises or figures: those run on the sample data.
    var embedding: Set<String>
    /// Each language's page states (banners), by language code.
    var states: [String: [String: SiteLanguage.PageState]]
    /// The translation status shown on `translations.html` (teacher edition of a multilingual site; else empty).
    var status: TranslationStatus

    init(course: Course, translations: CourseTranslations, edition: Edition, rendered: [String: RenderedMarkdown],
         translated: [String: [String: RenderedMarkdown]], states: [String: [String: SiteLanguage.PageState]], status: TranslationStatus) {
        // The pages' text is not written (see `SnapshotWriter`), nor anything of a translated page but its place,
        // title and summary.
        self.course = course
        self.translations = translations
        self.edition = edition
        anchors = rendered.mapValues { $0.headings.map(\.anchor) }
        translatedAnchors = translated.mapValues { $0.mapValues { $0.headings.map(\.anchor) } }
        calloutObjectives = rendered.mapValues { $0.calloutObjectives.map(\.description) }
        var embedding = Set(rendered.filter { !$0.value.exercises.isEmpty || !$0.value.figures.isEmpty }.keys)
        for pages in translated.values {
            embedding.formUnion(pages.filter { !$0.value.exercises.isEmpty || !$0.value.figures.isEmpty }.keys)
        }
        self.embedding = embedding
        self.states = states
        self.status = status
    }

    private init(reading reader: inout SnapshotReader) throws {
        course = try reader.course()
        translations = try reader.translations()
        edition = try reader.raw(Edition.self)
        anchors = try reader.dictionary { try $0.strings() }
        translatedAnchors = try reader.dictionary { try $0.dictionary { try $0.strings() } }
        calloutObjectives = try reader.dictionary { try $0.strings() }
        embedding = Set(try reader.strings())
        states = try reader.dictionary { try $0.dictionary { try $0.state() } }
        status = try reader.status()
    }

    var bytes: [UInt8] {
        var w = SnapshotWriter()
        w.course(course)
        w.translations(translations)
        w.string(edition.rawValue)
        w.dictionary(anchors) { $0.strings($1) }
        w.dictionary(translatedAnchors) { $0.dictionary($1) { $0.strings($1) } }
        w.dictionary(calloutObjectives) { $0.strings($1) }
        w.strings(embedding.sorted())
        w.dictionary(states) { $0.dictionary($1) { $0.state($1) } }
        w.status(status)
        return BuildSnapshot.format + w.bytes
    }

    /// A page as other pages and the site's structure see it: everything but its text (as a snapshot reads it back).
    static func withoutText(_ page: Page) -> Page {
        var copy = page
        copy.body = ""
        copy.bodyFirstLine = 0
        copy.lineMap = nil
        copy.attachments = [:]
        copy.generatedHTML = []
        return copy
    }

    static func file(_ options: BuildOptions) -> URL { BuildStamp.file(options, extension: "snapshot") }

    /// Writes the snapshot for builds with these options (atomically); its file, or nil when it could not be written.
    func write(_ options: BuildOptions) -> URL? {
        let file = BuildSnapshot.file(options)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        do {
            let data = Data(bytes)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return file
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            try? FileManager.default.removeItem(at: file)
            return nil
        }
    }

    /// The snapshot recorded with the stamp `stamp` (nil when there is none, it was replaced since, or it cannot be read).
    static func read(_ options: BuildOptions, stamp: String) -> BuildSnapshot? {
        let file = BuildSnapshot.file(options)
        guard stamp != "-", FileStamps.stamp(of: file.path) == stamp, let data = FileManager.default.contents(atPath: file.path),
              data.starts(with: format) else { return nil }
        var reader = SnapshotReader([UInt8](data.dropFirst(format.count)))
        guard let snapshot = try? BuildSnapshot(reading: &reader), reader.isAtEnd else { return nil }
        return snapshot
    }
}
