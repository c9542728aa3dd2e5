import Foundation

/// Small legacy-CUR CSV files written by tests: only the essential columns plus a few more.
struct TinyCUR {
    static let header = [
        "identity/LineItemId", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "bill/InvoiceId",
        "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
        "lineItem/ProductCode", "lineItem/UsageAmount", "lineItem/UnblendedCost", "resourceTags/user:team",
    ]

    struct Row {
        var payer = "111111111111"
        var period = "2026-06-01T00:00:00Z"
        var invoice = "INV-1"
        var account = "222222222222"
        var type = "Usage"
        var start = "2026-06-01T00:00:00Z"
        var end = "2026-06-01T01:00:00Z"
        var product = "AmazonEC2"
        var amount = "1"
        var cost = "1.25"
        var team = "web"

        var fields: [String] {
            ["id", payer, period, invoice, account, type, start, end, product, amount, cost, team]
        }
    }

    /// Writes the rows as CSV into a new temporary directory; returns the file's path.
    static func write(_ rows: [Row], name: String = "cur.csv") throws -> String {
        try write(text: text(rows), name: name)
    }

    /// Writes CSV text into a new temporary directory; returns the file's path.
    static func write(text: String, name: String = "cur.csv") throws -> String {
        let directory = NSTemporaryDirectory() + "allot-tiny-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func text(_ rows: [Row]) -> String {
        ([header] + rows.map(\.fields)).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// `count` hourly Usage rows of one account costing `cost` each.
    static func hourly(_ count: Int, cost: String, account: String = "222222222222") -> [Row] {
        (0..<count).map { index in
            let day = 1 + (index / 24) % 28
            let hour = index % 24
            let start = String(format: "2026-06-%02dT%02d:00:00Z", day, hour)
            return Row(account: account, start: start, end: start, cost: cost)
        }
    }
}
