import AllotCore

/// An AWS Support plan billed to an organization's payer account as a monthly `Fee`.
///
/// The fee is the larger of the plan's minimum and a tiered percentage of the organization's
/// monthly usage charges (usage, commitment fees and discounts, before credits and tax), rounded to
/// the cent. Tiers (AWS price list): Enterprise 10 % of the first $150K, 7 % to $500K, 5 % to $1M,
/// 3 % above; Business 10 % to $10K, 7 % to $80K, 5 % to $250K, 3 % above; Developer 3 %.
public struct SupportPlan: Sendable, Hashable {
    /// The plan level.
    public struct Level: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case enterprise, business, developer }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        public static let enterprise = Level(.enterprise)
        public static let business = Level(.business)
        public static let developer = Level(.developer)

        /// Reads `Enterprise`, `Business` or `Developer` (any case).
        public init?(_ text: String) {
            switch text.lowercased() {
            case "enterprise": base = .enterprise
            case "business": base = .business
            case "developer": base = .developer
            default: return nil
            }
        }

        public var description: String {
            switch base {
            case .enterprise: "Enterprise"
            case .business: "Business"
            case .developer: "Developer"
            }
        }

        /// The CUR product code of the fee: `AWSSupportEnterprise`, ….
        var productCode: String { "AWSSupport\(description)" }

        /// The plan's published minimum monthly fee.
        var defaultMinimum: Amount {
            switch base {
            case .enterprise: 15_000
            case .business: 100
            case .developer: 29
            }
        }

        /// (upper bound of the tier, or nil for the last; percent) pairs.
        var tiers: [(upTo: Amount?, percent: Int)] {
            switch base {
            case .enterprise: [(150_000, 10), (500_000, 7), (1_000_000, 5), (nil, 3)]
            case .business: [(10_000, 10), (80_000, 7), (250_000, 5), (nil, 3)]
            case .developer: [(nil, 3)]
            }
        }
    }

    /// The plan level.
    public var level: Level
    /// The minimum monthly fee; the plan's published minimum unless the scenario overrides it.
    public var minimum: Amount

    public init(level: Level, minimum: Amount? = nil) {
        self.level = level
        self.minimum = minimum ?? level.defaultMinimum
    }

    /// The monthly fee for `charges` of usage, rounded half-even to the cent.
    func fee(forCharges charges: Amount) throws(AmountError) -> Amount {
        var fee = Amount.zero
        var lower = Amount.zero
        for tier in level.tiers where charges > lower {
            let upper = tier.upTo.map { min($0, charges) } ?? charges
            fee += try (upper - lower).scaled(by: Amount(tier.percent), over: 100)
            lower = upper
        }
        return max(fee, minimum).rounded(toPlaces: 2)
    }
}
