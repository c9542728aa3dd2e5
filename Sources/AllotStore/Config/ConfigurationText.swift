import AllotCore
import Foundation
import Yams

/// Renders a configuration as YAML or JSON text: `allot rules show`, and the canonical document stored with
/// each rule-set version.
///
/// Keys come in the order of the file format (`version`, `currency`, `organizations` …; `id` before `name`);
/// keys that are data (tag keys, tag values, BU ids of percentages) are sorted, so the same configuration
/// always renders to the same text.
public enum ConfigurationText {
    /// The configuration as a YAML document.
    public static func yaml(_ configuration: AllotConfiguration) throws -> String {
        try Yams.serialize(node: node(try ordered(configuration)), indent: 2, width: -1, allowUnicode: true, sortKeys: false)
    }

    /// The configuration as pretty-printed JSON.
    public static func json(_ configuration: AllotConfiguration) throws -> String {
        var output = ""
        append(try ordered(configuration), indent: "", to: &output)
        return output + "\n"
    }

    /// The canonical JSON stored in `rule_sets.document` (compact, sorted keys).
    static func canonicalJSON(_ configuration: AllotConfiguration) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(configuration), as: UTF8.self)
    }

    /// The configuration as a tree in format order.
    private static func ordered(_ configuration: AllotConfiguration) throws -> ConfigValue {
        let tree = try ConfigValue(json: try canonicalJSON(configuration))
        return reordered(tree)
    }

    /// The keys of the format, in the order the documentation shows them.
    private static let keyOrder: [String: Int] = Dictionary(
        [
            "version", "currency", "organizations", "accounts", "account-patterns", "holding-accounts", "business-units",
            "default-bu", "rules", "policies", "shared-costs", "invoices", "id", "account", "name", "payer", "customer", "kind", "bu",
            "history", "org", "from", "to", "children", "match", "bu-from-tag", "accounts", "account-name", "orgs", "tags",
            "cost-categories", "product-codes", "line-item-types", "tag", "values", "cost-basis", "unused-commitment",
            "savings", "credits", "mode", "central-bu", "share-percent", "source", "bus", "targets", "all-with-spend",
            "method", "percentages", "level",
        ].enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    private static func reordered(_ value: ConfigValue) -> ConfigValue {
        switch value {
        case .list(let items):
            return .list(items.map { ConfigValue.Item(reordered($0.value)) })
        case .mapping(let entries):
            let known = entries.allSatisfy { keyOrder[$0.key] != nil }
            let sorted = entries.sorted { left, right in
                known ? (keyOrder[left.key] ?? 0) < (keyOrder[right.key] ?? 0) : left.key < right.key
            }
            return .mapping(sorted.map { ConfigValue.Entry(key: $0.key, value: reordered($0.value)) })
        default:
            return value
        }
    }

    private static func node(_ value: ConfigValue) -> Node {
        switch value {
        case .null: return Node("null", .implicit, .plain)
        case .bool(let flag): return Node(flag ? "true" : "false", .implicit, .plain)
        case .number(let text): return Node(text, .implicit, .plain)
        case .string(let text): return scalar(text)
        case .list(let items): return Node(items.map { node($0.value) })
        case .mapping(let entries): return Node(entries.map { (scalar($0.key), node($0.value)) })
        }
    }

    /// Text that would read back as something else when plain (`"111111111111"`, `"true"`, `""`) is quoted.
    private static func scalar(_ text: String) -> Node {
        let ambiguous = YAMLConfigReader.resolvePlain(text) != .string(text)
        return Node(text, .implicit, ambiguous ? .doubleQuoted : .any)
    }

    private static func append(_ value: ConfigValue, indent: String, to output: inout String) {
        let inner = indent + "  "
        switch value {
        case .list(let items) where !items.isEmpty:
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += inner
                append(item.value, indent: inner, to: &output)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .mapping(let entries) where !entries.isEmpty:
            output += "{\n"
            for (index, entry) in entries.enumerated() {
                output += inner + ConfigValue.string(entry.key).jsonText + ": "
                append(entry.value, indent: inner, to: &output)
                output += index == entries.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        default:
            output += value.jsonText
        }
    }
}
