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

    /// The fingerprint is computed while reading the bytes once; it must be the hash of the normalised text, which
    /// translators' stamps (and the benchmark's generator) were made with.
    @Test func streamedHashIsTheHashOfTheNormalisedText() {
        let texts = ["", "\n\n", "  \t ", "a", " a ", "\r\n\r\nline one  \r\nline two\t\n\n\n", "x\ry\n\rz", "é  \nü\u{2028}  \n  ",
                     "\n  indented\n\n\n  \n  more  ", "a \t b\n", "\u{0}mid\u{0}"]
        for text in texts {
            var hasher = NormalisedHasher()
            hasher.add(text)
            #expect(hasher.hash == SourceHash.fnv1a64(SourceHash.normalise(text)), "\(text.debugDescription)")
        }
        for (a, b, c) in [("T", "S", "body\n"), (" T ", "", "\r\nx  \r\n"), ("", "", "")] {
            let joined = SourceHash.hex(SourceHash.fnv1a64(SourceHash.normalise(a) + "\u{0}" + SourceHash.normalise(b) + "\u{0}" + SourceHash.normalise(c)), digits: 16)
            #expect(SourceHash.of(title: a, summary: b, body: c) == joined)
        }
    }
}
