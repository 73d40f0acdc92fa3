import Curriculum
import Diagnostics
import Localization

/// The byte format of `BuildSnapshot`: variable-length integers and length-prefixed UTF-8, written and read field by
/// field in one fixed order. Small and fast on purpose: an update of one page reads the whole snapshot of a
/// 10,000-page course, so this must take milliseconds (Foundation's JSON took most of a second).
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        v = (v << 1) ^ (value < 0 ? ~0 : 0)   // zigzag: small negatives stay small
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
    mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
    /// Keys in sorted order, so equal snapshots are equal bytes.
    mutating func dictionary<T>(_ values: [String: T], _ write: (inout SnapshotWriter, T) -> Void) {
        int(values.count)
        for key in values.keys.sorted() { string(key); write(&self, values[key]!) }
    }
    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    mutating func location(_ l: SourceLocation) { string(l.path); int(l.line); int(l.column) }
    mutating func objective(_ r: ObjectiveReference) { string(r.registry); optional(r.code) { $0.string($1) }; location(r.location) }
    mutating func site(_ s: SiteConfig) { string(s.title); string(s.sourceLanguage); strings(s.languages); string(s.defaultEdition.rawValue) }

    mutating func page(_ p: Page) {
        string(p.id); string(p.sourcePath); string(p.title); string(p.summary)
        array(p.curriculum) { $0.objective($1) }
        optional(p.level) { $0.string($1) }
        optional(p.duration) { $0.int($1.minutes) }
        string(p.edition.rawValue); location(p.idLocation)
    }

    mutating func step(_ s: PathStep) {
        switch s {
        case let .page(id, note, l): int(0); string(id); optional(note) { $0.string($1) }; location(l)
        case let .module(title, steps, l): int(1); string(title); array(steps) { $0.step($1) }; location(l)
        case let .path(id, l): int(2); string(id); location(l)
        }
    }

    mutating func path(_ p: LearningPath) {
        string(p.id); string(p.sourcePath); string(p.title); string(p.audience.rawValue); string(p.summary)
        optional(p.time) { $0.int($1.minutes) }
        optional(p.order) { $0.int($1) }
        string(p.edition.rawValue)
        array(p.steps) { $0.step($1) }
        array(p.deeper) { w, c in
            w.string(c.from); w.location(c.fromLocation); w.string(c.to); w.location(c.toLocation); w.optional(c.note) { $0.string($1) }
        }
        location(p.location)
    }

    mutating func registryObjective(_ o: CurriculumRegistry.Objective) {
        string(o.code); string(o.statement); array(o.children) { $0.registryObjective($1) }; location(o.location)
    }

    mutating func registry(_ r: CurriculumRegistry) {
        string(r.id); string(r.sourcePath); string(r.title); string(r.issuer); string(r.level)
        optional(r.url) { $0.string($1) }
        array(r.objectives) { $0.registryObjective($1) }
    }

    mutating func course(_ c: Course) {
        site(c.site)
        array(c.pages) { $0.page($1) }
        array(c.paths) { $0.path($1) }
        array(c.curricula) { $0.registry($1) }
        strings(c.assets)
    }

    /// The UI strings of a catalogue (where each key was written only matters for reports, made by full builds).
    mutating func catalogue(_ c: UICatalog) {
        string(c.language); dictionary(c.strings) { $0.string($1) }; optional(c.sourcePath) { $0.string($1) }
    }

    /// A translated page as the rest of the site sees it: its place (its language and original follow from it),
    /// its title and its summary.
    mutating func translatedPage(_ p: TranslatedPage) {
        string(p.sourcePath); string(p.title); string(p.summary)
    }

    mutating func translations(_ t: CourseTranslations) {
        string(t.sourceLanguage)
        catalogue(t.reference)
        dictionary(t.packs) { w, pack in
            w.string(pack.language)
            w.optional(pack.ui) { $0.catalogue($1) }
            w.dictionary(pack.pages) { $0.translatedPage($1) }
            w.dictionary(pack.paths) { $0.path($1) }
            w.dictionary(pack.curricula) { $0.registry($1) }
        }
    }

    mutating func status(_ s: TranslationStatus) {
        array(s.languages) { w, language in
            w.string(language.language); w.string(language.name)
            w.array(language.pages) { w, page in
                w.string(page.pageID); w.string(page.title); w.string(page.originalPath)
                w.optional(page.translationPath) { $0.string($1) }
                switch page.state {
                case .translated: w.int(0)
                case .stale(let changes): w.int(1); w.strings(changes)
                case .missing: w.int(2)
                }
                w.optional(page.recordedHash) { $0.string($1) }
            }
            w.strings(language.missingUIKeys)
        }
    }

    mutating func state(_ s: SiteLanguage.PageState) {
        switch s {
        case .current: int(0)
        case .untranslated: int(1)
        case .stale: int(2)
        }
    }
}

/// Reads what `SnapshotWriter` wrote; any inconsistency throws (the snapshot is then ignored: a full build runs).
struct SnapshotReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func int() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let b = bytes[position]
            position += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - position else { throw Malformed() }
        return n
    }
    mutating func bool() throws -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Malformed() }
        position += 1
        return bytes[position - 1] == 1
    }
    mutating func string() throws -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: bytes[position..<(position + n)], as: UTF8.self)
    }
    mutating func optional<T>(_ read: (inout SnapshotReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }
    mutating func array<T>(_ read: (inout SnapshotReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
    mutating func dictionary<T>(_ read: (inout SnapshotReader) throws -> T) throws -> [String: T] {
        let n = try count()
        var out: [String: T] = [:]
        out.reserveCapacity(n)
        for _ in 0..<n { let key = try string(); out[key] = try read(&self) }
        return out
    }
    mutating func strings() throws -> [String] { try array { try $0.string() } }
    mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Malformed() }
        return value
    }

    mutating func location() throws -> SourceLocation { SourceLocation(path: try string(), line: try int(), column: try int()) }
    mutating func objective() throws -> ObjectiveReference {
        ObjectiveReference(registry: try string(), code: try optional { try $0.string() }, location: try location())
    }
    mutating func site() throws -> SiteConfig {
        SiteConfig(title: try string(), sourceLanguage: try string(), languages: try strings(), defaultEdition: try raw(Edition.self))
    }

    mutating func page() throws -> Page {
        let id = try string(), sourcePath = try string(), title = try string(), summary = try string()
        let curriculum = try array { try $0.objective() }
        let level = try optional { try $0.string() }
        let duration = try optional { Duration(minutes: try $0.int()) }
        let edition = try raw(Edition.self)
        return Page(id: id, sourcePath: sourcePath, title: title, summary: summary, curriculum: curriculum, level: level,
                    duration: duration, edition: edition, body: "", bodyFirstLine: 0, idLocation: try location())
    }

    mutating func step() throws -> PathStep {
        switch try int() {
        case 0: return .page(id: try string(), note: try optional { try $0.string() }, location: try location())
        case 1: return .module(title: try string(), steps: try array { try $0.step() }, location: try location())
        case 2: return .path(id: try string(), location: try location())
        default: throw Malformed()
        }
    }

    mutating func path() throws -> LearningPath {
        let id = try string(), sourcePath = try string(), title = try string()
        let audience = try raw(LearningPath.Audience.self), summary = try string()
        let time = try optional { Duration(minutes: try $0.int()) }
        let order = try optional { try $0.int() }
        let edition = try raw(Edition.self)
        let steps = try array { try $0.step() }
        let deeper = try array { r in
            Connection(from: try r.string(), fromLocation: try r.location(), to: try r.string(), toLocation: try r.location(),
                       note: try r.optional { try $0.string() })
        }
        return LearningPath(id: id, sourcePath: sourcePath, title: title, audience: audience, summary: summary, time: time,
                            order: order, edition: edition, steps: steps, deeper: deeper, location: try location())
    }

    mutating func registryObjective() throws -> CurriculumRegistry.Objective {
        CurriculumRegistry.Objective(code: try string(), statement: try string(), children: try array { try $0.registryObjective() },
                                     location: try location())
    }

    mutating func registry() throws -> CurriculumRegistry {
        CurriculumRegistry(id: try string(), sourcePath: try string(), title: try string(), issuer: try string(), level: try string(),
                           url: try optional { try $0.string() }, objectives: try array { try $0.registryObjective() })
    }

    mutating func course() throws -> Course {
        Course(site: try site(), pages: try array { try $0.page() }, paths: try array { try $0.path() },
               curricula: try array { try $0.registry() }, assets: try strings())
    }

    mutating func catalogue() throws -> UICatalog {
        UICatalog(language: try string(), strings: try dictionary { try $0.string() }, sourcePath: try optional { try $0.string() })
    }

    /// `Translations/<language>/<path>` translates `Content/<path>`.
    mutating func translatedPage(language: String) throws -> TranslatedPage {
        let sourcePath = try string()
        let folder = "Translations/\(language)/"
        guard sourcePath.hasPrefix(folder) else { throw Malformed() }
        let originalPath = "Content/" + sourcePath.dropFirst(folder.count)
        return TranslatedPage(language: language, sourcePath: sourcePath, originalPath: originalPath, title: try string(),
                              summary: try string(), body: "", bodyFirstLine: 0, translationOf: nil,
                              translationOfLocation: .file(sourcePath), sourceSections: [])
    }

    mutating func translations() throws -> CourseTranslations {
        let source = try string()
        let reference = try catalogue()
        let packs = try dictionary { r -> LanguagePack in
            var pack = LanguagePack(language: try r.string())
            pack.ui = try r.optional { try $0.catalogue() }
            pack.pages = try r.dictionary { [language = pack.language] in try $0.translatedPage(language: language) }
            pack.paths = try r.dictionary { try $0.path() }
            pack.curricula = try r.dictionary { try $0.registry() }
            return pack
        }
        return CourseTranslations(sourceLanguage: source, reference: reference, packs: packs)
    }

    mutating func status() throws -> TranslationStatus {
        TranslationStatus(languages: try array { r in
            TranslationStatus.LanguageStatus(language: try r.string(), name: try r.string(), pages: try r.array { r in
                let id = try r.string(), title = try r.string(), originalPath = try r.string()
                let translationPath = try r.optional { try $0.string() }
                let state: TranslationStatus.State
                switch try r.int() {
                case 0: state = .translated
                case 1: state = .stale(changes: try r.strings())
                case 2: state = .missing
                default: throw Malformed()
                }
                return TranslationStatus.PageStatus(pageID: id, title: title, originalPath: originalPath, translationPath: translationPath,
                                                    state: state, recordedHash: try r.optional { try $0.string() })
            }, missingUIKeys: try r.strings())
        })
    }

    mutating func state() throws -> SiteLanguage.PageState {
        switch try int() {
        case 0: return .current
        case 1: return .untranslated
        case 2: return .stale
        default: throw Malformed()
        }
    }
}
