/// One line of a ``ConfigurationDiff``: `+ bu web (Web) under platform`,
/// `~ policies.credits.mode: as-billed → pooled-per-org`, `- rules[2] 'by cost centre'`.
public struct ConfigurationChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Added, removed or changed.
    public struct Kind: Sendable, Hashable, Codable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case added, removed, changed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let added = Kind(.added)
        public static let removed = Kind(.removed)
        public static let changed = Kind(.changed)

        /// `+`, `-` or `~`.
        public var symbol: String {
            switch base {
            case .added: "+"
            case .removed: "-"
            case .changed: "~"
            }
        }

        public var description: String { base.rawValue }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let base = Base(rawValue: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown change kind '\(text)'"))
            }
            self.init(base)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(base.rawValue)
        }
    }

    public var kind: Kind
    /// The section of the document: `organizations`, `accounts`, `account-patterns`, `holding-accounts`,
    /// `business-units`, `rules`, `policies`, `shared-costs`, or `settings` (currency, default BU).
    public var section: String
    /// What changed, without the symbol.
    public var text: String

    public init(_ kind: Kind, section: String, _ text: String) {
        self.kind = kind
        self.section = section
        self.text = text
    }

    /// The symbol and the text.
    public var description: String { "\(kind.symbol) \(text)" }
}
