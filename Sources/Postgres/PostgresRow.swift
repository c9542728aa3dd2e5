/// One row of a result. Decode columns by position or by name into any `PostgresDecodable` type; use an
/// Optional type for columns that can be NULL.
public struct PostgresRow: Sendable {
    let storage: PostgresRows.Storage
    let index: Int

    /// The column names of the result this row belongs to.
    public var columns: [String] { storage.columns }

    /// The raw text of a cell, nil for NULL.
    public func text(at column: Int) throws -> String? {
        try checkColumn(column)
        return storage.cells[index * storage.columns.count + column]
    }

    /// Whether the cell is SQL NULL.
    public func isNull(at column: Int) throws -> Bool {
        try text(at: column) == nil
    }

    /// Decodes the value in the column at `column` (0-based).
    ///
    /// Throws a `PostgresError` with code `.decoding`, naming the column and the type, if the value is NULL and
    /// `Value` is not Optional, or if its text cannot be decoded as `Value`.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, at column: Int) throws -> Value {
        guard let text = try text(at: column) else {
            guard let null = Value.postgresNullValue else {
                throw decodingError(
                    column: column,
                    message: "column \"\(storage.columns[column])\" is NULL; decode \(Value.self)? to accept NULL"
                )
            }
            return null
        }
        do {
            return try Value(postgresText: text)
        } catch {
            throw decodingError(
                column: column,
                message: "cannot decode column \"\(storage.columns[column])\" as \(Value.self): \(error)",
                underlying: error
            )
        }
    }

    /// Decodes the value in the column named `column` (the first one if several share the name).
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, _ column: String) throws -> Value {
        guard let position = storage.columnIndexes[column] else {
            throw PostgresError(
                code: .decoding,
                message: "no column \"\(column)\" in result (columns: \(storage.columns.joined(separator: ", ")))",
                columnName: column
            )
        }
        return try decode(type, at: position)
    }

    /// Decodes a `json`/`jsonb` column into a `Decodable` value.
    public func decodeJSON<Value: Decodable>(_ type: Value.Type, _ column: String) throws -> Value {
        guard let position = storage.columnIndexes[column] else {
            _ = try decode(PostgresJSON.self, column)  // throws the "no column" error
            throw PostgresError(code: .decoding, message: "no column \"\(column)\"", columnName: column)
        }
        return try decodeJSON(type, at: position)
    }

    /// Decodes a `json`/`jsonb` column at a position into a `Decodable` value.
    public func decodeJSON<Value: Decodable>(_ type: Value.Type, at column: Int) throws -> Value {
        do {
            return try decode(PostgresJSON.self, at: column).decode(type)
        } catch var error as PostgresError {
            if error.columnName == nil, storage.columns.indices.contains(column) {
                error.columnName = storage.columns[column]
            }
            throw error
        }
    }

    private func checkColumn(_ column: Int) throws {
        guard storage.columns.indices.contains(column) else {
            throw PostgresError(
                code: .decoding,
                message: "column index \(column) out of range; the result has \(storage.columns.count) columns"
            )
        }
    }

    private func decodingError(column: Int, message: String, underlying: (any Error)? = nil) -> PostgresError {
        PostgresError(
            code: .decoding,
            message: message,
            columnName: storage.columns[column],
            underlying: underlying.map { PostgresDecodingFailure(String(describing: $0)) }
        )
    }
}
