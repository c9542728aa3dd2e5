/// The invariant of every allocation run (ARCHITECTURE §7): for every organization, Σ ledger = Σ line
/// items on the run's cost basis, exactly.
public struct Reconciliation: Sendable, Hashable, Codable {
    /// One organization's two totals.
    public struct Organization: Sendable, Hashable, Codable {
        public var org: String
        /// Σ line items of the period on the cost basis.
        public var lineItems: Amount
        /// Σ ledger rows of the run billed in this organization.
        public var ledger: Amount

        public init(org: String, lineItems: Amount, ledger: Amount) {
            self.org = org
            self.lineItems = lineItems
            self.ledger = ledger
        }

        /// ledger − line items; zero when it holds.
        public var difference: Amount { ledger - lineItems }
        public var holds: Bool { ledger == lineItems }
    }

    /// Every organization seen on either side, by id.
    public var organizations: [Organization]

    /// The organizations' totals as computed elsewhere (e.g. by SQL).
    public init(organizations: [Organization]) {
        self.organizations = organizations.sorted { $0.org < $1.org }
    }

    /// Compares per-organization totals; an organization missing on one side counts as zero there.
    public init(lineItems: [String: Amount], ledger: [String: Amount]) {
        let orgs = Set(lineItems.keys).union(ledger.keys).sorted()
        organizations = orgs.map { Organization(org: $0, lineItems: lineItems[$0] ?? .zero, ledger: ledger[$0] ?? .zero) }
    }

    /// Compares a ledger's rows with per-organization line item totals.
    public init(lineItems: [String: Amount], entries: some Sequence<LedgerEntry>) {
        var ledger: [String: Amount] = [:]
        for entry in entries { ledger[entry.org, default: .zero] += entry.amount }
        self.init(lineItems: lineItems, ledger: ledger)
    }

    /// Whether every organization reconciles.
    public var holds: Bool { organizations.allSatisfy(\.holds) }

    /// Throws unless every organization reconciles.
    ///
    /// - Throws: `AllocationError` with code `notReconciled`, naming each organization that does not
    ///   and both of its totals.
    public func verify() throws {
        let broken = organizations.filter { !$0.holds }
        guard !broken.isEmpty else { return }
        let detail = broken.map { "\($0.org): ledger \($0.ledger) ≠ line items \($0.lineItems) (difference \($0.difference))" }
        throw AllocationError(.notReconciled, "the ledger does not reconcile: " + detail.joined(separator: "; "))
    }
}
