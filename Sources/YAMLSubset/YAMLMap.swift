import Diagnostics

/// A block map: its entries in source order, each with the location of its key.
public struct YAMLMap: Sendable, Hashable {
    /// One `key: value` line (or block), keeping where the key was written for "unknown key" errors.
    public struct Entry: Sendable, Hashable {
        /// The key's text: as written for plain keys, the content for quoted ones.
        public var key: String
        /// Where the key starts (its opening quote, for a quoted key).
        public var keyLocation: SourceLocation
        /// The value: on the key's line, a nested block, or null at the end of the line.
        public var value: YAMLNode

        /// Builds an entry, e.g. for defaults or tests.
        public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// In source order. The parser guarantees keys are unique.
    public var entries: [Entry]

    /// Builds a map from entries, e.g. for defaults or tests.
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// The value for `key`, or nil if the map has no such key.
    public subscript(key: String) -> YAMLNode? {
        entry(key)?.value
    }

    /// The entry for `key`, with the key's location.
    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }

    /// True for a map with no entries.
    public var isEmpty: Bool { entries.isEmpty }
}
