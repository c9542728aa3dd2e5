/// What `allot ledger --by` breaks each BU's total down by.
public struct LedgerDimension: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable, CaseIterable {
        case account, product, category, org, source
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    public static let account = LedgerDimension(.account)
    public static let product = LedgerDimension(.product)
    public static let category = LedgerDimension(.category)
    public static let org = LedgerDimension(.org)
    public static let source = LedgerDimension(.source)

    /// `account`, `product`, `category`, `org` or `source`; nil for anything else.
    public init?(_ name: String) {
        guard let base = Base(rawValue: name) else { return nil }
        self.base = base
    }

    /// Every dimension's name.
    public static var names: [String] { Base.allCases.map(\.rawValue) }

    public var description: String { base.rawValue }

    /// The ledger column (a fixed name, never input).
    var column: String {
        switch base {
        case .account: "account_id"
        case .product: "product_code"
        case .category: "category"
        case .org: "org_id"
        case .source: "source"
        }
    }
}
