import AllotCore
import Yams

/// Reads YAML text into a ``ConfigValue`` with Yams' composer, resolving plain scalars by the YAML 1.2 core
/// schema (`true`/`false`, `null`/`~`, numbers) and keeping every scalar's text exactly as written.
///
/// Yams' `YAMLDecoder` would resolve YAML 1.1 types (`yes` is a boolean, `0123` octal), lose the text of
/// numbers, and accept unknown keys silently; composing the node tree ourselves avoids all three and keeps
/// the line of every key for messages.
enum YAMLConfigReader {
    /// Parses the text (one YAML document; an empty text is an empty document, `null`).
    ///
    /// - Throws: ``ConfigurationError`` `syntax` for text that is not YAML, `malformed` for keys that are not
    ///   text.
    static func read(_ text: String) throws(ConfigurationError) -> ConfigValue {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw ConfigurationError(.syntax, issues: [issue(error)])
        } catch {
            throw ConfigurationError(.syntax, issues: [ConfigIssue(path: "", message: "not YAML: \(error)")])
        }
        guard let root else { return .null }
        return try convert(root, at: .root)
    }

    private static func convert(_ node: Node, at path: ConfigPath) throws(ConfigurationError) -> ConfigValue {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? resolvePlain(scalar.string) : .string(scalar.string)
        case .sequence(let sequence):
            var items: [ConfigValue.Item] = []
            for (index, item) in sequence.enumerated() {
                items.append(ConfigValue.Item(try convert(item, at: path.index(index)), line: item.mark?.line))
            }
            return .list(items)
        case .mapping(let mapping):
            var entries: [ConfigValue.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ConfigurationError(
                        .malformed,
                        issues: [ConfigIssue(path: path.description, message: "a key must be text, not a list or mapping", line: key.mark?.line)])
                }
                let name = keyScalar.string
                entries.append(ConfigValue.Entry(key: name, value: try convert(value, at: path.key(name)), line: key.mark?.line))
            }
            return .mapping(entries)
        case .alias(let alias):
            throw ConfigurationError(
                .syntax, issues: [ConfigIssue(path: path.description, message: "unresolved alias *\(alias.anchor.rawValue)", line: alias.mark?.line)])
        }
    }

    /// A plain (unquoted) scalar by the YAML 1.2 core schema; anything else is text.
    static func resolvePlain(_ text: String) -> ConfigValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: return isNumber(text) ? .number(text) : .string(text)
        }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`: the core schema's decimal numbers. (`.inf`, `.nan`,
    /// hex and octal stay text: no configuration value is one.)
    static func isNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func isDigit(_ at: Int) -> Bool { at < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) }
        func digits() -> Int {
            let start = index
            while isDigit(index) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerDigits = digits()
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = digits()
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return false }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// `line 3, column 5: mapping values are not allowed in this context`.
    private static func issue(_ error: YamlError) -> ConfigIssue {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> ConfigIssue {
            let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ConfigIssue(path: "", message: "line \(mark.line), column \(mark.column): \(problem)\(while_)", line: mark.line)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(mark, problem, context)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigIssue(
                path: "", message: "line \(context.mark.line): duplicate key \(keys)", line: context.mark.line)
        case .reader(let problem, _, _, _):
            return ConfigIssue(path: "", message: "not readable as UTF-8 text: \(problem)")
        default:
            return ConfigIssue(path: "", message: "not YAML: \(error)")
        }
    }
}
