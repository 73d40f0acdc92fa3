/// The outcome of grading one submission of one exercise: a score and feedback per check.
public struct Grade: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Full points.
        case passed
        /// No points: the answer is there but wrong.
        case failed
        /// Some points: part of a cut flow matches.
        case partial
        /// No points: the submission has nothing for this check (no such histogram, unanswered question).
        case missing
        /// No points: the submission could not be run, or the reference lacks what the check names.
        case error
    }

    /// One check's result.
    public struct CheckGrade: Sendable, Hashable {
        public var id: String
        public var title: String
        /// The check's type name (`cutflow`, `histogram`, `value`, `question`).
        public var type: String
        public var status: Status
        public var points: Int
        public var maxPoints: Int
        /// Feedback for the student: the exercise's pass/fail text, then a matched mistake's hint.
        public var message: String
        /// Evidence: what differed, by how much ("expected 55.9478, got 55947.8 (±1%)").
        public var details: [String]

        public init(id: String, title: String, type: String, status: Status, points: Int, maxPoints: Int,
                    message: String, details: [String] = []) {
            self.id = id
            self.title = title
            self.type = type
            self.status = status
            self.points = points
            self.maxPoints = maxPoints
            self.message = message
            self.details = details
        }
    }

    /// The exercise's id.
    public var exercise: String
    public var checks: [CheckGrade]

    public init(exercise: String, checks: [CheckGrade]) {
        self.exercise = exercise
        self.checks = checks
    }

    public var score: Int { checks.reduce(0) { $0 + $1.points } }
    public var maxScore: Int { checks.reduce(0) { $0 + $1.maxPoints } }
}
