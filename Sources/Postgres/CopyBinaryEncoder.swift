/// Builds `COPY … FROM STDIN WITH (FORMAT binary)` tuples: per row a 16-bit field count, then per field a 32-bit
/// length (−1 for NULL) and the value in the type's binary form, all big-endian.
///
/// The typed fast path for bulk loads: the server neither splits text into fields nor parses numbers and
/// timestamps. Each `append` must match its column's type (`text`, `int2/4/8`, `numeric`, `timestamptz`, `date`,
/// `jsonb`); a mismatch is rejected by the server, naming the row and column. `copyIn(…, format: .binary)` sends the
/// header and the trailer itself, so a buffer holds whole rows only.
///
/// ```swift
/// var buffer = CopyBinaryEncoder(fieldsPerRow: 2)
/// for item in batch {
///     buffer.append(item.name)        // text; nil → NULL
///     buffer.append(item.cost)        // numeric, from an Amount
///     buffer.endRow()
/// }
/// try await writer.write(bytes: buffer.bytes)
/// buffer.removeAll()
/// ```
///
/// Noncopyable: it owns its buffer and writes into it directly, without `Array`'s per-append checks — the ingest
/// appends ~100 fields per row, a million rows a month.
public struct CopyBinaryEncoder: ~Copyable, @unchecked Sendable {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// The number of encoded bytes, complete rows only once `endRow()` has been called.
    public private(set) var byteCount = 0
    /// Rows completed with `endRow()` since creation or `removeAll`.
    public private(set) var rowCount = 0
    private let fieldsPerRow: Int
    private var fieldsInRow = 0
    /// Reused for values whose length is known only once written (JSON).
    private var scratch: [UInt8] = []

    /// The signature, flags and (empty) header extension that open binary COPY data.
    static let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0]
    /// The field count −1 that ends binary COPY data.
    static let trailer: [UInt8] = [0xFF, 0xFF]

    /// An empty buffer for rows of `fieldsPerRow` fields, with room for `capacity` bytes before it grows.
    public init(fieldsPerRow: Int, reservingCapacity capacity: Int = 64 * 1024) {
        precondition(fieldsPerRow > 0 && fieldsPerRow <= Int(Int16.max), "a row has 1 to 32767 fields")
        self.fieldsPerRow = fieldsPerRow
        self.capacity = max(capacity, 64)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// A copy of the encoded bytes.
    public var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: base, count: byteCount)) }

    /// Appends a NULL.
    public mutating func appendNull() {
        startField()
        appendInteger(Int32(-1))
    }

    /// Appends a `text` field (UTF-8, as is); nil is NULL.
    public mutating func append(_ text: String?) {
        guard var text else { return appendNull() }
        text.withUTF8 { appendBytes($0) }
    }

    /// Appends a field of raw bytes in the column type's binary form (`text`: UTF-8).
    public mutating func appendBytes(_ value: UnsafeBufferPointer<UInt8>) {
        startField()
        appendInteger(Int32(truncatingIfNeeded: value.count))
        guard let source = value.baseAddress, !value.isEmpty else { return }
        reserve(value.count)
        (base + byteCount).copyMemory(from: source, byteCount: value.count)
        byteCount &+= value.count
    }

    /// Appends a `bigint` field; nil is NULL.
    public mutating func append(_ value: Int64?) {
        guard let value else { return appendNull() }
        appendFixed(value)
    }

    /// Appends an `integer` field; nil is NULL.
    public mutating func append(_ value: Int32?) {
        guard let value else { return appendNull() }
        appendFixed(value)
    }

    /// Appends a `smallint` field.
    public mutating func append(_ value: Int16) {
        appendFixed(value)
    }

    /// Appends a `jsonb` field whose JSON text `body` writes (format version 1, then the text).
    public mutating func appendJSONB(_ body: (inout [UInt8]) -> Void) {
        var text = scratch
        scratch = []
        text.removeAll(keepingCapacity: true)
        text.append(1)
        body(&text)
        text.withUnsafeBufferPointer { appendBytes($0) }
        scratch = text
    }

    /// Appends a fixed-size field holding `value` big-endian (`int8`, `timestamptz`, `date`…).
    mutating func appendFixed<Value: FixedWidthInteger>(_ value: Value) {
        startField()
        appendInteger(Int32(MemoryLayout<Value>.size))
        appendInteger(value)
    }

    /// Ends the current row; it must have exactly `fieldsPerRow` fields.
    public mutating func endRow() {
        precondition(fieldsInRow == fieldsPerRow, "a row of \(fieldsInRow) fields where \(fieldsPerRow) are declared")
        fieldsInRow = 0
        rowCount += 1
    }

    /// Empties the buffer for the next batch, keeping its capacity.
    public mutating func removeAll() {
        byteCount = 0
        rowCount = 0
        fieldsInRow = 0
    }

    /// Writes `value` big-endian.
    @inline(__always)
    mutating func appendInteger<Value: FixedWidthInteger>(_ value: Value) {
        reserve(MemoryLayout<Value>.size)
        (base + byteCount).storeBytes(of: value.bigEndian, as: Value.self)
        byteCount &+= MemoryLayout<Value>.size
    }

    /// Starts a field: the row's field count first when it is the row's first field.
    @inline(__always)
    mutating func startField() {
        if fieldsInRow == 0 { appendInteger(Int16(truncatingIfNeeded: fieldsPerRow)) }
        fieldsInRow &+= 1
    }

    @inline(__always)
    private mutating func reserve(_ count: Int) {
        if byteCount &+ count > capacity { grow(toFit: count) }
    }

    private mutating func grow(toFit count: Int) {
        let newCapacity = max(capacity * 2, byteCount + count)
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBase.copyMemory(from: base, byteCount: byteCount)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
