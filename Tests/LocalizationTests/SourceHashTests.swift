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
            #expect(hasher.hash == Reference.fnv1a64(Reference.normalise(text)), "\(text.debugDescription)")
        }
        for (a, b, c) in [("T", "S", "body\n"), (" T ", "", "\r\nx  \r\n"), ("", "", "")] {
            let joined = SourceHash.hex(Reference.fnv1a64(Reference.normalise(a) + "\u{0}" + Reference.normalise(b) + "\u{0}" + Reference.normalise(c)), digits: 16)
            #expect(SourceHash.of(title: a, summary: b, body: c) == joined)
        }
    }
}

/// The fingerprint's rule written plainly (the normalised text, then FNV-1a 64 of its bytes), as translators' stamps
/// and the site benchmark's generator compute it: the build's one-pass hasher must agree with it.
private enum Reference {
    /// Line endings unified, trailing spaces of every line and blank lines at both ends removed. One pass over bytes.
    static func normalise(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpaces = [UInt8]()
        var bytes = text.utf8.makeIterator()
        var previousWasCR = false
        while let b = bytes.next() {
            if b == 0x0D || b == 0x0A {
                if b == 0x0A && previousWasCR { previousWasCR = false; continue }
                previousWasCR = b == 0x0D
                pendingSpaces.removeAll(keepingCapacity: true)   // trailing spaces of the line go
                out.append(0x0A)
                continue
            }
            previousWasCR = false
            if b == 0x20 || b == 0x09 { pendingSpaces.append(b); continue }
            if !pendingSpaces.isEmpty { out.append(contentsOf: pendingSpaces); pendingSpaces.removeAll(keepingCapacity: true) }
            out.append(b)
        }
        // Blank lines at both ends.
        var start = 0, end = out.count
        while start < end, out[start] == 0x0A || out[start] == 0x0D { start += 1 }
        while end > start, out[end - 1] == 0x0A || out[end - 1] == 0x0D { end -= 1 }
        return String(decoding: out[start..<end], as: UTF8.self)
    }

    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
