import AllotAPI
import AllotCore
import AllotServer
import AllotStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The invoice scenario of the store's tests (`AllotStoreTests/Invoices/InvoiceScenarioCUR.swift`), for the API:
/// three organizations whose amounts are not whole cents, as legacy CUR texts uploaded through `POST
/// /v1/deliveries`, and its rule set (amortized basis, `invoices.level: own`):
/// ```
/// engineering ─┬─ web
///              └─ data
/// central            (the default BU and the RI's holding account)
/// ```
///
/// Hand-computed figures of 2026-06 (see the store's scenario for the derivation of each line):
///
/// | org | exact Σ | rounded | web | data | central |
/// |---|---|---|---|---|---|
/// | wl-a | 25.8438 | 25.84 | 16.56 | 8.78 | 0.50 |
/// | wl-b | 18.6789 | 18.68 | 3.72 | 13.25 | 1.71 |
/// | mgmt | 2.5 | 2.50 | 0.84 | 0.84 | 0.82 |
/// | Σ | 47.0227 | 47.02 | 21.12 | 22.87 | 3.03 |
///
/// The exact ledger per BU (security's 2.00 and 0.50 split in thirds at 20 places, the first two parts getting the
/// extra 1e-20):
/// - web = 10.004 + 3.3333 + 2.5005 + 1.2345 − 0.505 (wl-a) + 2.2222 + 1.50 (wl-b) + 0.66666666666666666667 +
///   0.16666666666666666667 (mgmt) = 21.12283333333333333334
/// - data = 7.777 + 1.0001 (wl-a) + 12.3456 + 0.90 (wl-b) + 0.66666666666666666667 + 0.16666666666666666667 (mgmt)
///   = 22.85603333333333333334
/// - central = 0.4994 (wl-a) + 1.1111 + 0.60 (wl-b) + 0.66666666666666666666 + 0.16666666666666666666 (mgmt)
///   = 3.04383333333333333332
/// - engineering (web + data) = 43.97886666666666666668; Σ = 47.0227.
enum InvoiceScenario {
    static let period = "2026-06"
    static let a1 = "200000000001", a2 = "200000000002", holding = "200000000009"
    static let b1 = "300000000001", security = "100000000001"
    static let ri = "arn:aws:ec2:us-east-1:200000000009:reserved-instances/r-1"
    static let organizations = ["mgmt", "wl-a", "wl-b"]
    static let payers = ["mgmt": "100000000000", "wl-a": "200000000000", "wl-b": "300000000000"]

    static let header = [
        "identity/LineItemId", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "bill/InvoiceId", "bill/BillingEntity",
        "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
        "lineItem/ProductCode", "lineItem/UsageAmount", "lineItem/UnblendedCost", "pricing/publicOnDemandCost",
        "reservation/ReservationARN", "reservation/EffectiveCost", "reservation/UnusedRecurringFee",
        "resourceTags/user:team", "resourceTags/user:cost_center",
    ]

    struct Row {
        var account: String
        var type: String
        var product: String
        var cost: String
        var invoice: String
        var onDemand = "", riARN = "", riEffective = "", riUnused = ""
        var team = "", costCenter = ""
        var entity = "AWS"
    }

    static func rows(_ org: String) -> [Row] {
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

    /// The late credit AWS adds to wl-a after the month closed: −1.25 on data's RDS account.
    static let lateCredit = Row(account: a2, type: "Credit", product: "AmazonRDS", cost: "-1.25", invoice: "CM-A1")

    /// One organization's CUR of `period` as CSV text.
    static func csv(org: String, period: String = period, extra: [Row] = []) -> String {
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

    /// The scenario's rule set, as the JSON document `APIFixture` applies.
    static func ruleSet() throws -> (format: ConfigurationFormat, text: String) {
        (.json, try ConfigurationText.json(configuration))
    }

    static var configuration: AllotConfiguration {
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
            policies: AllocationPolicies(costBasis: .amortized),
            sharedCosts: [
                SharedCostRule(
                    name: "security", source: SharedCostSource(accounts: [security]),
                    targets: SharedCostTargets(bus: ["web", "data", "central"]), method: .even),
                SharedCostRule(
                    name: "support", source: SharedCostSource(productCodes: ["AWSSupportBusiness"]),
                    targets: SharedCostTargets(bus: ["web", "data", "central"]), method: .fixed,
                    percentages: ["web": "50", "data": "30", "central": "20"]),
            ],
            invoices: InvoicePolicy(level: .own))
    }

    /// Runs `body` with a fixture on the scenario's rule set: the finance token limited to `web`, the reader token to
    /// `engineering` (so it sees engineering, web and data, not central).
    static func with<Value>(_ body: (APIFixture, AllotApplication) async throws -> Value) async throws -> Value {
        try await APIFixture.with(ruleSet: try ruleSet(), finance: ["web"], reader: ["engineering"], body)
    }

    /// Uploads an organization's CUR as admin; the answer's status.
    @discardableResult
    static func upload(
        _ org: String, extra: [Row] = [], _ client: some TestClientProtocol, _ fixture: APIFixture
    ) async throws -> HTTPResponse.Status {
        let response = try await client.execute(
            uri: "/v1/deliveries?org=\(org)", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]),
            body: ByteBuffer(string: csv(org: org, extra: extra)))
        return response.status
    }

    /// Uploads the three organizations' CURs and allocates 2026-06 through the API, as admin; returns the run.
    static func prepare(_ client: some TestClientProtocol, _ fixture: APIFixture) async throws -> Components.Schemas.AllocationRun {
        for org in organizations {
            let status = try await upload(org, client, fixture)
            #expect(status == .created, "upload of \(org)")
        }
        return try await allocate(client, fixture)
    }

    /// `POST /v1/allocations` of 2026-06 as admin; the run it created.
    static func allocate(_ client: some TestClientProtocol, _ fixture: APIFixture) async throws -> Components.Schemas.AllocationRun {
        let response = try await client.execute(
            uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
            body: ByteBuffer(string: #"{"period": "2026-06"}"#))
        try #require(response.status == .created, "\(response.text)")
        return try response.decode(Components.Schemas.AllocationRun.self)
    }
}
