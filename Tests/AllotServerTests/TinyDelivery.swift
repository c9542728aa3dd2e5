/// Small legacy-CUR CSV texts for upload tests: the essential columns, hourly Usage rows of one account.
enum TinyDelivery {
    static let header = [
        "identity/LineItemId", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "bill/InvoiceId",
        "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
        "lineItem/ProductCode", "lineItem/UsageAmount", "lineItem/UnblendedCost",
    ]

    /// `count` rows of 2026-06 for payer 111111111111 and account 222222222222, each costing `cost`; the row at
    /// `badRow` (0-based; file line `badRow + 2`) costs `"12,5"` instead, which is not a number.
    static func csv(rows count: Int, cost: String = "1.25", badRow: Int? = nil) -> String {
        var lines = [header.joined(separator: ",")]
        for index in 0..<count {
            let day = 1 + (index / 24) % 28
            let hour = index % 24
            let start = "2026-06-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):00:00Z"
            let value = index == badRow ? "\"12,5\"" : cost
            lines.append(
                ["id\(index)", "111111111111", "2026-06-01T00:00:00Z", "INV-1", "222222222222", "Usage", start, start, "AmazonEC2", "1", value]
                    .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
