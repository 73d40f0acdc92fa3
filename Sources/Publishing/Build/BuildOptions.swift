import Curriculum
import Foundation

/// What `openkey build` was asked to do.
public struct BuildOptions: Sendable {
    public var courseRoot: URL
    public var output: URL
    public var edition: Edition?
    public var strict: Bool
    /// Check only: run every stage but Write.
    public var checkOnly: Bool
    public var environment: [String: String]
    public var showProgress: Bool
    /// Print each stage's wall time at the end (`--timings`).
    public var timings = false
    /// Build even when nothing changed since the last build (`--force`); see `BuildStamp`.
    public var force = false

    public init(courseRoot: URL, output: URL? = nil, edition: Edition? = nil, strict: Bool = false, checkOnly: Bool = false,
                environment: [String: String] = ProcessInfo.processInfo.environment, showProgress: Bool = false) {
        self.courseRoot = courseRoot
        self.output = output ?? courseRoot.appendingPathComponent("_site")
        self.edition = edition
        self.strict = strict
        self.checkOnly = checkOnly
        self.environment = environment
        self.showProgress = showProgress
    }
}
