import CLibPQ

/// Building errors from libpq's connection and result objects. Only called on the thread pool, while the
/// calling task owns the connection.
extension PostgresError {
    /// The `PG_DIAG_*` field codes; the C macros are character literals, which Swift does not import.
    private enum Field {
        static let sqlState = Int32(UInt8(ascii: "C"))
        static let primary = Int32(UInt8(ascii: "M"))
        static let detail = Int32(UInt8(ascii: "D"))
        static let hint = Int32(UInt8(ascii: "H"))
        static let context = Int32(UInt8(ascii: "W"))
        static let table = Int32(UInt8(ascii: "t"))
        static let column = Int32(UInt8(ascii: "c"))
        static let constraint = Int32(UInt8(ascii: "n"))
    }

    /// An error from a failed `PGresult`, falling back to the connection's message when the result has no fields
    /// (libpq synthesises such results for client-side failures like a lost connection).
    static func from(result: OpaquePointer?, connection: OpaquePointer, statement: String?) -> PostgresError {
        func field(_ code: Int32) -> String? {
            guard let result, let value = PQresultErrorField(result, code) else { return nil }
            return String(cString: value)
        }
        let broken = PQstatus(connection) == CONNECTION_BAD
        var message = field(Field.primary)
        if message == nil, let result, let text = PQresultErrorMessage(result) {
            message = trimmed(String(cString: text))
        }
        if message?.isEmpty ?? true {
            message = connectionMessage(connection)
        }
        let sqlState = field(Field.sqlState)
        return PostgresError(
            code: broken ? .connectionClosed : (sqlState == nil ? .unexpectedResult : .server),
            message: message ?? "unknown error",
            sqlState: sqlState,
            detail: field(Field.detail),
            hint: field(Field.hint),
            context: field(Field.context),
            constraintName: field(Field.constraint),
            tableName: field(Field.table),
            columnName: field(Field.column),
            statement: statement
        )
    }

    /// An error described by `PQerrorMessage`; `connectionClosed` if the connection is now bad.
    static func from(connection: OpaquePointer, code: Code, statement: String?) -> PostgresError {
        let broken = PQstatus(connection) == CONNECTION_BAD
        return PostgresError(
            code: broken ? .connectionClosed : code,
            message: connectionMessage(connection) ?? "unknown libpq error",
            statement: statement
        )
    }

    /// The connection's last error message without libpq's trailing newline.
    static func connectionMessage(_ connection: OpaquePointer) -> String? {
        guard let text = PQerrorMessage(connection) else { return nil }
        let message = trimmed(String(cString: text))
        return message.isEmpty ? nil : message
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
