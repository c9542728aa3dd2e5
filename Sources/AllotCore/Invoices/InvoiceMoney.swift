/// An amount as an invoice shows it: rounded to the currency's minor unit, written with exactly that many
/// decimals (`"1234.50"`, `"-0.07"`).
///
/// In JSON it is a string, like every amount Allot publishes, so that no reader parses it into a binary float.
public struct InvoiceMoney: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The value, a multiple of the minor unit.
    public let amount: Amount
    /// Decimal places of the minor unit.
    public let places: Int

    /// `amount` rounded half-even to `places` (a no-op for amounts already rounded, as invoice amounts are).
    public init(_ amount: Amount, places: Int) {
        self.places = min(max(places, 0), Amount.scale)
        self.amount = amount.rounded(toPlaces: self.places, rule: .halfEven)
    }

    /// Zero with `places` decimals.
    public static func zero(places: Int) -> InvoiceMoney { InvoiceMoney(.zero, places: places) }

    /// The text with exactly `places` decimals.
    public var description: String { amount.formatted(places: places) }

    public var isZero: Bool { amount.isZero }
    public var isNegative: Bool { amount.isNegative }

    public static func + (lhs: InvoiceMoney, rhs: InvoiceMoney) -> InvoiceMoney {
        InvoiceMoney(lhs.amount + rhs.amount, places: max(lhs.places, rhs.places))
    }

    public static func - (lhs: InvoiceMoney, rhs: InvoiceMoney) -> InvoiceMoney {
        InvoiceMoney(lhs.amount - rhs.amount, places: max(lhs.places, rhs.places))
    }

    public static func < (lhs: InvoiceMoney, rhs: InvoiceMoney) -> Bool { lhs.amount < rhs.amount }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            let amount = try Amount(parsing: text)
            let places = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
            self.init(amount, places: places)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Sequence where Element == InvoiceMoney {
    /// The exact sum, with `places` decimals (used for an empty sequence too).
    public func sum(places: Int) -> InvoiceMoney {
        InvoiceMoney(reduce(Amount.zero) { $0 + $1.amount }, places: places)
    }
}
