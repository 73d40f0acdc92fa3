import Diagnostics

/// Results typed in by hand, for students who did the analysis with other tools. Format, version 1
/// (UTF-8 text, at most 1 MiB, one entry a line; blank lines and lines starting with `#` are skipped;
/// ` #` starts a comment on number lines; SAMPLE may be left out to mean the exercise's default sample):
///
///     # OpenKey answers file, version 1
///     cutflow data: 40 20 11 8                events after each filter, starting with all events
///     histogram mll data: 1 2 2 2 0 0 0 1 0 0 sum of weights per bin
///     edges mll: 0 20 40 60 80 100 120 140 160 180 200
///     value "mean mass" data: 55.9            a reported value; the name is quoted
///     question which-boson: The Z boson       the choice's text or its 1-based number, or a number
///
/// A histogram needs an `edges` line for its name. Entries may come in any order; the same entry twice is an error.
public struct AnswersFile: Sendable, Hashable {
    /// The version this parser reads; a header comment naming another version is an error.
    public static let version = 1
    /// Larger files are refused without being read further.
    public static let maxBytes = 1 << 20

    /// Numbers for one sample (or the default sample when `sample` is nil).
    public struct Entry<Value: Sendable & Hashable>: Sendable, Hashable {
        public var name: String
        public var sample: String?
        public var values: Value
        public var location: SourceLocation

        public init(name: String, sample: String?, values: Value, location: SourceLocation) {
            self.name = name
            self.sample = sample
            self.values = values
            self.location = location
        }

        func matches(_ wanted: String, isDefault: Bool) -> Bool {
            sample == wanted || (sample == nil && isDefault)
        }
    }

    public struct Answer: Sendable, Hashable {
        public var id: String
        public var answer: String
        public var location: SourceLocation

        public init(id: String, answer: String, location: SourceLocation) {
            self.id = id
            self.answer = answer
            self.location = location
        }
    }

    /// Events after each filter; `name` is empty.
    public var cutflows: [Entry<[Int]>] = []
    public var histograms: [Entry<[Double]>] = []
    /// Bin edges by histogram name.
    public var edges: [String: Entry<[Double]>] = [:]
    public var values: [Entry<Double>] = []
    public var questions: [Answer] = []

    public init() {}
}

extension AnswersFile.Entry where Value == [Int] {
    var events: [Int] { values }
}
