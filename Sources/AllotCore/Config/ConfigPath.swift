/// Where something is in a configuration document: `rules[3].match.tags.user_team`.
///
/// List indexes are 0-based, as in the file's order. A mapping key that is not a plain word
/// (letters, digits, `_`, `-`) is written as a quoted subscript: `tags["user:team"]`.
public struct ConfigPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One step from a value into a part of it.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The whole document.
    public static let root = ConfigPath()

    /// The path of `key` in the mapping at this path.
    public func key(_ key: String) -> ConfigPath {
        ConfigPath(components + [.key(key)])
    }

    /// The path of item `index` of the list at this path.
    public func index(_ index: Int) -> ConfigPath {
        ConfigPath(components + [.index(index)])
    }

    /// The path, or `(document)` for the root.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlain(key):
                text += text.isEmpty ? key : "." + key
            case .key(let key):
                text += "[" + ConfigValue.jsonString(key) + "]"
            }
        }
        return text
    }

    /// Paths order by their text, which keeps issues of one part of a document together.
    public static func < (lhs: ConfigPath, rhs: ConfigPath) -> Bool {
        lhs.description < rhs.description
    }

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-")
            }
    }
}

extension ConfigValue {
    /// The value at `path`, if the document has one there.
    public func value(at path: ConfigPath) -> ConfigValue? {
        var current = self
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .mapping(let entries)):
                guard let entry = entries.first(where: { $0.key == key }) else { return nil }
                current = entry.value
            case (.index(let index), .list(let items)) where items.indices.contains(index):
                current = items[index].value
            default:
                return nil
            }
        }
        return current
    }

    /// The source line of the deepest part of `path` the document has (the key or item it names, else its
    /// nearest enclosing one).
    public func line(at path: ConfigPath) -> Int? {
        var current = self
        var line: Int?
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .mapping(let entries)):
                guard let entry = entries.first(where: { $0.key == key }) else { return line }
                line = entry.line ?? line
                current = entry.value
            case (.index(let index), .list(let items)) where items.indices.contains(index):
                line = items[index].line ?? line
                current = items[index].value
            default:
                return line
            }
        }
        return line
    }
}
