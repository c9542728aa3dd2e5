import AllotCore
import Foundation

/// A small three-organization scenario whose amounts are not whole cents, as legacy CUR files, with its rule set:
/// what the invoice tests of the store ingest, allocate, close and restate, and what the API's tests upload through
/// `POST /v1/deliveries`. The rule set (amortized basis, `invoices.level: own` by default):
/// ```
/// engineering ─┬─ web
///              └─ data
/// central            (the default BU and the RI's holding account)
/// ```
///
/// Hand-computed figures of 2026-06 (amortized basis, `invoices.level: own`; per organization the lines of all BUs
/// are rounded together, largest remainder):
///
/// | org | exact Σ | rounded | web | data | central |
/// |---|---|---|---|---|---|
/// | wl-a | 25.8438 | 25.84 | 16.56 | 8.78 | 0.50 |
/// | wl-b | 18.6789 | 18.68 | 3.72 | 13.25 | 1.71 |
/// | mgmt | 2.5 | 2.50 | 0.84 | 0.84 | 0.82 |
/// | Σ | 47.0227 | 47.02 | 21.12 | 22.87 | 3.03 |
///
/// wl-a: web usage 10.004, S3 3.3333, RI-covered 2.5005, tax 1.2345, credit −0.505; data RDS 7.777, RI-covered
/// 1.0001; central unused RI 0.4994. Floors 10.00, 3.33, 2.50, 1.23, −0.51, 7.77, 1.00, 0.49 = 25.81; three cents
/// to the largest remainders .0094 (central), .007 (data RDS), .005 (web credit).
/// wl-b: data EC2 12.3456, central S3 1.1111 (default BU), web Marketplace 2.2222, support 3.00 split fixed
/// web 50 % / data 30 % / central 20 % = 1.50 / 0.90 / 0.60. Floors Σ 18.67; one cent to data EC2 (.0056).
/// mgmt: security GuardDuty 2.00 and Security Hub 0.50 split evenly over web, data, central (thirds at 20 places,
/// the first two parts get the extra 1e-20): 0.67 / 0.67 / 0.66 and 0.17 / 0.17 / 0.16.
///
/// The exact ledger per BU (amortized):
/// - web = 10.004 + 3.3333 + 2.5005 + 1.2345 − 0.505 (wl-a) + 2.2222 + 1.50 (wl-b) + 0.66666666666666666667 +
///   0.16666666666666666667 (mgmt) = 21.12283333333333333334
/// - data = 7.777 + 1.0001 (wl-a) + 12.3456 + 0.90 (wl-b) + 0.66666666666666666667 + 0.16666666666666666667 (mgmt)
///   = 22.85603333333333333334
/// - central = 0.4994 (wl-a) + 1.1111 + 0.60 (wl-b) + 0.66666666666666666666 + 0.16666666666666666666 (mgmt)
///   = 3.04383333333333333332
/// - engineering (web + data) = 43.97886666666666666668; Σ = 47.0227.
///
/// Unblended: RI-covered usage costs 0 and the RI fee 4.00 is a fee of central: wl-a web 14.06, data 7.78, central
/// 4.00 (floors Σ 25.82, cents to data RDS and web credit); totals web 18.62, data 21.87, central 6.53.
///
/// The store's tests (`AllotStoreTests`) and the API's (`InvoiceScenario` of `AllotServerTests`) add their own
/// helpers for ingesting, allocating and uploading it.
public enum InvoiceScenarioCUR {
    /// The month of the hand-computed figures.
    public static let period = "2026-06"
    public static let a1 = "200000000001", a2 = "200000000002", holding = "200000000009"
    public static let b1 = "300000000001", security = "100000000001"
    public static let ri = "arn:aws:ec2:us-east-1:200000000009:reserved-instances/r-1"
    public static let organizations = ["mgmt", "wl-a", "wl-b"]
    public static let payers = ["mgmt": "100000000000", "wl-a": "200000000000", "wl-b": "300000000000"]

    public static let header = [
        "identity/LineItemId", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "bill/InvoiceId", "bill/BillingEntity",
        "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
        "lineItem/ProductCode", "lineItem/UsageAmount", "lineItem/UnblendedCost", "pricing/publicOnDemandCost",
        "reservation/ReservationARN", "reservation/EffectiveCost", "reservation/UnusedRecurringFee",
        "resourceTags/user:team", "resourceTags/user:cost_center",
    ]

    /// One line item of the scenario's CURs.
    public struct Row: Sendable {
        public var account: String
        public var type: String
        public var product: String
        public var cost: String
        public var invoice: String
        public var onDemand: String, riARN: String, riEffective: String, riUnused: String
        public var team: String, costCenter: String
        public var entity: String

        public init(
            account: String, type: String, product: String, cost: String, invoice: String, onDemand: String = "", riARN: String = "",
            riEffective: String = "", riUnused: String = "", team: String = "", costCenter: String = "", entity: String = "AWS"
        ) {
            self.account = account
            self.type = type
            self.product = product
            self.cost = cost
            self.invoice = invoice
            self.onDemand = onDemand
            self.riARN = riARN
            self.riEffective = riEffective
            self.riUnused = riUnused
            self.team = team
            self.costCenter = costCenter
            self.entity = entity
        }
    }

    /// One organization's line items (any other name than `wl-a` and `wl-b` is `mgmt`).
    public static func rows(_ org: String) -> [Row] {
        switch org {
        case "wl-a":
            return [
                Row(account: a1, type: "Usage", product: "AmazonEC2", cost: "10.004", invoice: "INV-A1", team: "web"),
                Row(account: a1, type: "Usage", product: "AmazonS3", cost: "3.3333", invoice: "INV-A1", team: "web"),
                Row(
                    account: a1, type: "DiscountedUsage", product: "AmazonEC2", cost: "0", invoice: "INV-A1", onDemand: "5", riARN: ri,
                    riEffective: "2.5005", team: "web"),
                Row(account: a2, type: "Usage", product: "AmazonRDS", cost: "7.777", invoice: "INV-A1", team: "data"),
                Row(
                    account: a2, type: "DiscountedUsage", product: "AmazonEC2", cost: "0", invoice: "INV-A1", onDemand: "2", riARN: ri,
                    riEffective: "1.0001", team: "data"),
                Row(account: holding, type: "RIFee", product: "AmazonEC2", cost: "4.0", invoice: "INV-A1", riARN: ri, riUnused: "0.4994"),
                Row(account: a1, type: "Tax", product: "AmazonEC2", cost: "1.2345", invoice: "INV-A2"),
                Row(account: a1, type: "Credit", product: "AmazonEC2", cost: "-0.505", invoice: "INV-A1"),
            ]
        case "wl-b":
            return [
                Row(account: b1, type: "Usage", product: "AmazonEC2", cost: "12.3456", invoice: "INV-B1", costCenter: "CC-200"),
                Row(account: b1, type: "Usage", product: "AmazonS3", cost: "1.1111", invoice: "INV-B1"),
                Row(account: b1, type: "Usage", product: "prod-widget", cost: "2.2222", invoice: "INV-B1", costCenter: "CC-100", entity: "AWS Marketplace"),
                Row(account: "300000000000", type: "Fee", product: "AWSSupportBusiness", cost: "3.0", invoice: "INV-B1"),
            ]
        default:
            return [
                Row(account: security, type: "Usage", product: "AmazonGuardDuty", cost: "2.0", invoice: "INV-M1"),
                Row(account: security, type: "Usage", product: "AWSSecurityHub", cost: "0.5", invoice: "INV-M1"),
            ]
        }
    }

    /// The late credit AWS adds to wl-a after the month closed: −1.25 on data's RDS account, on a credit memo.
    public static let lateCredit = Row(account: a2, type: "Credit", product: "AmazonRDS", cost: "-1.25", invoice: "CM-A1")

    /// One organization's CUR of `period` (`2026-06`), its rows followed by `extra`, as CSV text.
    public static func csv(org: String, period: String = period, extra: [Row] = []) -> String {
        let payer = payers[org] ?? ""
        let start = "\(period)-01T00:00:00Z"
        let end = "\(period)-01T01:00:00Z"
        var text = header.joined(separator: ",") + "\n"
        for (index, row) in (rows(org) + extra).enumerated() {
            let fields = [
                "\(org)-\(index)", payer, start, row.invoice, row.entity, row.account, row.type, start, end, row.product, "1", row.cost,
                row.onDemand, row.riARN, row.riEffective, row.riUnused, row.team, row.costCenter,
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Writes one organization's CUR for `period` (`2026-06`) into a new temporary directory; returns the file.
    public static func write(org: String, period: String, extra: [Row] = []) throws -> String {
        let text = csv(org: org, period: period, extra: extra)
        let directory = NSTemporaryDirectory() + "allot-invoice-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/\(org)-\(period).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The scenario's rule set.
    public static func configuration(basis: CostBasis = .amortized, level: InvoiceLevel = .own) -> AllotConfiguration {
        AllotConfiguration(
            organizations: [
                OrganizationDeclaration(id: "mgmt", name: "Management", payer: "100000000000"),
                OrganizationDeclaration(id: "wl-a", name: "Workload A", payer: "200000000000"),
                OrganizationDeclaration(id: "wl-b", name: "Workload B", payer: "300000000000"),
            ],
            accounts: [
                AccountDeclaration(id: security, name: "sec-tooling", kind: .shared), AccountDeclaration(id: a1, name: "web-prod"),
            ],
            holdingAccounts: [HoldingAccountDeclaration(account: holding, bu: "central")],
            businessUnits: [
                BusinessUnitDeclaration(
                    id: "engineering", name: "Engineering",
                    children: [BusinessUnitDeclaration(id: "web", name: "Web"), BusinessUnitDeclaration(id: "data", name: "Data")]),
                BusinessUnitDeclaration(id: "central", name: "Central"),
            ],
            defaultBU: "central",
            rules: [
                MappingRule(name: "security tooling", match: LineMatch(accountName: "sec-*"), bu: "central"),
                MappingRule(
                    name: "team tag", match: LineMatch(orgs: ["wl-a"]), buFromTag: TagToBU(tag: "user_team", values: ["web": "web", "data": "data"])),
                MappingRule(
                    name: "cost centre", match: LineMatch(orgs: ["wl-b"]),
                    buFromTag: TagToBU(tag: "user_cost_center", values: ["CC-100": "web", "CC-200": "data"])),
                MappingRule(name: "web account", match: LineMatch(accounts: [a1]), bu: "web"),
                MappingRule(name: "data account", match: LineMatch(accounts: [a2]), bu: "data"),
            ],
            policies: AllocationPolicies(costBasis: basis),
            sharedCosts: [
                SharedCostRule(
                    name: "security", source: SharedCostSource(accounts: [security]),
                    targets: SharedCostTargets(bus: ["web", "data", "central"]), method: .even),
                SharedCostRule(
                    name: "support", source: SharedCostSource(productCodes: ["AWSSupportBusiness"]),
                    targets: SharedCostTargets(bus: ["web", "data", "central"]), method: .fixed,
                    percentages: ["web": "50", "data": "30", "central": "20"]),
            ],
            invoices: InvoicePolicy(level: level))
    }
}
