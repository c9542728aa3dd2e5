/// A strict JSON (RFC 8259) reader producing a ``ConfigValue`` that keeps numbers as written and object keys
/// in order, so a document posted as JSON is decoded exactly like the same document in YAML.
///
/// Foundation's readers would turn `33.5` into a binary float and forget key order and duplicates.
struct ConfigJSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    /// Documents nest a handful of levels; the bound keeps hostile input from exhausting the stack.
    private static let maximumDepth = 128

    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// Parses one JSON value that makes up the whole text.
    mutating func parseDocument() throws(Failure) -> ConfigValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // a UTF-8 byte order mark
        skipWhitespace()
        guard position < bytes.count else { throw failure("the document is empty") }
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    private mutating func parseValue() throws(Failure) -> ConfigValue {
        guard position < bytes.count else { throw failure("unexpected end of the document") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try parseNumber())
        }
    }

    private mutating func parseObject() throws(Failure) -> ConfigValue {
        try enter()
        position += 1
        var entries: [ConfigValue.Entry] = []
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .mapping([])
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a key in double quotes")
            }
            let keyLine = line
            let (keyColumn, key) = (column, try parseString())
            if entries.contains(where: { $0.key == key }) {
                throw Failure(line: keyLine, column: keyColumn, message: "duplicate key '\(key)'")
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw failure("expected ':' after the key") }
            skipWhitespace()
            entries.append(ConfigValue.Entry(key: key, value: try parseValue(), line: keyLine))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else { throw failure("expected ',' or '}'") }
            depth -= 1
            return .mapping(entries)
        }
    }

    private mutating func parseArray() throws(Failure) -> ConfigValue {
        try enter()
        position += 1
        var items: [ConfigValue.Item] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .list([])
        }
        while true {
            skipWhitespace()
            let itemLine = line
            items.append(ConfigValue.Item(try parseValue(), line: itemLine))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "]")) else { throw failure("expected ',' or ']'") }
            depth -= 1
            return .list(items)
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        position += 1
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &output)
            case 0..<0x20:
                position -= 1
                throw failure("control character in a string (escape it)")
            default:
                output.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func parseEscape(into output: inout [UInt8]) throws(Failure) {
        guard position < bytes.count else { throw failure("unterminated string") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
                    throw failure("a high surrogate escape must be followed by a low one")
                }
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid low surrogate escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
            output.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            position -= 2
            throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("expected four hex digits after \\u") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = Self.hexDigit(byte) else { throw failure("expected four hex digits after \\u") }
            value = value << 4 | digit
        }
        position += 4
        return value
    }

    private mutating func parseNumber() throws(Failure) -> String {
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        guard position > start else {
            throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[start])))'")
        }
        guard Self.isJSONNumber(bytes[start..<position]) else {
            position = start
            throw failure("invalid number")
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Whether the bytes are a JSON number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isJSONNumber(_ number: ArraySlice<UInt8>) -> Bool {
        var index = number.startIndex
        func digits() -> Int {
            let start = index
            while index < number.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(number[index]) { index += 1 }
            return index - start
        }
        if index < number.endIndex, number[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || number[integerStart] != UInt8(ascii: "0") else { return false }
        if index < number.endIndex, number[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < number.endIndex, number[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < number.endIndex, number[index] == UInt8(ascii: "+") || number[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == number.endIndex
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let expected = word.withUTF8Buffer { Array($0) }
        guard bytes.count - position >= expected.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw failure("unexpected character '\(Character(Unicode.Scalar(bytes[position])))'")
        }
        position += expected.count
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("the document nests deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                line += 1
                lineStart = position
            default:
                return
            }
        }
    }

    /// The 1-based column of the current position, in bytes.
    private var column: Int { position - lineStart + 1 }

    private func failure(_ message: String) -> Failure {
        Failure(line: line, column: column, message: message)
    }
}

extension ConfigValue {
    /// Reads a JSON document.
    ///
    /// - Throws: ``ConfigurationError`` with code `syntax`, one issue `line L, column C: problem`.
    public init(json text: String) throws(ConfigurationError) {
        var parser = ConfigJSONParser(text)
        do {
            self = try parser.parseDocument()
        } catch {
            throw ConfigurationError(
                .syntax,
                issues: [ConfigIssue(path: "", message: "line \(error.line), column \(error.column): \(error.message)", line: error.line)])
        }
    }
}
