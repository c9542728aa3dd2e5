/// Builds small JSON texts with a fixed key order (manifests, map columns), so that the same input
/// always gives the same bytes.
enum JSONText {
    /// A JSON string literal for `text`.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A one-line JSON object of string values, in the order given: `{"user_team":"search"}`.
    static func object(_ entries: [(key: String, value: String)]) -> String {
        "{" + entries.map { string($0.key) + ":" + string($0.value) }.joined(separator: ",") + "}"
    }
}
