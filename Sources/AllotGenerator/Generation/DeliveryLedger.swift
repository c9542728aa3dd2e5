import AllotCore

/// The running sums of one delivery while its rows stream out: the summary's totals (per line item
/// type, account and invoice) and the bases of the month-end charges (credits, tax, EDP, support).
struct DeliveryLedger {
    /// Rows and the four cost views.
    struct Sums: Sendable {
        var rows = 0
        var unblended = Amount.zero
        var netUnblended = Amount.zero
        var amortized = Amount.zero
        var netAmortized = Amount.zero

        mutating func add(_ row: borrowing CURRow) {
            rows += 1
            unblended += row.unblendedCost
            netUnblended += row.netUnblendedCost
            amortized += row.amortizedCost
            netAmortized += row.netAmortizedCost
        }
    }

    /// Month-end bases of one account and product code.
    struct ChargeBases: Sendable {
        /// Σ net unblended of the charges credits may pay: usage, covered usage and negations, RI and
        /// SP recurring fees (§6: never upfront fees, support or tax).
        var creditEligible = Amount.zero
        /// Σ unblended of every row but tax: what tax is computed on.
        var taxable = Amount.zero
        /// Σ EDP discount of the usage rows.
        var edpDiscount = Amount.zero
        /// Σ credits already applied.
        var credited = Amount.zero
    }

    private(set) var total = Sums()
    private(set) var byKind = Array(repeating: Sums(), count: RowKind.allCases.count)
    private(set) var byAccount: [Sums]
    /// Per invoice (a handful per delivery: searched linearly, faster than hashing text per row).
    private var invoices: [(invoice: [UInt8], sums: Sums)] = []
    /// Bases per account index, then per product code index.
    private(set) var bases: [[ChargeBases]]
    /// Product codes by index, in order of first appearance.
    private(set) var productCodes: [String] = []
    private var codeIndex: [String: Int] = [:]
    private var productIndex: [ObjectIdentifier: Int] = [:]
    private var lastProduct: ObjectIdentifier?
    private var lastCode = 0

    init(accountCount: Int) {
        byAccount = Array(repeating: Sums(), count: accountCount)
        bases = Array(repeating: [], count: accountCount)
    }

    /// Adds a row to every sum.
    mutating func add(_ row: borrowing CURRow) {
        total.add(row)
        byKind[row.kind.rawValue].add(row)
        byAccount[row.account.index].add(row)
        if let position = invoices.firstIndex(where: { $0.invoice == row.invoice }) {
            invoices[position].sums.add(row)
        } else {
            var sums = Sums()
            sums.add(row)
            invoices.append((row.invoice, sums))
        }
        let code = index(of: row.product)
        let account = row.account.index
        if bases[account].count <= code {
            bases[account] += Array(repeating: ChargeBases(), count: code + 1 - bases[account].count)
        }
        switch row.kind {
        case .usage, .discountedUsage, .savingsPlanCoveredUsage, .savingsPlanNegation, .riFee, .savingsPlanRecurringFee:
            bases[account][code].creditEligible += row.netUnblendedCost
        case .credit:
            bases[account][code].credited -= row.unblendedCost
        default:
            break
        }
        if row.kind != .tax { bases[account][code].taxable += row.unblendedCost }
        bases[account][code].edpDiscount += row.discount
    }

    /// The product code index of a product (its code interned on first sight).
    private mutating func index(of product: ProductEntry) -> Int {
        let id = ObjectIdentifier(product)
        if id == lastProduct { return lastCode }
        if let known = productIndex[id] {
            lastProduct = id
            lastCode = known
            return known
        }
        let code: Int
        if let existing = codeIndex[product.productCode] {
            code = existing
        } else {
            code = productCodes.count
            productCodes.append(product.productCode)
            codeIndex[product.productCode] = code
        }
        productIndex[id] = code
        lastProduct = id
        lastCode = code
        return code
    }

    /// Sums per `bill/InvoiceId`.
    var byInvoice: [String: Sums] {
        Dictionary(invoices.map { (String(decoding: $0.invoice, as: UTF8.self), $0.sums) }, uniquingKeysWith: { first, _ in first })
    }

    /// The sums of one line item type.
    func sums(_ kind: RowKind) -> Sums {
        byKind[kind.rawValue]
    }
}
