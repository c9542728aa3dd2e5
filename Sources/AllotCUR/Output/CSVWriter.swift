/// Encodes rows as RFC 4180 CSV into a byte buffer, for the synthetic CUR generator and tests.
///
/// A field is quoted only when it must be: when it contains a comma, a double quote (doubled inside
/// the quotes), CR or LF, or when it starts or ends with a space (which some readers trim).
/// Records end with LF, as AWS's CUR files do. The writer is a value that fills ``bytes``; hand them
/// to a ``GzipWriter`` or a file and call ``removeAll()`` to keep memory flat.
public struct CSVWriter: Sendable {
    /// The encoded text so far.
    public private(set) var bytes: [UInt8]

    public init(reservingCapacity capacity: Int = 1 << 20) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends one record.
    public mutating func writeRow<Fields: Sequence>(_ fields: Fields) where Fields.Element: StringProtocol {
        var first = true
        for field in fields {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            writeField(field)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends one record of optional fields; nil is written as an empty field (a CUR null).
    public mutating func writeRow(_ fields: [String?]) {
        writeRow(fields.lazy.map { $0 ?? "" })
    }

    /// The number of bytes encoded so far.
    public var count: Int { bytes.count }

    /// Forgets the encoded bytes, keeping the buffer's capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Returns the encoded bytes and empties the writer.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func writeField(_ field: some StringProtocol) {
        let utf8 = field.utf8
        if CSVWriter.needsQuotes(utf8) {
            bytes.append(UInt8(ascii: "\""))
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    static func needsQuotes(_ utf8: some Collection<UInt8>) -> Bool {
        if utf8.first == UInt8(ascii: " ") { return true }
        var last: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D: return true
            default: last = byte
            }
        }
        return last == UInt8(ascii: " ")
    }
}
