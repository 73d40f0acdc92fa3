import Diagnostics

/// A real syllabus (e.g. OCR A Level Physics A) with its objectives, nested as the exam board numbers them.
public struct CurriculumRegistry: Sendable, Hashable {
    public struct Objective: Sendable, Hashable {
        public var code: String
        public var statement: String
        public var children: [Objective]
        public var location: SourceLocation

        public init(code: String, statement: String, children: [Objective] = [], location: SourceLocation) {
            self.code = code
            self.statement = statement
            self.children = children
            self.location = location
        }
    }

    public var id: String
    public var sourcePath: String
    public var title: String
    public var issuer: String
    public var level: String
    public var url: String?
    public var objectives: [Objective]

    public init(id: String, sourcePath: String, title: String, issuer: String, level: String,
                url: String? = nil, objectives: [Objective]) {
        self.id = id
        self.sourcePath = sourcePath
        self.title = title
        self.issuer = issuer
        self.level = level
        self.url = url
        self.objectives = objectives
    }

    /// Every objective in document order, with its depth (0 for top level).
    public var flattened: [(objective: Objective, depth: Int)] {
        var out: [(Objective, Int)] = []
        func walk(_ list: [Objective], _ depth: Int) {
            for o in list { out.append((o, depth)); walk(o.children, depth + 1) }
        }
        walk(objectives, 0)
        return out
    }

    public func objective(_ code: String) -> Objective? {
        flattened.first { $0.objective.code == code }?.objective
    }

    public var outputPath: String { "curricula/\(id).html" }
}

extension CurriculumRegistry {
    /// The fragment id of an objective on its registry's index page: `6.4.2(d)` → `obj-6.4.2-d`.
    public static func anchor(for code: String) -> String {
        var out = "obj-"
        var lastDash = true
        for ch in code {
            if ch.isASCII && (ch.isLetter || ch.isNumber || ch == ".") {
                out.append(ch)
                lastDash = false
            } else if !lastDash {
                out.append("-")
                lastDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
