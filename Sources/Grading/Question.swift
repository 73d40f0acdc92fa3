/// A question checked against an answer written in the exercise: multiple choice or a number.
public struct Question: Sendable, Hashable {
    /// One option of a multiple-choice question; `why` explains it when chosen.
    public struct Choice: Sendable, Hashable {
        public var text: String
        public var correct: Bool
        public var why: String?
        public init(text: String, correct: Bool = false, why: String? = nil) {
            self.text = text
            self.correct = correct
            self.why = why
        }
    }

    public enum Answer: Sendable, Hashable {
        /// Exactly one choice is correct (the parser enforces it).
        case choices([Choice])
        case number(Double, tolerance: Tolerance)
    }

    public var prompt: String
    public var answer: Answer

    public init(prompt: String, answer: Answer) {
        self.prompt = prompt
        self.answer = answer
    }
}
