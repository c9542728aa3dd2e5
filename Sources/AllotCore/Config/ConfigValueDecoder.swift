/// Decodes the configuration model from a ``ConfigValue``, naming paths the way the file does and rejecting
/// keys the model never reads.
///
/// Unknown keys are found without a list of known keys: every keyed container records the keys the model's
/// `init(from:)` asks for (`decode`, `decodeIfPresent`, `contains`), and once decoding succeeded, any key of a
/// mapping that nobody asked for is unknown (`rules[3].match: unknown key 'tagz'`). So the model's own
/// `CodingKeys` stay the single source of truth, and a typo can never silently do nothing.
///
/// Scalars decode from their exact text: a `String` property accepts a plain number (`payer: 111111111111`,
/// leading zeros kept), an `Int` needs a whole number, a `Bool` needs `true` or `false`; binary floating
/// point is refused, because no configuration value is one.
struct ConfigValueDecoder {
    /// Decodes `type` from `value`.
    ///
    /// - Throws: ``ConfigurationError`` with code `malformed`: the first decoding problem, or every unknown key.
    static func decode<Value: Decodable>(_ type: Value.Type, from value: ConfigValue) throws(ConfigurationError) -> Value {
        let (decoded, unknown) = try decodeListingUnknownKeys(type, from: value)
        guard unknown.isEmpty else { throw ConfigurationError(.malformed, issues: unknown) }
        return decoded
    }

    /// Decodes `type` from `value` and returns it with every unknown key (so that a caller can report them
    /// together with what validation finds).
    ///
    /// - Throws: ``ConfigurationError`` with code `malformed`: the first decoding problem.
    static func decodeListingUnknownKeys<Value: Decodable>(_ type: Value.Type, from value: ConfigValue) throws(ConfigurationError)
        -> (Value, unknownKeys: [ConfigIssue])
    {
        let state = ConfigDecodingState()
        let decoded: Value
        do {
            decoded = try state.decode(type, from: value, at: .root)
        } catch let failure as ConfigDecodingFailure {
            throw ConfigurationError(.malformed, issues: [ConfigIssue(failure.path, failure.message)])
        } catch let error as DecodingError {
            throw ConfigurationError(.malformed, issues: [Self.issue(error)])
        } catch {
            throw ConfigurationError(.malformed, issues: [ConfigIssue(path: "", message: "\(error)")])
        }
        return (decoded, state.unknownKeys())
    }

    /// A `DecodingError` thrown by a model's own code (a fallback: the decoder reports its own failures).
    private static func issue(_ error: DecodingError) -> ConfigIssue {
        func path(_ keys: [any CodingKey]) -> ConfigPath {
            ConfigPath(keys.map { key in
                if let key = key as? ConfigCodingKey, let index = key.index { return .index(index) }
                return .key(key.stringValue)
            })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ConfigIssue(path(context.codingPath), "missing key '\(key.stringValue)'")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return ConfigIssue(path(context.codingPath), context.debugDescription)
        @unknown default:
            return ConfigIssue(path: "", message: "\(error)")
        }
    }
}

/// A problem found while decoding, at a path.
struct ConfigDecodingFailure: Error {
    var path: ConfigPath
    var message: String
}

/// The coding key of one step of a path (a mapping key, or a list index).
struct ConfigCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    /// Set for list positions only (a mapping key "100" is not a position).
    var index: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
        self.index = intValue
    }

    init(_ component: ConfigPath.Component) {
        switch component {
        case .key(let key): self.init(stringValue: key)
        case .index(let index): self.init(intValue: index)
        }
    }
}

/// What one decoding run has seen: every mapping handed to a keyed container, and the keys asked of it.
///
/// A class because the containers, which are copied freely, all record into one place; it lives only for
/// one synchronous `decode` call.
final class ConfigDecodingState {
    private struct VisitedMapping {
        var path: ConfigPath
        var entries: [ConfigValue.Entry]
        var asked: Set<String> = []
    }

    private var mappings: [VisitedMapping] = []

    /// Registers a mapping about to be read; returns the handle to record asked keys with.
    func visit(_ entries: [ConfigValue.Entry], at path: ConfigPath) -> Int {
        mappings.append(VisitedMapping(path: path, entries: entries))
        return mappings.count - 1
    }

    func ask(_ key: String, of handle: Int) {
        mappings[handle].asked.insert(key)
    }

    /// The keys of every visited mapping that were never asked for, in document order.
    func unknownKeys() -> [ConfigIssue] {
        var askedByPath: [ConfigPath: Set<String>] = [:]
        for mapping in mappings { askedByPath[mapping.path, default: []].formUnion(mapping.asked) }
        var reported = Set<ConfigPath>()
        var issues: [ConfigIssue] = []
        for mapping in mappings where reported.insert(mapping.path).inserted {
            let asked = askedByPath[mapping.path] ?? []
            for entry in mapping.entries where !asked.contains(entry.key) {
                issues.append(ConfigIssue(mapping.path, "unknown key '\(entry.key)'", line: entry.line))
            }
        }
        return issues
    }

    /// Decodes one value: scalars and keywords here, everything else through the type's `init(from:)`.
    func decode<Value: Decodable>(_ type: Value.Type, from value: ConfigValue, at path: ConfigPath) throws -> Value {
        if let scalar = try scalar(type, from: value, at: path) { return scalar }
        if let keyword = type as? any ConfigKeyword.Type {
            let words = keyword.keywords
            guard case .string(let word) = value else {
                throw ConfigDecodingFailure(path: path, message: "expected one of \(words.joined(separator: ", ")), found \(value.kindDescription)")
            }
            guard words.contains(word) else {
                throw ConfigDecodingFailure(path: path, message: "'\(word)' is not one of \(words.joined(separator: ", "))")
            }
        }
        if type == FlexibleNumber.self {
            switch value {
            case .number, .string: break
            default: throw ConfigDecodingFailure(path: path, message: "expected a number, found \(value.kindDescription)")
            }
        }
        return try Value(from: ConfigValueDecoding(value: value, path: path, state: self))
    }

    /// The value for the scalar types the model uses, nil for any other type.
    private func scalar<Value>(_ type: Value.Type, from value: ConfigValue, at path: ConfigPath) throws -> Value? {
        func mismatch(_ expected: String) -> ConfigDecodingFailure {
            ConfigDecodingFailure(path: path, message: "expected \(expected), found \(value.kindDescription)")
        }
        if type == String.self {
            switch value {
            case .string(let text), .number(let text): return text as? Value
            default: throw mismatch("text")
            }
        }
        if type == Bool.self {
            guard case .bool(let flag) = value else { throw mismatch("true or false") }
            return flag as? Value
        }
        if let integer = type as? any FixedWidthInteger.Type {
            guard case .number(let text) = value, let parsed = integer.init(text, radix: 10) else {
                throw mismatch("a whole number")
            }
            return parsed as? Value
        }
        if type is any BinaryFloatingPoint.Type {
            throw ConfigDecodingFailure(path: path, message: "binary floating point is not supported; use exact decimal text")
        }
        return nil
    }
}
