import AllotCore

/// Running totals of a delivery while it streams: the reconciliation recorded with it.
struct DeliveryTotals: Sendable {
    /// A line's four costs, computed once per line (amortization reads several columns).
    struct Costs: Sendable {
        var unblended: Amount
        var netUnblended: Amount
        var amortized: Amount
        var netAmortized: Amount

        init(_ item: LineItem) {
            unblended = item.unblendedCost
            netUnblended = item.netUnblendedCost
            amortized = item.amortizedCost
            netAmortized = item.netAmortizedCost
        }
    }

    struct Sums: Sendable, Codable, Hashable {
        var rows = 0
        var unblended = Amount.zero
        var netUnblended = Amount.zero
        var amortized = Amount.zero
        var netAmortized = Amount.zero

        mutating func add(_ costs: Costs) {
            rows += 1
            unblended += costs.unblended
            netUnblended += costs.netUnblended
            amortized += costs.amortized
            netAmortized += costs.netAmortized
        }
    }

    /// First and last usage hour of an account in this delivery: its observed membership.
    struct Presence: Sendable {
        var first: Timestamp
        var last: Timestamp
    }

    var all = Sums()
    var byType: [String: Sums] = [:]
    var byAccount: [String: Sums] = [:]
    var byInvoice: [String: Sums] = [:]
    var presence: [String: Presence] = [:]
    var accountNames: [String: String] = [:]

    mutating func add(_ item: LineItem, costs: Costs) {
        all.add(costs)
        byType[item.type.rawValue, default: Sums()].add(costs)
        byAccount[item.usageAccountId, default: Sums()].add(costs)
        byInvoice[item.invoiceId ?? "", default: Sums()].add(costs)
        let end = item.usageEnd ?? item.usageStart
        if var seen = presence[item.usageAccountId] {
            if item.usageStart < seen.first { seen.first = item.usageStart }
            if end > seen.last { seen.last = end }
            presence[item.usageAccountId] = seen
        } else {
            presence[item.usageAccountId] = Presence(first: item.usageStart, last: end)
        }
        if let name = item.usageAccountName, accountNames[item.usageAccountId] == nil {
            accountNames[item.usageAccountId] = name
        }
    }
}

/// The reconciliation of one delivery, as stored in `cur_deliveries.totals` and printed after an ingest.
public struct DeliveryReconciliation: Sendable, Codable, Hashable {
    public struct Line: Sendable, Codable, Hashable {
        public var key: String
        public var rows: Int
        public var unblended: Amount
        public var amortized: Amount
        public var netUnblended: Amount
        public var netAmortized: Amount
    }

    /// Rows and sums per line item type (raw value; unknown types appear as they were delivered).
    public var byLineItemType: [Line]
    /// Per usage account, largest unblended first.
    public var byAccount: [Line]
    /// Per `bill/InvoiceId` ("" for lines not yet invoiced).
    public var byInvoice: [Line]

    init(_ totals: DeliveryTotals) {
        func lines(_ sums: [String: DeliveryTotals.Sums]) -> [Line] {
            sums.map {
                Line(key: $0.key, rows: $0.value.rows, unblended: $0.value.unblended, amortized: $0.value.amortized,
                     netUnblended: $0.value.netUnblended, netAmortized: $0.value.netAmortized)
            }
        }
        byLineItemType = lines(totals.byType).sorted { $0.key < $1.key }
        byAccount = lines(totals.byAccount).sorted { ($0.unblended, $1.key) > ($1.unblended, $0.key) }
        byInvoice = lines(totals.byInvoice).sorted { $0.key < $1.key }
    }
}
