import CLibPQ

/// The data format of a `COPY … FROM STDIN`.
public enum CopyFormat: Sendable {
    /// Tab-separated text, any column type from its text form: ``CopyRowEncoder``, `write(rows:)`.
    case text
    /// Typed binary tuples, which the server stores without parsing: ``CopyBinaryEncoder``.
    case binary
}

extension PostgresConnection {
    /// Bulk-loads rows with `COPY table (columns) FROM STDIN` and returns the number of rows copied.
    ///
    /// `produce` sends the data through the writer, in as many batches as it likes:
    /// ```swift
    /// let copied = try await conn.copyIn(table: "line_items", columns: ["id", "cost"]) { writer in
    ///     for try await batch in batches { try await writer.write(rows: batch) }
    /// }
    /// ```
    /// The table, schema and column names are quoted with `PQescapeIdentifier`, so they are taken literally
    /// (case-sensitive, no injection). COPY is all-or-nothing: if the server rejects a row, nothing is loaded and
    /// the `PostgresError` carries the server's message and CONTEXT naming the line and column
    /// (`COPY t, line 150000, column n: "x"`). If `produce` throws, the COPY is aborted (`PQputCopyEnd` with a
    /// reason) and `produce`'s error is rethrown. Runs as one statement; wrap in `withTransaction` to combine it
    /// with others. `freeze` writes the rows already frozen (`COPY … WITH (FREEZE)`), which PostgreSQL allows
    /// for a table created or truncated in the same transaction and which saves the later vacuum's rewrite.
    /// `format: .binary` takes ``CopyBinaryEncoder`` rows; the header and trailer are sent here.
    public func copyIn(
        table: String,
        schema: String? = nil,
        columns: [String],
        freeze: Bool = false,
        format: CopyFormat = .text,
        isolation: isolated (any Actor)? = #isolation,
        _ produce: (PostgresCopyWriter) async throws -> Void
    ) async throws -> Int {
        let statement = try await run { handle in
            let options = (format == .binary ? ["FORMAT binary"] : []) + (freeze ? ["FREEZE"] : [])
            let statement = try Self.copyStatement(handle, table: table, schema: schema, columns: columns)
                + (options.isEmpty ? "" : " WITH (\(options.joined(separator: ", ")))")
            let result = PQexec(handle, statement)
            defer { PQclear(result) }
            guard let result, PQresultStatus(result) == PGRES_COPY_IN else {
                _ = try Self.rows(from: result, connection: handle, statement: statement)
                throw PostgresError(
                    code: .unexpectedResult,
                    message: "the server did not enter COPY IN mode",
                    statement: statement
                )
            }
            return statement
        }
        do {
            let writer = PostgresCopyWriter(connection: self, statement: statement)
            if format == .binary { try await writer.write(bytes: CopyBinaryEncoder.header) }
            try await produce(writer)
            if format == .binary { try await writer.write(bytes: CopyBinaryEncoder.trailer) }
        } catch {
            let reason = "COPY aborted by the client: \(type(of: error))"
            let complete = try? await runToCompletion { handle in
                _ = PQputCopyEnd(handle, reason)
                return Self.drainResults(handle, statement: statement).complete
            }
            if complete != true { mustDiscard = true }
            throw error
        }
        let outcome = try await runToCompletion { handle in
            let ended = PQputCopyEnd(handle, nil)
            let endError = ended == 1 ? nil : PostgresError.from(connection: handle, code: .copyFailed, statement: statement)
            let drained = Self.drainResults(handle, statement: statement)
            return (error: drained.firstError ?? endError, rows: drained.lastCommandTuples, complete: drained.complete)
        }
        if !outcome.complete { mustDiscard = true }
        if let error = outcome.error { throw error }
        return outcome.rows ?? 0
    }

    /// `COPY "schema"."table" ("a", "b") FROM STDIN` with every identifier quoted by libpq.
    private static func copyStatement(
        _ handle: OpaquePointer,
        table: String,
        schema: String?,
        columns: [String]
    ) throws -> String {
        func quoted(_ identifier: String) throws -> String {
            let count = identifier.utf8.count
            guard let escaped = PQescapeIdentifier(handle, identifier, count) else {
                throw PostgresError.from(connection: handle, code: .copyFailed, statement: nil)
            }
            defer { PQfreemem(escaped) }
            return String(cString: escaped)
        }
        var target = try quoted(table)
        if let schema { target = try quoted(schema) + "." + target }
        let columnList = try columns.map(quoted).joined(separator: ", ")
        return "COPY \(target) (\(columnList)) FROM STDIN"
    }
}
