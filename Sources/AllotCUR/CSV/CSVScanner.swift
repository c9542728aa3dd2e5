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
/// Every byte is checked to be text on the way: a NUL byte or bytes that are not UTF-8 are noted in
/// ``notText`` (the first of the record), never replaced, so that the reader can refuse the row.
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

    /// Where a record holds bytes that are not text: a NUL, or a byte that does not start or continue a UTF-8
    /// sequence as it should (a stray continuation byte, a truncated, overlong or surrogate sequence, > U+10FFFF).
    struct NotText: CustomStringConvertible {
        /// The 0-based field it is in.
        let field: Int
        /// The physical line it is on.
        let line: Int
        /// The offending byte: 0, or the first byte of the broken sequence.
        let byte: UInt8

        /// `a NUL byte`, `invalid UTF-8 (byte 0xC3)`.
        var description: String {
            guard byte != 0 else { return "a NUL byte" }
            let hex = String(byte, radix: 16, uppercase: true)
            return "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" : "")\(hex))"
        }
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
    /// The first bytes of the current record that are not text, if any.
    @exclusivity(unchecked) private(set) var notText: NotText?
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
        notText = nil
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
                        if byte == CSVScanner.lineFeed {
                            lines &+= 1
                        } else if byte &- 1 >= 0x7F {
                            // NUL or not ASCII.
                            let length = byte == 0 ? 0 : utf8Length(at: cursor, end: end)
                            if length < 0 { return .needMore }
                            if length > 0 {
                                cursor &+= length
                                continue
                            }
                            noteNotText(field: count, line: nextLine &+ lines, byte: byte)
                        }
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
                // Unquoted field, eight bytes at a time: find the first byte below '-' (0x2D) or above
                // 0x7F. All delimiters are below (',', LF, CR, and the '"' sentinel), and so is NUL; most
                // text bytes are neither.
                var cursor = position
                while true {
                    let word = UnsafeRawPointer(bytes + cursor).loadUnaligned(as: UInt64.self)
                    let flagged =
                        (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080 | word & 0x8080_8080_8080_8080
                    if flagged == 0 {
                        cursor &+= 8
                        continue
                    }
                    // The lowest flagged byte is exact (borrows only run upward).
                    cursor &+= flagged.trailingZeroBitCount &>> 3
                    let byte = bytes[cursor]
                    if byte == CSVScanner.comma || byte == CSVScanner.lineFeed || byte == CSVScanner.carriageReturn {
                        break
                    }
                    if byte == CSVScanner.quote && cursor == end { break }
                    if byte >= 0x80 {
                        let length = utf8Length(at: cursor, end: end)
                        if length < 0 { return .needMore }
                        if length > 0 {
                            cursor &+= length
                            continue
                        }
                        noteNotText(field: count, line: nextLine &+ lines, byte: byte)
                    } else if byte == 0 {
                        noteNotText(field: count, line: nextLine &+ lines, byte: byte)
                    }
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

    /// The length of the UTF-8 sequence whose non-ASCII first byte is at `position`: 2 to 4; 0 when the bytes
    /// are not UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF); -1 when the data ends
    /// inside the sequence but more is to come.
    @inline(__always)
    private func utf8Length(at position: Int, end: Int) -> Int {
        let lead = buffer[position]
        let length: Int
        // The range the second byte must be in; the others are 0x80...0xBF.
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xED: (length, high) = (3, 0x9F)
        case 0xE1...0xEF: length = 3
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF4: (length, high) = (4, 0x8F)
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        for offset in 1..<length {
            let index = position &+ offset
            if index >= end { return exhausted ? 0 : -1 }
            let byte = buffer[index]
            if byte < low || byte > high { return 0 }
            (low, high) = (0x80, 0xBF)
        }
        return length
    }

    @inline(__always)
    private func noteNotText(field: Int, line: Int, byte: UInt8) {
        if notText == nil { notText = NotText(field: field, line: line, byte: byte) }
    }

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
