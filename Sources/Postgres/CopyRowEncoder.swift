/// Builds `COPY … FROM STDIN` data in PostgreSQL's text format: fields separated by tabs, rows ending in newlines,
/// NULL as `\N`, and backslash, tab, newline, carriage return (plus backspace, form feed, vertical tab) escaped
/// with a backslash so any text, including text that looks like `\N`, arrives unchanged.
///
/// ```swift
/// var buffer = CopyRowEncoder()
/// for item in batch {
///     buffer.append(item.id)
///     buffer.append(item.note)        // nil → NULL
///     buffer.endRow()
/// }
/// try await writer.write(buffer)
/// buffer.removeAll()
/// ```
public struct CopyRowEncoder: Sendable {
    /// The encoded bytes (UTF-8), complete rows only once `endRow()` has been called.
    public private(set) var bytes: [UInt8] = []
    /// Rows completed with `endRow()` since creation or `removeAll`.
    public private(set) var rowCount = 0
    private var fieldsInRow = 0

    /// Creates an empty buffer, optionally reserving room for `capacity` bytes.
    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The number of encoded bytes.
    public var byteCount: Int { bytes.count }

    /// Whether nothing has been appended.
    public var isEmpty: Bool { bytes.isEmpty && fieldsInRow == 0 }

    /// Appends one field; nil is NULL.
    public mutating func append(_ text: String?) {
        startField()
        guard var field = text else {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "N"))
            return
        }
        field.withUTF8 { appendEscaped($0) }
    }

    /// Appends one field from any encodable value, in the same text form used for parameters; nil is NULL.
    public mutating func append(_ value: (any PostgresEncodable)?) throws {
        append(try value?.postgresText())
    }

    /// Appends one field by letting `body` write its bytes directly; the bytes must need no escaping (numbers).
    mutating func appendField(_ body: (inout [UInt8]) -> Void) {
        startField()
        body(&bytes)
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
        rowCount += 1
    }

    /// Appends a whole row of fields (nil is NULL) and ends it.
    public mutating func appendRow(_ fields: [String?]) {
        for field in fields { append(field) }
        endRow()
    }

    /// Empties the buffer for the next batch, keeping its capacity by default.
    public mutating func removeAll(keepingCapacity: Bool = true) {
        bytes.removeAll(keepingCapacity: keepingCapacity)
        rowCount = 0
        fieldsInRow = 0
    }

    private mutating func startField() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Copy runs of ordinary bytes in one go; only the few special bytes need a slower path. UTF-8
        // continuation bytes are all >= 0x80, so matching single ASCII bytes cannot split a character.
        var runStart = 0
        for index in utf8.indices {
            let escape: UInt8
            switch utf8[index] {
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            case 0x08: escape = UInt8(ascii: "b")
            case 0x0C: escape = UInt8(ascii: "f")
            case 0x0B: escape = UInt8(ascii: "v")
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(escape)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
}
