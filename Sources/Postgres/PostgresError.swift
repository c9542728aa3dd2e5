/// An error from the PostgreSQL client: a failed connection, a server error, a value that could not be decoded,
/// a failed `COPY`, or a closed pool.
///
/// Server errors carry the fields PostgreSQL reports (SQLSTATE, primary message, detail, hint, context, constraint).
/// `description` is meant for logs and operators: it contains the statement text (truncated) but never the values
/// bound to its parameters, and it leaves out the server's DETAIL, which often quotes whole rows
/// (`Failing row contains (…)`, `Key (email)=(…) already exists.`); `debugDescription` and `detail` have it. The
/// primary message and CONTEXT can still quote one offending value (`invalid input syntax for type integer: "x"`),
/// so map errors to user-facing messages before they leave the service.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case connectionFailed
            case connectionClosed
            case server
            case decoding
            case encoding
            case copyFailed
            case poolClosed
            case unexpectedResult
            case transactionRolledBack
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// Could not establish a connection (bad connection string, server unreachable, authentication failed).
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection broke while in use (server restart, `pg_terminate_backend`, network failure).
        public static let connectionClosed = Code(.connectionClosed)
        /// The server rejected a statement; `sqlState` says why.
        public static let server = Code(.server)
        /// A column value could not be decoded into the requested Swift type (or was NULL for a non-optional).
        public static let decoding = Code(.decoding)
        /// A parameter value could not be encoded.
        public static let encoding = Code(.encoding)
        /// `COPY … FROM STDIN` failed on the client side (the server's rejections use `server`).
        public static let copyFailed = Code(.copyFailed)
        /// The pool was closed before or while waiting for a connection.
        public static let poolClosed = Code(.poolClosed)
        /// libpq returned a result status the operation did not expect (for example rows from `execute`).
        public static let unexpectedResult = Code(.unexpectedResult)
        /// `COMMIT` answered `ROLLBACK` because the transaction had already failed.
        public static let transactionRolledBack = Code(.transactionRolledBack)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The five-character SQLSTATE reported by the server (`23505` for a unique violation), if any.
    public var sqlState: String?
    /// The primary, human-readable message.
    public var message: String
    /// The server's DETAIL field (may quote data values; not part of `description`).
    public var detail: String?
    /// The server's HINT field.
    public var hint: String?
    /// The server's CONTEXT field, e.g. `COPY t, line 150000, column n: "x"`.
    public var context: String?
    /// The constraint that was violated, if the server named one.
    public var constraintName: String?
    /// The table the server named in the error, if any.
    public var tableName: String?
    /// The column: the server's column name for server errors, the result column for decoding errors.
    public var columnName: String?
    /// The statement (SQL text only, never parameter values) that failed, if known.
    public var statement: String?
    /// The error that caused this one (for example the decoder's error), if any.
    public var underlying: (any Error & Sendable)?

    /// Creates an error; the library's own errors fill in the fields they know.
    public init(
        code: Code,
        message: String,
        sqlState: String? = nil,
        detail: String? = nil,
        hint: String? = nil,
        context: String? = nil,
        constraintName: String? = nil,
        tableName: String? = nil,
        columnName: String? = nil,
        statement: String? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.context = context
        self.constraintName = constraintName
        self.tableName = tableName
        self.columnName = columnName
        self.statement = statement
        self.underlying = underlying
    }

    /// `23505`: a unique or primary-key constraint was violated.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// `23503`: a foreign-key constraint was violated.
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// `23502`: a NOT NULL constraint was violated.
    public var isNotNullViolation: Bool { sqlState == "23502" }
    /// `23514`: a CHECK constraint was violated.
    public var isCheckViolation: Bool { sqlState == "23514" }
    /// `23P01`: an exclusion constraint was violated.
    public var isExclusionViolation: Bool { sqlState == "23P01" }
    /// `40001` or `40P01`: a serialization failure or deadlock; the transaction may be retried.
    public var isRetryableTransactionFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// `57014`: the statement was cancelled (statement timeout or cancel request).
    public var isQueryCanceled: Bool { sqlState == "57014" }
    /// `55P03`: a lock could not be obtained (`NOWAIT`, `lock_timeout`).
    public var isLockNotAvailable: Bool { sqlState == "55P03" }
    /// SQLSTATE class `23`: any integrity constraint violation.
    public var isIntegrityConstraintViolation: Bool { sqlState?.hasPrefix("23") ?? false }

    public var description: String {
        var text = "PostgresError.\(code)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let hint { text += " — hint: \(hint)" }
        if let context { text += " — context: \(context)" }
        if let constraintName { text += " — constraint: \(constraintName)" }
        if let columnName { text += " — column: \(columnName)" }
        if let statement { text += " — statement: \(Self.abbreviated(statement))" }
        return text
    }

    public var debugDescription: String {
        var text = description
        if let detail { text += " — detail: \(detail)" }
        if let statement, statement.count > Self.statementLimit { text += " — full statement: \(statement)" }
        if let underlying { text += " — underlying: \(String(reflecting: underlying))" }
        return text
    }

    private static let statementLimit = 300

    private static func abbreviated(_ statement: String) -> String {
        let collapsed = statement.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > statementLimit else { return collapsed }
        return collapsed.prefix(statementLimit) + "…"
    }
}
