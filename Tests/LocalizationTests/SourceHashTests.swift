import Curriculum
@testable import Localization
import Testing

@Suite struct SourceHashTests {
    func page(_ body: String, title: String = "Units", duration: Duration? = nil) -> Page {
        Page(id: "u", sourcePath: "Content/u.md", title: title, summary: "S", duration: duration, body: body)
    }

    @Test func hashIsStableAcrossLineEndingsAndTrailingSpaces() {
        let a = SourceHash.of(page("Intro\n\n## A\nText\n"))
        #expect(a.count == 16)
        #expect(SourceHash.of(page("Intro  \r\n\r\n## A\r\nText\r\n\n\n")) == a)
    }

    @Test func textChangesTheHashButMetadataDoesNot() {
        let a = SourceHash.of(page("Intro\n"))
        #expect(SourceHash.of(page("Intro!\n")) != a)
        #expect(SourceHash.of(page("Intro\n", title: "Units and scales")) != a)
        #expect(SourceHash.of(page("Intro\n", duration: Duration(minutes: 20))) == a)
    }

    @Test func sectionsFollowHeadingsButNotCodeBlocks() {
        let sections = SourceHash.sections(of: page("Intro\n\n## A\none\n```\n# not a heading\n```\n## B\ntwo\n"))
        #expect(sections.map(\.heading) == [SourceHash.titleSection, SourceHash.introSection, "A", "B"])
    }

    @Test func changedSectionsAreNamed() {
        let old = SourceHash.sections(of: page("Intro\n## A\none\n## B\ntwo\n## C\nthree\n"))
        let new = SourceHash.sections(of: page("Intro\n## A\nONE\n## B\ntwo\n## D\nfour\n"))
        let changes = TranslationStatus.changedSections(recorded: old.map { ($0.hash, $0.heading) }, current: new)
        #expect(changes == ["changed: A", "new: D", "removed: C"])
    }
}
