/// Which of the three column naming schemes a file uses (`reference/aws-billing-rules.md` §1.1).
public struct CURNamingScheme: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable {
        case legacy, athena, cur2
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// Legacy CUR CSV: `lineItem/UnblendedCost`, `resourceTags/user:team`.
    public static let legacy = CURNamingScheme(.legacy)
    /// Legacy CUR with Athena/Parquet names: `line_item_unblended_cost`, `resource_tags_user_team`.
    public static let athena = CURNamingScheme(.athena)
    /// CUR 2.0 (Data Exports): snake_case names plus the map columns `resource_tags`, `product`….
    public static let cur2 = CURNamingScheme(.cur2)

    public var description: String { base.rawValue }
}
