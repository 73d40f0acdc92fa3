import Dispatch
import Foundation

/// The one-line progress display (`[4/6] Render 412/1200 pages`), shown only on a terminal; with `timings`,
/// the wall time of every stage is written to standard error at the end (`openkey build --timings`).
public final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let timings: Bool
    private var stages: [(name: String, start: UInt64)] = []
    private var notes: [String] = []
    private let lock = NSLock()
    private var stage = ""
    private var unit = ""
    private var done = 0
    private var total = 0
    private var lastDrawn = 0

    public init(enabled: Bool = isatty(STDERR_FILENO) == 1, timings: Bool = false) {
        self.enabled = enabled
        self.timings = timings
    }

    public func begin(_ number: Int, of count: Int, _ name: String, total: Int = 0, unit: String = "") {
        lock.lock(); defer { lock.unlock() }
        stage = "[\(number)/\(count)] \(name)"
        if timings { stages.append((name, DispatchTime.now().uptimeNanoseconds)) }
        self.unit = unit
        self.total = total
        done = 0
        lastDrawn = 0
        draw()
    }

    /// Counts one item done (thread-safe); redraws at most every 1% to keep the terminal cheap.
    public func advance() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if done == total || done - lastDrawn >= max(1, total / 100) {
            lastDrawn = done
            draw()
        }
    }

    /// A remark shown with the timings (e.g. why a build could not just update the site).
    public func note(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        notes.append(text)
    }

    public func finish() {
        lock.lock(); defer { lock.unlock() }
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        guard timings, let first = stages.first else { return }
        let end = DispatchTime.now().uptimeNanoseconds
        var lines = notes + ["Stage timings (wall):"]
        for (index, stage) in stages.enumerated() {
            let stop = index + 1 < stages.count ? stages[index + 1].start : end
            lines.append("  " + stage.name.padding(toLength: 24, withPad: " ", startingAt: 0) + seconds(stop - stage.start))
        }
        lines.append("  " + "total".padding(toLength: 24, withPad: " ", startingAt: 0) + seconds(end - first.start))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    private func seconds(_ nanoseconds: UInt64) -> String {
        String(format: "%7.3f s", Double(nanoseconds) / 1e9)
    }

    private func draw() {
        guard enabled else { return }
        let count = total > 0 ? " \(done)/\(total) \(unit)" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage)\(count)".utf8))
    }
}
