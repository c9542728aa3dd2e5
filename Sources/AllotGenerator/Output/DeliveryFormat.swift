/// The file format of the generated deliveries.
public struct DeliveryFormat: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable {
        case legacyCSV = "legacy-csv"
        case cur2CSV = "cur2-csv"
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// Legacy CUR: `lineItem/UnblendedCost` headers, `resourceTags/user:*` and `product/*` columns,
    /// `<report>/<yyyymmdd-yyyymmdd>/<assemblyId>/<report>-N.csv.gz` with `<report>-Manifest.json`
    /// (`reference/aws-billing-rules.md` §2.1).
    public static let legacyCSV = DeliveryFormat(.legacyCSV)
    /// CUR 2.0 (Data Exports): snake_case headers with the `product`, `resource_tags`, `cost_category`
    /// and `discount` map columns as JSON, `data/BILLING_PERIOD=YYYY-MM/<export>-0000N.csv.gz` with a
    /// manifest under `metadata/` (§2.2).
    public static let cur2CSV = DeliveryFormat(.cur2CSV)

    /// Reads `legacy-csv` or `cur2-csv`; nil for anything else.
    public init?(_ text: String) {
        guard let base = Base(rawValue: text.lowercased()) else { return nil }
        self.base = base
    }

    /// Whether this is CUR 2.0.
    public var isCUR2: Bool { base == .cur2CSV }

    /// `legacy-csv` or `cur2-csv`.
    public var description: String { base.rawValue }
}
