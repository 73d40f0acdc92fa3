import Diagnostics

extension YAMLParser {
    /// Parses a config file whose top level must be a map of fields (site.yml, a path, a curriculum, an exercise).
    /// - Parameters:
    ///   - what: how the file is named in the message, e.g. "a path file".
    ///   - id: the diagnostic id for a top level that is not a map, e.g. `path.type`.
    /// - Returns: the map and the node it came from (for the location of missing fields).
    public static func parseMap(_ text: String, path: String, what: String, id: String) -> Result<(YAMLMap, YAMLNode), Diagnostic> {
        switch parse(text, path: path) {
        case .failure(let d):
            return .failure(d)
        case .success(let node):
            guard let map = node.map else {
                return .failure(.error(id, "\(what) must be a map of fields, found \(node.kindName)", at: node.location))
            }
            return .success((map, node))
        }
    }
}
