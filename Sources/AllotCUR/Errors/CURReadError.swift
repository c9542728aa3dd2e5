/// Why a CUR delivery could not be read.
///
/// The ``description`` is safe to show a user: it names the file, line and column as the file
/// spells them and never includes more of a row than the offending value. Errors about rows
/// (``Code/invalidRows``) list the first ``problems`` and count the rest.
public struct CURReadError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; stable for programs to branch on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case noFiles = "no_files"
            case fileNotFound = "file_not_found"
            case io = "io"
            case unsupportedFormat = "unsupported_format"
            case invalidManifest = "invalid_manifest"
            case emptyFile = "empty_file"
            case headerOnly = "header_only"
            case duplicateColumns = "duplicate_columns"
            case missingColumns = "missing_columns"
            case malformedCSV = "malformed_csv"
            case notGzip = "not_gzip"
            case truncatedGzip = "truncated_gzip"
            case corruptGzip = "corrupt_gzip"
            case invalidRows = "invalid_rows"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The paths name nothing to read (an empty directory, a manifest with no data files).
        public static let noFiles = Code(.noFiles)
        /// A path, or a file a manifest names, does not exist.
        public static let fileNotFound = Code(.fileNotFound)
        /// The operating system refused to open or read a file.
        public static let io = Code(.io)
        /// A format this reader does not handle (Parquet, ZIP).
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// A manifest that is not valid JSON or lacks the fields of either manifest kind.
        public static let invalidManifest = Code(.invalidManifest)
        /// A file with no header line.
        public static let emptyFile = Code(.emptyFile)
        /// A file with a header but no rows.
        public static let headerOnly = Code(.headerOnly)
        /// The header names a column twice (or two spellings of one column).
        public static let duplicateColumns = Code(.duplicateColumns)
        /// The header lacks columns every CUR row needs.
        public static let missingColumns = Code(.missingColumns)
        /// CSV that cannot be split into records (an unterminated quote, a record too large).
        public static let malformedCSV = Code(.malformedCSV)
        /// A `.gz` file that is not gzip data.
        public static let notGzip = Code(.notGzip)
        /// A gzip stream that ends early.
        public static let truncatedGzip = Code(.truncatedGzip)
        /// A gzip stream with corrupt data.
        public static let corruptGzip = Code(.corruptGzip)
        /// Rows with the wrong number of fields or unparsable values; see ``CURReadError/problems``.
        public static let invalidRows = Code(.invalidRows)

        /// A short snake_case identifier such as `truncated_gzip`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// A one-line human message, without the file and line prefix.
    public let message: String
    /// The file concerned, as resolved by ``CURDelivery``.
    public let file: String?
    /// The 1-based physical line (the header is line 1), when the failure is at a line.
    public let line: Int?
    /// The column, spelled as in the file, when the failure concerns one.
    public let column: String?
    /// For ``Code/invalidRows``: the first problems, in file order.
    public let problems: [CURProblem]
    /// For ``Code/invalidRows``: how many further problems were found but not listed.
    public let additionalProblemCount: Int
    /// A lower-level error (errno text, zlib message) for ``debugDescription``.
    public let underlying: String?

    init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: String? = nil,
        problems: [CURProblem] = [], additionalProblemCount: Int = 0, underlying: String? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.problems = problems
        self.additionalProblemCount = additionalProblemCount
        self.underlying = underlying
    }

    /// `file:line: message`; for ``Code/invalidRows`` the message, then one problem per line.
    public var description: String {
        var text = ""
        if problems.isEmpty, let file {
            text += file
            if let line { text += ":\(line)" }
            text += ": "
        }
        text += message
        for problem in problems { text += "\n  " + problem.description }
        if additionalProblemCount > 0 {
            text += "\n  … and \(additionalProblemCount) more problem\(additionalProblemCount == 1 ? "" : "s")"
        }
        return text
    }

    public var debugDescription: String {
        var text = "CURReadError(\(code)): " + description
        for problem in problems where problem.detail != nil { text += "\n  detail: \(problem.detail ?? "")" }
        if let underlying { text += "\n  underlying: \(underlying)" }
        return text
    }
}
