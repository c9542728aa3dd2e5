/// The rows a query returned, copied out of libpq into Swift strings before the `PGresult` was freed.
///
/// A random-access collection of `PostgresRow`:
/// ```swift
/// for row in try await db.query("SELECT id, name FROM accounts WHERE org = $1", [org]) {
///     let id = try row.decode(Int64.self, at: 0)
///     let name = try row.decode(String?.self, "name")
/// }
/// ```
public struct PostgresRows: RandomAccessCollection, Sendable {
    /// Immutable after creation, so sharing it between rows and tasks is safe.
    final class Storage: Sendable {
        let columns: [String]
        let columnIndexes: [String: Int]
        /// Row-major cells; nil is SQL NULL.
        let cells: [String?]
        let rowCount: Int

        init(columns: [String], cells: [String?], rowCount: Int) {
            self.columns = columns
            // With duplicate names (`SELECT a.id, b.id`), lookup by name finds the first, as in PostgreSQL.
            var indexes: [String: Int] = [:]
            for (index, name) in columns.enumerated() where indexes[name] == nil { indexes[name] = index }
            self.columnIndexes = indexes
            self.cells = cells
            self.rowCount = rowCount
        }
    }

    let storage: Storage

    /// The command tag, e.g. `SELECT 3` or `INSERT 0 1`.
    public let commandTag: String

    init(storage: Storage, commandTag: String) {
        self.storage = storage
        self.commandTag = commandTag
    }

    /// The result's column names, in order.
    public var columns: [String] { storage.columns }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(indices.contains(position), "row index \(position) out of range 0..<\(storage.rowCount)")
        return PostgresRow(storage: storage, index: position)
    }

    /// Decodes the single value of a one-row, one-column result (`SELECT count(*) …`).
    /// Throws if the result does not have exactly one row.
    public func singleValue<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws -> Value {
        guard count == 1, let row = first else {
            throw PostgresError(
                code: .unexpectedResult,
                message: "expected exactly one row with \(Value.self), got \(count) rows"
            )
        }
        return try row.decode(type, at: 0)
    }
}
