import Foundation
import Diagnostics

/// CSV files (`.csv`, or `.csv.gz` read through zlib's gzip stream API, streaming — never inflating the whole file into memory).
///
/// ## Format
///
/// - The first line is the header: comma-separated column names. A name may carry a kind suffix
///   `:int`, `:float` (the default) or `:bool`, and `[]` before it marks a jagged column (a list per event):
///
///       lep_n:int, lep_pt[], lep_charge[]:int, lep_isTightID[]:bool, mcWeight
///
///   Names use ASCII letters, digits and `_`, and start with a letter or `_`. Spaces around names are ignored.
///   A name may appear only once.
/// - Every following line is one event, with one cell per header column.
///   - Scalar cells are numbers: `12`, `-3.5`, `.5`, `1e-3`, and `nan`, `inf`, `-inf`, `infinity` in any case.
///     They must not be empty. Cells of an `:int` column must be whole numbers of magnitude at most 2^53.
///   - Bool cells are `0`, `1`, `true` or `false` (any case), stored as 0 and 1.
///   - Jagged cells are `;`-separated values (`31200.5;25400`); an empty cell is an empty list.
///     Empty values inside a list (`1;;2`, `1;`) are errors.
///   - Any cell may be wrapped in double quotes (`"31200.5;25400"`), which are dropped; there is no escaping inside.
///   - Spaces and tabs around cells and list values are ignored.
/// - Blank lines (only spaces and tabs) and lines starting with `#` are skipped, also before the header.
///   So in a file whose only column is jagged, write an empty list as `""`.
/// - Lines end in LF or CRLF; a UTF-8 byte order mark is skipped. UTF-16 and UTF-32 files are rejected.
/// - A line may be at most 16 MiB long.
/// - Files starting with the gzip magic bytes (1f 8b) are decompressed on the fly, whatever their extension;
///   concatenated gzip members are read as one file.
///
/// Only the requested columns are parsed: cells of other columns are counted (every line must have as many
/// cells as the header) but their content is not checked.
///
/// ## Errors
///
/// Every problem is a `DataError` at `path:line:column` (column in UTF-8 bytes from the start of the line,
/// after any byte order mark), with one of these ids:
/// `csv.bad-header`, `csv.duplicate-column`, `csv.unknown-column` (with a "did you mean" note),
/// `csv.column-count`, `csv.empty-cell`, `csv.bad-number`, `csv.not-integer`, `csv.bad-bool`, `csv.bad-quote`,
/// `csv.line-too-long`, `csv.encoding` (UTF-16, invalid UTF-8 in the header, NUL bytes), `csv.gzip` (corrupt
/// or truncated gzip data), `csv.io` (cannot open or read), `csv.chunk-too-large` (over 2^31 list values in one chunk).
public struct CSVSource: ColumnSource {
    /// The `displayPath` given at opening; used in every diagnostic.
    public let name: String
    /// The header's columns, in header order.
    public let schema: [ColumnInfo]
    /// The file; each reader opens it afresh, so readers are independent.
    public let url: URL

    /// Opens the file and reads only its header line to build the schema. `displayPath` is used in diagnostics.
    public init(url: URL, displayPath: String) throws(DataError) {
        self.url = url
        self.name = displayPath
        let lines = try LineReader(path: url.path, displayPath: displayPath)
        guard let header = try lines.nextContentLine() else {
            throw .error("csv.bad-header", "the file is empty; expected a header line naming the columns",
                         at: .file(displayPath), hint: "e.g. 'lep_n:int, lep_pt[], mcWeight'")
        }
        schema = try CSVHeader.parse(header, lineNumber: lines.lineNumber, path: displayPath)
    }

    /// Unknown until the file has been read through.
    public var eventCount: Int? { nil }

    public func makeReader(columns: [String], chunkSize: Int, limit: Int?) throws(DataError) -> any ChunkReader {
        let known = Set(schema.map(\.name))
        for column in columns where !known.contains(column) {
            throw DataError(Diagnostic.error("csv.unknown-column", "no column '\(column)' in the header of '\(name)'",
                                             at: .file(name))
                .suggesting(column, from: schema.map(\.name)))
        }
        let lines = try LineReader(path: url.path, displayPath: name)
        // Skip the header; its line number is the first content line again.
        _ = try lines.nextContentLine()
        return CSVReader(lines: lines, path: name, header: schema, columns: columns, chunkSize: chunkSize, limit: limit)
    }
}
