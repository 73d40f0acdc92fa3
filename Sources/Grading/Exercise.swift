import Diagnostics

/// One exercise, read from `Exercises/<id>/exercise.yml`. Expected values of analysis checks are
/// not stored here: they come from running the exercise's `solution.ana`, so each answer key is
/// written once. Only `question` checks carry their answers in the file.
public struct Exercise: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    /// Data files the analysis reads, relative to the data folder.
    public var datasets: [String]
    /// Free text such as "40 min"; the content loader interprets it.
    public var time: String?
    /// Curriculum objective references, as written (`ocr-a-physics:6.4.2(d)`).
    public var curriculum: [String]
    /// In the order they are shown and graded.
    public var checks: [Check]
    /// Where `title:` was written, for diagnostics about the exercise as a whole.
    public var location: SourceLocation

    public init(id: String, title: String, summary: String, datasets: [String] = [], time: String? = nil,
                curriculum: [String] = [], checks: [Check], location: SourceLocation) {
        self.id = id
        self.title = title
        self.summary = summary
        self.datasets = datasets
        self.time = time
        self.curriculum = curriculum
        self.checks = checks
        self.location = location
    }

    /// The total of all checks' points.
    public var maxScore: Int { checks.reduce(0) { $0 + $1.points } }
}
