import CLibPQ

extension PostgresConnection {
    /// Runs one statement with bound parameters (`$1`, `$2`, …) and returns its rows.
    ///
    /// Parameters are sent separately from the SQL text (`PQexecParams`, text format), never interpolated.
    /// `nil` binds SQL NULL.
    @discardableResult
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) async throws -> PostgresRows {
        try await perform(sql, parameters).rows
    }

    /// Runs one statement with bound parameters and returns the number of rows it affected
    /// (`PQcmdTuples`: rows inserted, updated, deleted, copied or selected; 0 for other commands).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) async throws -> Int {
        try await perform(sql, parameters).affectedRows
    }

    /// Runs SQL text that may hold several statements (`PQexec`), without parameters, for migrations and setup.
    ///
    /// Without explicit `BEGIN`/`COMMIT` in the text, the statements run in one implicit transaction: if one fails,
    /// none take effect. Returns nothing; use `query` for results.
    public func executeScript(_ sql: String) async throws {
        try await run { connection in
            let result = PQexec(connection, sql)
            defer { PQclear(result) }
            _ = try Self.rows(from: result, connection: connection, statement: sql)
        }
    }

    /// Encodes the parameters on the calling task, then executes on the thread pool and copies the result out.
    /// With `cancellable: false` the statement runs even if the task is cancelled (for cleanup statements).
    @discardableResult
    func perform(
        _ sql: String,
        _ parameters: [(any PostgresEncodable)?],
        cancellable: Bool = true
    ) async throws -> (rows: PostgresRows, affectedRows: Int) {
        var texts: [String?] = []
        var types: [UInt32] = []
        texts.reserveCapacity(parameters.count)
        types.reserveCapacity(parameters.count)
        for (index, parameter) in parameters.enumerated() {
            do {
                texts.append(try parameter?.postgresText())
            } catch {
                throw PostgresError(
                    code: .encoding,
                    message: "cannot encode parameter $\(index + 1): \(error)",
                    statement: sql
                )
            }
            types.append(parameter.map { type(of: $0).postgresDataType.oid } ?? 0)
            if let text = texts[index], text.utf8.contains(0) {
                throw PostgresError(
                    code: .encoding,
                    message: "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot hold",
                    statement: sql
                )
            }
        }
        let values = texts
        let oids = types
        let execute: @Sendable (OpaquePointer) throws -> (PostgresRows, Int) = { connection in
            let result = Self.withCStrings(values) { pointers in
                PQexecParams(connection, sql, Int32(values.count), oids, pointers, nil, nil, 0)
            }
            defer { PQclear(result) }
            let rows = try Self.rows(from: result, connection: connection, statement: sql)
            let affected = result.flatMap { PQcmdTuples($0) }.flatMap { Int(String(cString: $0)) } ?? 0
            return (rows, affected)
        }
        return cancellable ? try await run(execute) : try await runToCompletion(execute)
    }

    /// Copies a successful result into `PostgresRows`, or throws the error it carries.
    /// Call on the thread pool; the caller clears the result.
    static func rows(from result: OpaquePointer?, connection: OpaquePointer, statement: String) throws -> PostgresRows {
        guard let result else {
            throw PostgresError.from(connection: connection, code: .connectionClosed, statement: statement)
        }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            break
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            // The session is now in COPY mode: abandon the COPY so the connection is usable again.
            if PQresultStatus(result) == PGRES_COPY_IN {
                PQputCopyEnd(connection, "COPY must use PostgresConnection.copyIn")
            } else {
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(connection, &buffer, 0) > 0 {
                    PQfreemem(buffer)
                    buffer = nil
                }
            }
            _ = drainResults(connection)
            throw PostgresError(
                code: .unexpectedResult,
                message: "COPY statements must run through copyIn(table:columns:), not query/execute",
                statement: statement
            )
        default:
            throw PostgresError.from(result: result, connection: connection, statement: statement)
        }
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { column in
            PQfname(result, Int32(column)).map { String(cString: $0) } ?? "?column?"
        }
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    cells.append(nil)
                } else if let value = PQgetvalue(result, row, column) {
                    let bytes = UnsafeRawBufferPointer(start: value, count: Int(PQgetlength(result, row, column)))
                    cells.append(String(decoding: bytes, as: UTF8.self))
                } else {
                    cells.append(nil)
                }
            }
        }
        let commandTag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
        return PostgresRows(
            storage: PostgresRows.Storage(columns: columns, cells: cells, rowCount: rowCount),
            commandTag: commandTag
        )
    }

    /// Lays the strings out NUL-terminated in one buffer and calls `body` with a pointer per value (nil for NULL),
    /// all valid only during the call.
    private static func withCStrings<Result>(
        _ values: [String?],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result
    ) -> Result {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(values.reduce(0) { $0 + ($1?.utf8.count ?? 0) + 1 })
        var offsets: [Int?] = []
        offsets.reserveCapacity(values.count)
        for value in values {
            guard let value else {
                offsets.append(nil)
                continue
            }
            offsets.append(buffer.count)
            buffer.append(contentsOf: value.utf8)
            buffer.append(0)
        }
        return buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                    offset.flatMap { offset in characters.baseAddress.map { $0 + offset } }
                }
                return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
            }
        }
    }

    /// Reads results until `PQgetResult` returns NULL, as libpq requires before the next command, and returns the
    /// first error among them. Stops (returning false for `complete`) if the connection is stuck in a COPY state,
    /// which would otherwise return results forever. Call on the thread pool.
    static func drainResults(_ connection: OpaquePointer, statement: String? = nil) -> (
        firstError: PostgresError?, lastCommandTuples: Int?, complete: Bool
    ) {
        var firstError: PostgresError?
        var tuples: Int?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                tuples = PQcmdTuples(result).flatMap { Int(String(cString: $0)) }
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                return (firstError, tuples, false)
            default:
                if firstError == nil {
                    firstError = PostgresError.from(result: result, connection: connection, statement: statement)
                }
            }
        }
        return (firstError, tuples, true)
    }
}
