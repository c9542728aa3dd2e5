/// A configuration document as written, before it is decoded into ``AllotConfiguration``: the common tree of
/// YAML and JSON.
///
/// Scalars keep their text exactly (`33.50` stays `33.50`, an account id `012345678901` keeps its leading zero),
/// and mappings keep the order of their keys, so that decoding can name every unknown key in document order and
/// numbers never pass through a binary float. `line` fields are the 1-based line of the key or item in the
/// source, when the reader knows it.
public enum ConfigValue: Sendable, Hashable {
    /// `null`, `~` or an empty value.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written (`100`, `33.5`, `1e2`).
    case number(String)
    /// Text (quoted, or plain text that is no other scalar).
    case string(String)
    /// A sequence.
    case list([Item])
    /// A mapping, keys in document order.
    case mapping([Entry])

    /// One item of a list.
    public struct Item: Sendable, Hashable {
        public var value: ConfigValue
        /// The item's line in the source, if known.
        public var line: Int?

        public init(_ value: ConfigValue, line: Int? = nil) {
            self.value = value
            self.line = line
        }
    }

    /// One `key: value` of a mapping.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: ConfigValue
        /// The key's line in the source, if known.
        public var line: Int?

        public init(key: String, value: ConfigValue, line: Int? = nil) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// What the value is, for messages: "a mapping", "a list", "a string 'x'" …
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let text): "the number \(text)"
        case .string(let text): "'\(text)'"
        case .list: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The value as compact JSON text; numbers are written as they were read.
    public var jsonText: String {
        var output = ""
        appendJSON(to: &output)
        return output
    }

    private func appendJSON(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += Self.jsonNumber(text)
        case .string(let text): output += Self.jsonString(text)
        case .list(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                item.value.appendJSON(to: &output)
            }
            output += "]"
        case .mapping(let entries):
            output += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { output += "," }
                output += Self.jsonString(entry.key) + ":"
                entry.value.appendJSON(to: &output)
            }
            output += "}"
        }
    }

    /// YAML allows `+1`, `.5` and `1.` that JSON does not; those become JSON strings of the same text so that
    /// nothing is lost (a schema then rejects them, as it should).
    private static func jsonNumber(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let valid = ConfigJSONParser.isJSONNumber(bytes[...])
        return valid ? text : jsonString(text)
    }

    /// A JSON string literal with the escapes JSON requires.
    static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
