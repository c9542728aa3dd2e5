/// Reads the CUR 2.0 map columns (`resource_tags`, `cost_category`, `product`, `discount`) as they
/// appear in CSV: a JSON object such as `{"user_cost_center":"abc","user_team":"data"}`.
///
/// Tolerant by design: besides strict JSON it accepts the Hive/Presto text form
/// `{user_team=data, user_env=prod}`, bare (unquoted) keys and values, and `:` or `=` between key and
/// value. `null` values are skipped; numbers and booleans are kept as their text; nested objects
/// and arrays are kept as their JSON text. An empty field or `{}` is an empty map.
struct MapColumnParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var scratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Calls `entry(key, value)` for each entry in order; returns false when the text is not a map.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, entry: (String, String) -> Void) -> Bool {
        var parser = MapColumnParser(bytes)
        return parser.parseObject(entry: entry)
    }

    private mutating func parseObject(entry: (String, String) -> Void) -> Bool {
        skipSpace()
        if index == bytes.count { return true }
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return trailingSpaceOnly() }
        while true {
            skipSpace()
            guard let key = parseText(stoppingAt: [UInt8(ascii: ":"), UInt8(ascii: "=")]) else { return false }
            skipSpace()
            guard take(UInt8(ascii: ":")) || take(UInt8(ascii: "=")) else { return false }
            skipSpace()
            guard let value = parseValue() else { return false }
            if let value { entry(key, value) }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return false }
            return trailingSpaceOnly()
        }
    }

    /// A value: `.some(nil)` for `null`, nil when malformed.
    private mutating func parseValue() -> String?? {
        guard index < bytes.count else { return nil }
        let first = bytes[index]
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            let start = index
            guard skipNested() else { return nil }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
        let isQuoted = first == UInt8(ascii: "\"")
        guard let text = parseText(stoppingAt: [UInt8(ascii: ","), UInt8(ascii: "}")]) else { return nil }
        if !isQuoted && text == "null" { return .some(nil) }
        return .some(text)
    }

    /// A JSON string, or bare text up to one of `stops` (trailing spaces trimmed).
    private mutating func parseText(stoppingAt stops: [UInt8]) -> String? {
        guard index < bytes.count else { return nil }
        if bytes[index] != UInt8(ascii: "\"") {
            let start = index
            while index < bytes.count, !stops.contains(bytes[index]) { index += 1 }
            var end = index
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        index += 1
        scratch.removeAll(keepingCapacity: true)
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: scratch, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                continue
            }
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "u"):
                guard let scalar = parseUnicodeEscape() else { return nil }
                scratch.append(contentsOf: String(Character(scalar)).utf8)
            default: scratch.append(escape)
            }
        }
        return nil
    }

    /// The code point after `\u` (a surrogate pair takes two escapes); U+FFFD for a lone surrogate.
    private mutating func parseUnicodeEscape() -> Unicode.Scalar? {
        guard let high = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            guard let low = hex4() else { return nil }
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Skips a balanced `{…}` or `[…]`, minding strings.
    private mutating func skipNested() -> Bool {
        var depth = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return true }
            default: break
            }
        }
        return false
    }

    private mutating func skipSpace() {
        while index < bytes.count,
            bytes[index] == UInt8(ascii: " ") || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
        {
            index += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func trailingSpaceOnly() -> Bool {
        skipSpace()
        return index == bytes.count
    }
}
