/// Flattens a path into the sequence of pages a reader walks through, expanding modules and included paths
/// (each included path once, so cycles — reported by the checker — cannot loop).
public enum PathResolver {
    public static func pageIDs(of path: LearningPath, in course: Course) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var visiting: Set<String> = [path.id]
        func walk(_ steps: [PathStep]) {
            for step in steps {
                switch step {
                case let .page(id, _, _):
                    if seen.insert(id).inserted { out.append(id) }
                case let .module(_, inner, _):
                    walk(inner)
                case let .path(id, _):
                    guard !visiting.contains(id), let included = course.path(id: id) else { continue }
                    visiting.insert(id)
                    walk(included.steps)
                }
            }
        }
        walk(path.steps)
        return out
    }
}
