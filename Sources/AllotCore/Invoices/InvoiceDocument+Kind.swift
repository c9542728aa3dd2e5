extension InvoiceDocument {
    /// `invoice`, `credit-memo` (an adjustment that lowers what the BU owes) or `debit-memo` (one that raises it).
    public struct Kind: Sendable, Hashable, Codable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable, Codable {
            case invoice
            case creditMemo = "credit-memo"
            case debitMemo = "debit-memo"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let invoice = Kind(.invoice)
        public static let creditMemo = Kind(.creditMemo)
        public static let debitMemo = Kind(.debitMemo)

        /// The kind stored as `rawValue`; nil for anything else.
        public init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        /// The memo kind for an adjustment of `total`: credit when negative, debit otherwise.
        public static func memo(total: Amount) -> Kind { total.isNegative ? .creditMemo : .debitMemo }

        public var rawValue: String { base.rawValue }
        public var description: String { base.rawValue }
        public var isMemo: Bool { base != .invoice }

        /// `Invoice`, `Credit memo`, `Debit memo`.
        public var title: String {
            switch base {
            case .invoice: "Invoice"
            case .creditMemo: "Credit memo"
            case .debitMemo: "Debit memo"
            }
        }

        public init(from decoder: any Decoder) throws {
            base = try decoder.singleValueContainer().decode(Base.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(base)
        }
    }

    /// `draft` (computed from the current run, not numbered) or `final` (numbered, stored, never changed).
    public struct Status: Sendable, Hashable, Codable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable, Codable {
            case draft, final
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let draft = Status(.draft)
        public static let final = Status(.final)

        public init?(rawValue: String) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.base = base
        }

        public var rawValue: String { base.rawValue }
        public var description: String { base.rawValue }

        public init(from decoder: any Decoder) throws {
            base = try decoder.singleValueContainer().decode(Base.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(base)
        }
    }
}
