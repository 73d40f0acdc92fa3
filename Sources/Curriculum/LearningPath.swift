import Diagnostics

/// A learning path: an ordered chain of steps (pages and modules) with "go deeper" connections.
public struct LearningPath: Sendable, Hashable {
    public enum Audience: String, Sendable, Hashable, CaseIterable {
        case students, teachers, everyone
    }

    public var id: String
    public var sourcePath: String
    public var title: String
    public var audience: Audience
    public var summary: String
    /// Declared study time; when nil the site shows the sum of the steps' durations.
    public var time: Duration?
    public var order: Int?
    public var edition: Edition
    public var steps: [PathStep]
    public var deeper: [Connection]
    public var location: SourceLocation

    public init(id: String, sourcePath: String, title: String, audience: Audience, summary: String,
                time: Duration? = nil, order: Int? = nil, edition: Edition = .student,
                steps: [PathStep], deeper: [Connection] = [], location: SourceLocation? = nil) {
        self.id = id
        self.sourcePath = sourcePath
        self.title = title
        self.audience = audience
        self.summary = summary
        self.time = time
        self.order = order
        self.edition = edition
        self.steps = steps
        self.deeper = deeper
        self.location = location ?? .file(sourcePath)
    }

    public var outputPath: String { "paths/\(id).html" }
}

/// One step of a path: a page, an inline module (a titled group of steps), or another path included whole.
public indirect enum PathStep: Sendable, Hashable {
    case page(id: String, note: String?, location: SourceLocation)
    case module(title: String, steps: [PathStep], location: SourceLocation)
    case path(id: String, location: SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .page(_, _, let l), .module(_, _, let l), .path(_, let l): return l
        }
    }
}

/// A "go deeper" connection from a step of one path to a page elsewhere.
public struct Connection: Sendable, Hashable {
    public var from: String
    public var fromLocation: SourceLocation
    public var to: String
    public var toLocation: SourceLocation
    public var note: String?

    public init(from: String, fromLocation: SourceLocation, to: String, toLocation: SourceLocation, note: String? = nil) {
        self.from = from
        self.fromLocation = fromLocation
        self.to = to
        self.toLocation = toLocation
        self.note = note
    }
}
