/// What an API token may do: one of four roles (see the access matrix in `docs/api.md`).
///
/// Finance and reader tokens are limited to business units (and their descendants); admin and planner tokens see
/// every business unit.
public struct APIRole: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable, CaseIterable {
        case admin, finance, planner, reader
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// Everything, including uploads, configuration applies and the audit log.
    public static let admin = APIRole(.admin)
    /// Invoices, ledger, adjustments and reconciliation of its business units and their descendants.
    public static let finance = APIRole(.finance)
    /// Costs and commitments of every business unit: deliveries, organizations, accounts, configuration.
    public static let planner = APIRole(.planner)
    /// Read-only, its business units and their descendants.
    public static let reader = APIRole(.reader)

    /// Every role, in the order of the documentation.
    public static let all: [APIRole] = Base.allCases.map(APIRole.init)

    /// The role named `admin`, `finance`, `planner` or `reader`; nil for anything else.
    public init?(_ name: String) {
        guard let base = Base(rawValue: name) else { return nil }
        self.base = base
    }

    /// Whether tokens of this role are limited to business units (and must name at least one).
    public var isScoped: Bool { self == .finance || self == .reader }

    /// `admin`, `finance`, `planner` or `reader`.
    public var description: String { base.rawValue }
}
