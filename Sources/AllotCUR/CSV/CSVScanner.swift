#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into RFC 4180 records, in place, over a large buffer.
///
/// Fields are byte ranges into the buffer, valid until the next call to ``nextRecord()``; nothing is
/// copied or converted here. Quoted fields may hold commas, doubled quotes and line breaks; records
/// end with LF, CRLF or the end of the input. A UTF-8 byte order mark at the start is skipped, and
/// lines that are completely empty are skipped (they are not records). Line numbers are physical
/// lines, counting the line breaks inside quoted fields, so that they match what an editor shows.
///
/// The scanner is used by one thread at a time (its owner, ``CURReader``, serialises calls), so its
/// stored properties opt out of the runtime exclusivity checks, which cost more than the scanning.
final class CSVScanner {
    /// A field: `start..<end` in the buffer, without the enclosing quotes. `escaped` fields still
    /// contain doubled quotes (`""`) that ``CSVScanner/value(_:)`` removes.
    struct Field {
        var start: Int32
        var end: Int32
        var escaped: Bool
    }

    private let source: any ByteSource
    private let file: String
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var head = 0
    @exclusivity(unchecked) private var tail = 0
    @exclusivity(unchecked) private var exhausted = false
    @exclusivity(unchecked) private var startedInput = false

    /// The physical line where the next record starts.
    @exclusivity(unchecked) private var nextLine = 1
    /// The physical line where the current record starts.
    @exclusivity(unchecked) private(set) var recordLine = 0
    /// The fields of the current record.
    @exclusivity(unchecked) private(set) var fields: UnsafeMutablePointer<Field>
    @exclusivity(unchecked) private(set) var fieldCount = 0
    @exclusivity(unchecked) private var fieldCapacity: Int
    /// Uncompressed bytes consumed so far.
    @exclusivity(unchecked) private(set) var bytesConsumed: Int64 = 0

    /// The largest record accepted: a CUR row is a few kilobytes; this only stops runaway quotes.
    static let maximumRecordSize = 64 * 1024 * 1024

    init(source: any ByteSource, file: String, bufferSize: Int = 4 * 1024 * 1024, expectedFields: Int = 256) {
        self.source = source
        self.file = file
        capacity = max(bufferSize, 4096)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + CSVScanner.padding)
        buffer.initialize(repeating: 0, count: capacity + CSVScanner.padding)
        fieldCapacity = max(expectedFields, 16)
        fields = UnsafeMutablePointer<Field>.allocate(capacity: fieldCapacity)
    }

    deinit {
        buffer.deallocate()
        fields.deallocate()
    }

    /// The bytes of field `index` of the current record (doubled quotes not yet removed).
    @inline(__always)
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        return UnsafeBufferPointer(start: buffer + Int(field.start), count: Int(field.end - field.start))
    }

    /// The value of field `index`: its bytes with doubled quotes turned into single ones (done in
    /// place, once, in the buffer).
    @inline(__always)
    func value(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        if fields[index].escaped { unescapeInPlace(index) }
        return bytes(index)
    }

    private func unescapeInPlace(_ index: Int) {
        let field = fields[index]
        var read = Int(field.start)
        var write = read
        let end = Int(field.end)
        while read < end {
            let byte = buffer[read]
            buffer[write] = byte
            write += 1
            read += byte == UInt8(ascii: "\"") ? 2 : 1
        }
        fields[index] = Field(start: field.start, end: Int32(write), escaped: false)
    }

    /// Reads the next record; false at the end of the input.
    func nextRecord() throws(CURReadError) -> Bool {
        if !startedInput { try start() }
        while true {
            switch scanRecord() {
            case .record: return true
            case .end: return false
            case .needMore: try fill()
            case .blankLine: continue
            case .unterminatedQuote:
                throw CURReadError(
                    .malformedCSV, "a quoted field is not closed before the end of the file", file: file,
                    line: nextLine)
            case .badQuote(let line):
                throw CURReadError(
                    .malformedCSV, "a closing quote is followed by text instead of a comma or a line break",
                    file: file, line: line)
            }
        }
    }

    private enum ScanResult {
        case record, end, needMore, blankLine, unterminatedQuote
        case badQuote(line: Int)
    }

    private func start() throws(CURReadError) {
        startedInput = true
        try fill()
        if tail - head >= 3, buffer[head] == 0xEF, buffer[head + 1] == 0xBB, buffer[head + 2] == 0xBF {
            head += 3
            bytesConsumed += 3
        }
    }

    /// Scans one record from `head`; on `.needMore` nothing is consumed and the scan restarts later.
    ///
    /// The byte after the valid data is always a `"` sentinel, so the inner loops check for the end
    /// of the data only when they stop; the buffer has 8 bytes of padding after it for word reads.
    private func scanRecord() -> ScanResult {
        let end = tail
        let bytes = buffer
        var position = head
        if position == end { return exhausted ? .end : .needMore }
        bytes[end] = CSVScanner.quote
        // A line with nothing on it is not a record.
        if bytes[position] == CSVScanner.lineFeed || bytes[position] == CSVScanner.carriageReturn {
            var next = position &+ 1
            if bytes[position] == CSVScanner.carriageReturn {
                if next == end && !exhausted { return .needMore }
                if next < end && bytes[next] == CSVScanner.lineFeed { next &+= 1 }
            }
            consume(to: next, lines: 1)
            return .blankLine
        }
        var count = 0
        var lines = 0
        var spans = fields
        while true {
            if count == fieldCapacity {
                growFields()
                spans = fields
            }
            if bytes[position] == CSVScanner.comma {
                // An empty field, the most common kind in a wide CUR.
                spans[count] = Field(
                    start: Int32(truncatingIfNeeded: position), end: Int32(truncatingIfNeeded: position), escaped: false
                )
                count &+= 1
                position &+= 1
                if position == end && !exhausted { return .needMore }
                continue
            }
            if bytes[position] == CSVScanner.quote && position < end {
                // Quoted field: find the closing quote, skipping doubled ones.
                var cursor = position &+ 1
                var escaped = false
                while true {
                    while true {
                        let byte = bytes[cursor]
                        if byte == CSVScanner.quote { break }
                        if byte == CSVScanner.lineFeed { lines &+= 1 }
                        cursor &+= 1
                    }
                    if cursor == end { return exhausted ? .unterminatedQuote : .needMore }
                    if cursor &+ 1 == end && !exhausted { return .needMore }
                    if cursor &+ 1 < end && bytes[cursor &+ 1] == CSVScanner.quote {
                        escaped = true
                        cursor &+= 2
                        continue
                    }
                    break
                }
                spans[count] = Field(
                    start: Int32(truncatingIfNeeded: position &+ 1), end: Int32(truncatingIfNeeded: cursor),
                    escaped: escaped)
                position = cursor &+ 1
            } else {
                // Unquoted field, eight bytes at a time: find the first byte below '-' (0x2D). All
                // delimiters are (',', LF, CR, and the '"' sentinel); most text bytes are not.
                var cursor = position
                while true {
                    let word = UnsafeRawPointer(bytes + cursor).loadUnaligned(as: UInt64.self)
                    let below = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
                    if below == 0 {
                        cursor &+= 8
                        continue
                    }
                    // The lowest flagged byte is exact (borrows only run upward).
                    cursor &+= below.trailingZeroBitCount &>> 3
                    let byte = bytes[cursor]
                    if byte == CSVScanner.comma || byte == CSVScanner.lineFeed || byte == CSVScanner.carriageReturn {
                        break
                    }
                    if byte == CSVScanner.quote && cursor == end { break }
                    cursor &+= 1
                }
                if cursor == end && !exhausted { return .needMore }
                spans[count] = Field(
                    start: Int32(truncatingIfNeeded: position), end: Int32(truncatingIfNeeded: cursor), escaped: false)
                position = cursor
            }
            count &+= 1
            if position == end {
                // The last record of a file without a final line break.
                finish(count: count, at: position, lines: lines)
                return .record
            }
            let delimiter = bytes[position]
            if delimiter == CSVScanner.comma {
                position &+= 1
                if position == end && !exhausted { return .needMore }
                continue
            }
            if delimiter == CSVScanner.lineFeed {
                finish(count: count, at: position &+ 1, lines: lines &+ 1)
                return .record
            }
            if delimiter == CSVScanner.carriageReturn {
                if position &+ 1 == end && !exhausted { return .needMore }
                let next =
                    position &+ 1 < end && bytes[position &+ 1] == CSVScanner.lineFeed ? position &+ 2 : position &+ 1
                finish(count: count, at: next, lines: lines &+ 1)
                return .record
            }
            return .badQuote(line: nextLine + lines)
        }
    }

    /// Room after the data for the sentinel and an 8-byte read that starts at it.
    private static let padding = 16
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    @inline(__always)
    private func finish(count: Int, at position: Int, lines: Int) {
        fieldCount = count
        recordLine = nextLine
        consume(to: position, lines: lines)
    }

    @inline(__always)
    private func consume(to position: Int, lines: Int) {
        bytesConsumed += Int64(position - head)
        head = position
        nextLine += lines
    }

    private func growFields() {
        let larger = UnsafeMutablePointer<Field>.allocate(capacity: fieldCapacity * 2)
        larger.update(from: fields, count: fieldCapacity)
        fields.deallocate()
        fields = larger
        fieldCapacity *= 2
    }

    /// Moves the unconsumed bytes to the front, grows the buffer if one record fills it, and reads.
    private func fill() throws(CURReadError) {
        if head > 0 {
            let pending = tail - head
            if pending > 0 { memmove(buffer, buffer + head, pending) }
            head = 0
            tail = pending
        }
        if tail == capacity {
            guard capacity < CSVScanner.maximumRecordSize else {
                throw CURReadError(
                    .malformedCSV,
                    "a record is larger than \(CSVScanner.maximumRecordSize / 1_048_576) MiB "
                        + "(an unbalanced quote?)", file: file, line: nextLine)
            }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + CSVScanner.padding)
            larger.initialize(repeating: 0, count: capacity * 2 + CSVScanner.padding)
            larger.update(from: buffer, count: tail)
            buffer.deallocate()
            buffer = larger
            capacity *= 2
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + tail, count: capacity - tail))
        if count == 0 { exhausted = true }
        tail += count
    }
}
