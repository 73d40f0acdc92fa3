import Foundation

/// The one-line progress display (`[4/6] Render 412/1200 pages`), shown only on a terminal.
public final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var stage = ""
    private var unit = ""
    private var done = 0
    private var total = 0
    private var lastDrawn = 0

    public init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    public func begin(_ number: Int, of count: Int, _ name: String, total: Int = 0, unit: String = "") {
        lock.lock(); defer { lock.unlock() }
        stage = "[\(number)/\(count)] \(name)"
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

    public func finish() {
        lock.lock(); defer { lock.unlock() }
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func draw() {
        guard enabled else { return }
        let count = total > 0 ? " \(done)/\(total) \(unit)" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage)\(count)".utf8))
    }
}
