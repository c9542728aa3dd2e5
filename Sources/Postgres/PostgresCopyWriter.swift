import CLibPQ

/// Sends data for a running `COPY … FROM STDIN`; handed to the producer closure of
/// `PostgresConnection.copyIn(table:schema:columns:_:)` and valid only inside it.
///
/// Data must be in the COPY's format, whole rows only: text (each row ending in `\n`) through `write(rows:)` for
/// convenience, or batches encoded with `CopyRowEncoder` and `write(_:)`/`write(bytes:)` to avoid building arrays of
/// strings; binary rows from `CopyBinaryEncoder` through `write(bytes:)`. Each call blocks one thread-pool thread
/// until libpq has handed the data to the socket, which is the back-pressure.
public struct PostgresCopyWriter: Sendable {
    /// The size of each `PQputCopyData` call.
    static let chunkSize = 256 * 1024

    let connection: PostgresConnection
    let statement: String

    /// Encodes rows (nil fields are NULL) and sends them.
    public func write(rows: [[String?]]) async throws {
        try await connection.run { handle in
            var encoder = CopyRowEncoder(reservingCapacity: min(Self.chunkSize, rows.count * 64))
            for row in rows {
                encoder.appendRow(row)
                if encoder.byteCount >= Self.chunkSize {
                    try Self.put(encoder.bytes, handle, statement: statement)
                    encoder.removeAll()
                }
            }
            try Self.put(encoder.bytes, handle, statement: statement)
        }
    }

    /// Sends the rows encoded in `encoder`.
    public func write(_ encoder: CopyRowEncoder) async throws {
        try await write(bytes: encoder.bytes)
    }

    /// Sends already-encoded rows (COPY text as UTF-8, or binary tuples), whole rows only.
    public func write(bytes: [UInt8]) async throws {
        guard !bytes.isEmpty else { return }
        try await connection.run { handle in
            try Self.put(bytes, handle, statement: statement)
        }
    }

    /// Calls `PQputCopyData` per chunk with byte counts, checking each return code. Call on the thread pool.
    private static func put(_ bytes: [UInt8], _ handle: OpaquePointer, statement: String) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let base = characters.baseAddress else { return }
                var offset = 0
                while offset < characters.count {
                    let length = min(chunkSize, characters.count - offset)
                    let status = PQputCopyData(handle, base + offset, Int32(length))
                    guard status == 1 else {
                        // -1: the connection failed or the server already ended the COPY with an error; 0 only
                        // happens in non-blocking mode, which these connections never use.
                        throw PostgresError(
                            code: PQstatus(handle) == CONNECTION_BAD ? .connectionClosed : .copyFailed,
                            message: "sending COPY data failed: "
                                + (PostgresError.connectionMessage(handle) ?? "PQputCopyData returned \(status)"),
                            statement: statement
                        )
                    }
                    offset += length
                }
            }
        }
    }
}
