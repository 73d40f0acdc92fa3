/// Which audience a site is built for. The teacher edition adds teacher-only pages, paths and callouts.
public enum Edition: String, Sendable, Hashable, CaseIterable {
    case student, teacher

    /// Whether content marked for `required` appears in this edition.
    public func includes(_ required: Edition) -> Bool {
        required == .student || self == .teacher
    }
}
