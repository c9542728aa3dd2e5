import AllotCore
import Yams

/// A YAML node of a scenario with its path, and typed readers that fail with a ``ScenarioError``
/// naming that path (`organizations[1].payer: expected a 12-digit account id, got '2000'`).
///
/// Scalars are read from their text as written, so `100000000001` stays an account id (YAML would
/// call it an integer) and `0.096` stays an exact decimal.
struct ScenarioNode {
    let node: Node
    let path: String

    init(_ node: Node, path: String) {
        self.node = node
        self.path = path
    }

    var line: Int? { node.mark?.line }

    func error(_ code: ScenarioError.Code, _ message: String) -> ScenarioError {
        ScenarioError(code, path: path, message, line: line)
    }

    /// The node's text; fails for lists and mappings.
    func text() throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node else { throw error(.invalidValue, "expected a value, not a list or mapping") }
        return scalar.string
    }

    /// Non-empty text.
    func string() throws(ScenarioError) -> String {
        let value = try text()
        guard !value.isEmpty else { throw error(.invalidValue, "expected text, got nothing") }
        return value
    }

    /// An exact decimal: `0.096`, `15000`, `6.5`.
    func decimal() throws(ScenarioError) -> Amount {
        let value = try text()
        guard let amount = try? Amount(parsing: value) else { throw error(.invalidValue, "expected a number, got '\(value)'") }
        return amount
    }

    /// A decimal that is zero or more.
    func nonNegativeDecimal() throws(ScenarioError) -> Amount {
        let amount = try decimal()
        guard !amount.isNegative else { throw error(.invalidValue, "expected zero or more, got \(amount)") }
        return amount
    }

    /// A percentage, 0…100.
    func percent() throws(ScenarioError) -> Amount {
        let amount = try nonNegativeDecimal()
        guard amount <= 100 else { throw error(.invalidValue, "expected a percentage from 0 to 100, got \(amount)") }
        return amount
    }

    /// An integer within `range`.
    func integer(in range: ClosedRange<Int>) throws(ScenarioError) -> Int {
        let value = try text()
        guard let number = Int(value), range.contains(number) else {
            throw error(.invalidValue, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'")
        }
        return number
    }

    /// `true` or `false`.
    func bool() throws(ScenarioError) -> Bool {
        switch try text() {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        case let value: throw error(.invalidValue, "expected true or false, got '\(value)'")
        }
    }

    /// A 12-digit AWS account id.
    func accountId() throws(ScenarioError) -> String {
        let value = try text()
        guard value.utf8.count == 12, value.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            throw error(.invalidValue, "expected a 12-digit account id, got '\(value)'")
        }
        return value
    }

    /// An instant on a whole hour, UTC: `2026-10-16T00:00:00Z` or `2026-10-16`.
    func hourInstant() throws(ScenarioError) -> Timestamp {
        let value = try text()
        guard let instant = try? Timestamp(parsing: value) else {
            throw error(.invalidValue, "expected a UTC time such as 2026-10-16T00:00:00Z, got '\(value)'")
        }
        guard instant.microsecondsSinceEpoch % 3_600_000_000 == 0 else {
            throw error(.invalidValue, "'\(value)' is not on a whole hour (usage is hourly)")
        }
        return instant
    }

    /// The items of a list (an absent or empty value is an empty list).
    func list() throws(ScenarioError) -> [ScenarioNode] {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().map { ScenarioNode($0.element, path: "\(path)[\($0.offset)]") }
        case .scalar(let scalar) where scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~":
            return []
        default:
            throw error(.invalidValue, "expected a list")
        }
    }

    /// The entries of a mapping, refusing keys outside `allowed` (typos) and keys that are not text.
    func mapping(allowed: Set<String>? = nil) throws(ScenarioError) -> ScenarioMapping {
        switch node {
        case .mapping(let mapping):
            var entries: [(key: String, value: ScenarioNode)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw error(.invalidValue, "a key must be text, not a list or mapping")
                }
                let name = keyScalar.string
                let child = ScenarioNode(value, path: path.isEmpty ? name : "\(path).\(name)")
                if let allowed, !allowed.contains(name) {
                    let known = allowed.sorted().joined(separator: ", ")
                    throw child.error(.unknownKey, "unknown key '\(name)' (known keys: \(known))")
                }
                entries.append((name, child))
            }
            return ScenarioMapping(entries: entries, owner: self)
        case .scalar(let scalar) where scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~":
            return ScenarioMapping(entries: [], owner: self)
        default:
            throw error(.invalidValue, "expected a mapping of keys to values")
        }
    }
}

/// The entries of a YAML mapping, looked up by key.
struct ScenarioMapping {
    let entries: [(key: String, value: ScenarioNode)]
    let owner: ScenarioNode

    /// The value of `key`, or nil.
    subscript(key: String) -> ScenarioNode? {
        entries.first { $0.key == key }?.value
    }

    /// The value of `key`; fails when it is absent.
    func required(_ key: String) throws(ScenarioError) -> ScenarioNode {
        guard let value = self[key] else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw ScenarioError(.missingKey, path: path, "required", line: owner.line)
        }
        return value
    }
}
