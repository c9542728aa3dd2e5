/// CSV-encodes text once, ahead of time, for the pre-encoded parts of rows (names, descriptions,
/// product attributes, JSON map columns): RFC 4180 quoting only where needed, as ``AllotCUR/CSVWriter`` does.
enum CSVText {
    /// The field's bytes as they appear in a record: quoted (with doubled quotes) when the text holds a
    /// comma, a quote, CR or LF, or starts or ends with a space.
    static func field(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard needsQuotes(utf8) else { return utf8 }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
        return bytes
    }

    /// `,` followed by the encoded field: how every column after the first is written.
    static func column(_ text: String) -> [UInt8] {
        [UInt8(ascii: ",")] + field(text)
    }

    /// `count` empty columns: `count` commas.
    static func emptyColumns(_ count: Int) -> [UInt8] {
        Array(repeating: UInt8(ascii: ","), count: count)
    }

    private static func needsQuotes(_ utf8: [UInt8]) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == UInt8(ascii: " ") || last == UInt8(ascii: " ") { return true }
        return utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    }
}
