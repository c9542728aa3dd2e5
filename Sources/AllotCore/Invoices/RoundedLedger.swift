/// The invoice lines of one allocation run, rounded to the currency's minor unit once per line.
///
/// **Method.** Ledger rows are summed per ``InvoiceLineKey`` at full precision. Then, per organization, across
/// the lines of every BU: each line first gets its exact amount rounded down (toward −∞) to the minor unit; the
/// organization's target is its exact total rounded half-even to the minor unit; the units still missing to reach
/// the target (fewer than the number of lines) go one each to the lines with the largest remainders, ties to
/// the line that comes first in key order. So
///
/// - every line is within one minor unit of its exact amount (its floor or its ceiling),
/// - the lines of any invoice sum exactly to its total (the total is their sum), and
/// - the lines of all BUs of an organization sum exactly to that organization's total rounded half-even.
///
/// The result is a pure function of the ledger: the same lines every time. Lines whose exact amount is zero are
/// left out; a line whose exact amount is not zero stays even when it rounds to zero.
public struct RoundedLedger: Sendable, Hashable {
    /// An organization's total, exact and rounded.
    public struct Organization: Sendable, Hashable, Codable {
        public var org: String
        public var exact: Amount
        /// `exact` rounded half-even to the minor unit; Σ of the organization's rounded lines.
        public var rounded: Amount
    }

    /// Decimal places of the minor unit.
    public let places: Int
    /// Every line, in key order (organization, account, service, category, BU).
    public let lines: [RoundedLine]
    /// Per organization, by id.
    public let organizations: [Organization]

    /// Rounds a run's ledger.
    ///
    /// - Throws: ``InvoiceError`` `rounding` if a sum leaves the range of ``Amount`` (not expected for real data).
    public init(entries: some Sequence<LedgerEntry>, places: Int) throws(InvoiceError) {
        let places = min(max(places, 0), Amount.scale)
        var exact: [InvoiceLineKey: Amount] = [:]
        var sources: [InvoiceLineKey: Set<String>] = [:]
        for entry in entries {
            let key = InvoiceLineKey(entry)
            exact[key, default: .zero] += entry.amount
            sources[key, default: []].insert(entry.source)
        }
        var byOrganization: [String: [InvoiceLineKey]] = [:]
        for (key, amount) in exact where !amount.isZero { byOrganization[key.org, default: []].append(key) }

        var lines: [RoundedLine] = []
        var organizations: [Organization] = []
        for org in byOrganization.keys.sorted() {
            let keys = (byOrganization[org] ?? []).sorted()
            let amounts = keys.map { exact[$0] ?? .zero }
            let (rounded, total) = try Self.largestRemainder(amounts, places: places, org: org)
            organizations.append(Organization(org: org, exact: amounts.sum(), rounded: total))
            for (index, key) in keys.enumerated() {
                lines.append(
                    RoundedLine(key: key, exact: amounts[index], amount: rounded[index], sources: (sources[key] ?? []).sorted()))
            }
        }
        self.places = places
        self.lines = lines.sorted { $0.key < $1.key }
        self.organizations = organizations
    }

    /// The organization's record, if it has lines.
    public func organization(_ org: String) -> Organization? {
        organizations.first { $0.org == org }
    }

    /// Rounds `amounts` (one organization's lines, in tie-break order) so that they sum to their total rounded
    /// half-even; returns the rounded amounts and that total.
    static func largestRemainder(_ amounts: [Amount], places: Int, org: String) throws(InvoiceError) -> ([Amount], Amount) {
        let quantum = Amount(minorUnits: 1, exponent: places).units
        var floors: [Int128] = []
        var remainders: [Int128] = []
        floors.reserveCapacity(amounts.count)
        remainders.reserveCapacity(amounts.count)
        var exactTotal: Int128 = 0
        var floorTotal: Int128 = 0
        for amount in amounts {
            var quotient = amount.units / quantum
            var remainder = amount.units % quantum
            if remainder < 0 {
                quotient -= 1
                remainder += quantum
            }
            floors.append(quotient)
            remainders.append(remainder)
            let (sum, overflow) = exactTotal.addingReportingOverflow(amount.units)
            guard !overflow, sum.magnitude < Amount.limit.magnitude else {
                throw InvoiceError(.rounding, "the lines of organization \(org) sum beyond the range of an amount")
            }
            exactTotal = sum
            floorTotal += quotient
        }
        let target = Amount(units: exactTotal).rounded(toPlaces: places, rule: .halfEven).units / quantum
        let leftover = target - floorTotal
        guard leftover >= 0, leftover <= Int128(amounts.count) else {
            throw InvoiceError(.rounding, "rounding the lines of organization \(org) left \(leftover) units over")
        }
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for index in order.prefix(Int(leftover)) { floors[index] += 1 }
        return (floors.map { Amount(units: $0 * quantum) }, Amount(units: target * quantum))
    }
}
