/// PostgreSQL's one-dimensional array literal syntax (`{a,"b,c","say \"hi\"",NULL}`), in both directions.
enum PostgresArrayLiteral {
    /// Formats elements as an array literal. Every element is double-quoted, with `"` and `\` escaped by a
    /// backslash, so no element text can be mistaken for `NULL`, a delimiter or a nested array.
    static func format(_ elements: [String?]) -> String {
        var literal = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { literal += "," }
            guard let element else {
                literal += "NULL"
                continue
            }
            literal += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.unicodeScalars.append(character)
            }
            literal += "\""
        }
        return literal + "}"
    }

    /// Parses a one-dimensional array literal as printed by the server (elements separated by commas).
    /// Unquoted `NULL` (any case) is nil; a quoted `"NULL"` is the text NULL. Multi-dimensional arrays are rejected.
    static func parse(_ literal: String) throws -> [String?] {
        var scalars = Substring(literal).unicodeScalars[...]
        if scalars.first == "[" {
            // Non-default bounds, e.g. `[0:2]={a,b,c}`: skip the decoration.
            guard let equals = scalars.firstIndex(of: "=") else { throw failure("malformed dimension decoration") }
            scalars = scalars[scalars.index(after: equals)...]
        }
        skipWhitespace(&scalars)
        guard scalars.popFirst() == "{" else { throw failure("array literal does not start with {") }
        skipWhitespace(&scalars)
        var elements: [String?] = []
        if scalars.first == "}" {
            scalars.removeFirst()
            return try finished(elements, rest: scalars)
        }
        while true {
            skipWhitespace(&scalars)
            elements.append(try element(&scalars))
            skipWhitespace(&scalars)
            switch scalars.popFirst() {
            case ",": continue
            case "}": return try finished(elements, rest: scalars)
            default: throw failure("expected , or } after element \(elements.count)")
            }
        }
    }

    private static func element(_ scalars: inout Substring.UnicodeScalarView.SubSequence) throws -> String? {
        var text = String.UnicodeScalarView()
        switch scalars.first {
        case "{":
            throw failure("multi-dimensional arrays are not supported")
        case "\"":
            scalars.removeFirst()
            while true {
                guard let scalar = scalars.popFirst() else { throw failure("unterminated quoted element") }
                if scalar == "\"" { return String(text) }
                if scalar == "\\" {
                    guard let escaped = scalars.popFirst() else { throw failure("dangling backslash") }
                    text.append(escaped)
                } else {
                    text.append(scalar)
                }
            }
        default:
            var sawEscape = false
            while let scalar = scalars.first, scalar != ",", scalar != "}" {
                scalars.removeFirst()
                if scalar == "\\" {
                    guard let escaped = scalars.popFirst() else { throw failure("dangling backslash") }
                    text.append(escaped)
                    sawEscape = true
                } else if scalar == "{" || scalar == "\"" {
                    throw failure("unexpected \(scalar) in unquoted element")
                } else {
                    text.append(scalar)
                }
            }
            // Unquoted elements may be padded with whitespace; it is not part of the value.
            let value = String(text).trimmingTrailingWhitespace()
            if value.isEmpty { throw failure("empty unquoted element") }
            if !sawEscape && value.uppercased() == "NULL" { return nil }
            return value
        }
    }

    private static func finished(
        _ elements: [String?],
        rest: Substring.UnicodeScalarView.SubSequence
    ) throws -> [String?] {
        guard rest.allSatisfy(\.properties.isWhitespace) else { throw failure("text after closing }") }
        return elements
    }

    private static func skipWhitespace(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        while let scalar = scalars.first, scalar.properties.isWhitespace { scalars.removeFirst() }
    }

    private static func failure(_ reason: String) -> PostgresDecodingFailure {
        PostgresDecodingFailure("malformed array literal: \(reason)")
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var scalars = unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
