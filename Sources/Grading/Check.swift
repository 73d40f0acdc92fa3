import Diagnostics

/// One graded item of an exercise: what is compared, how many points it is worth, and the feedback.
public struct Check: Sendable, Hashable {
    /// What a check compares. Analysis kinds name what to look up in the results; the expected
    /// values come from the reference result.
    public enum Kind: Sendable, Hashable {
        /// Events after each filter. `tolerance`: allowed absolute difference in events per step;
        /// `weightsTolerance`: when set, the sums of weights must also agree to this relative tolerance.
        case cutflow(tolerance: Int, weightsTolerance: Double?)
        /// A histogram by name, compared with χ²/ndf; `mistakes` are tried in order when it fails.
        case histogram(name: String, maxChi2PerNDF: Double, mistakes: [Mistake])
        /// A `report` value by name.
        case value(report: String, tolerance: Tolerance, mistakes: [Mistake])
        /// A question answered in the submission, with its answer written in the exercise.
        case question(Question)
    }

    /// A recognisable wrong result with the hint that explains it.
    public struct Mistake: Sendable, Hashable {
        public enum Pattern: Sendable, Hashable {
            /// The student's highest bin centre lies in `low...high`.
            case peakBetween(low: Double, high: Double)
            /// The student's value is within `tolerance` of `value`.
            case near(value: Double, tolerance: Tolerance)
        }
        public var pattern: Pattern
        public var hint: String
        public init(pattern: Pattern, hint: String) {
            self.pattern = pattern
            self.hint = hint
        }
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var points: Int
    /// The sample of the result to compare; nil means the first sample of the reference.
    public var sample: String?
    /// Feedback shown when the check passes, and when it does not.
    public var passMessage: String?
    public var failMessage: String?
    /// Where `id:` was written.
    public var location: SourceLocation

    public init(id: String, title: String, kind: Kind, points: Int, sample: String? = nil,
                passMessage: String? = nil, failMessage: String? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.kind = kind
        self.points = points
        self.sample = sample
        self.passMessage = passMessage
        self.failMessage = failMessage
        self.location = location
    }

    /// The name used in `type:` (`cutflow`, `histogram`, `value`, `question`).
    public var typeName: String {
        switch kind {
        case .cutflow: return "cutflow"
        case .histogram: return "histogram"
        case .value: return "value"
        case .question: return "question"
        }
    }
}
