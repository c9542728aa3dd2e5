import AllotCore
import AllotStore
import AllotTestSupport
import Foundation

/// The allocation scenario of `AllotCoreTests/AllocationScenarioTests.swift` as real CUR files (legacy
/// CSV, one per organization), loaded through the ingest path, plus its rule set.
///
/// Σ per organization on every basis: wl-a 234, wl-b 166, mgmt 25. Amortized values come from the CUR
/// columns at ingest: DiscountedUsage → reservation/EffectiveCost, SavingsPlanCoveredUsage →
/// SavingsPlanEffectiveCost, RIFee → UnusedRecurringFee (4), SavingsPlanRecurringFee →
/// TotalCommitmentToDate − UsedCommitment (40 − 32 = 8), SavingsPlanNegation → 0.
enum AllocationScenarioCUR {
    static let a1 = "200000000001", a2 = "200000000002", holding = "200000000009"
    static let b1 = "300000000001", security = "100000000001"
    static let ri = "arn:aws:ec2:us-east-1:200000000009:reserved-instances/r-1"
    static let sp = "arn:aws:savingsplans::200000000009:savingsplan/sp-1"

    static let header = [
        "identity/LineItemId", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "bill/InvoiceId", "bill/BillingEntity",
        "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate",
        "lineItem/ProductCode", "lineItem/UsageAmount", "lineItem/UnblendedCost", "pricing/publicOnDemandCost",
        "reservation/ReservationARN", "reservation/EffectiveCost", "reservation/UnusedRecurringFee",
        "savingsPlan/SavingsPlanARN", "savingsPlan/SavingsPlanEffectiveCost", "savingsPlan/TotalCommitmentToDate",
        "savingsPlan/UsedCommitment", "resourceTags/user:team", "resourceTags/user:cost_center",
    ]

    struct Row {
        var account: String
        var type: String
        var product: String
        var cost: String
        var onDemand = ""
        var riARN = "", riEffective = "", riUnused = ""
        var spARN = "", spEffective = "", spTotal = "", spUsed = ""
        var team = "", costCenter = ""
        var entity = "AWS"
    }

    static let rows: [String: (payer: String, rows: [Row])] = [
        "wl-a": (
            "200000000000",
            [
                Row(account: a1, type: "Usage", product: "AmazonEC2", cost: "96", team: "web"),
                Row(account: a1, type: "DiscountedUsage", product: "AmazonEC2", cost: "0", onDemand: "50", riARN: ri, riEffective: "30", team: "web"),
                Row(
                    account: a1, type: "SavingsPlanCoveredUsage", product: "AmazonEC2", cost: "40", onDemand: "40", spARN: sp, spEffective: "24",
                    team: "web"),
                Row(account: a1, type: "SavingsPlanNegation", product: "AmazonEC2", cost: "-40", spARN: sp, team: "web"),
                Row(account: a1, type: "Tax", product: "AmazonEC2", cost: "6"),
                Row(account: a1, type: "Credit", product: "AmazonEC2", cost: "-12"),
                Row(account: a2, type: "Usage", product: "AmazonRDS", cost: "60", team: "data"),
                Row(
                    account: a2, type: "DiscountedUsage", product: "AmazonEC2", cost: "0", onDemand: "20", riARN: ri, riEffective: "10", team: "data"),
                Row(
                    account: a2, type: "SavingsPlanCoveredUsage", product: "AmazonEC2", cost: "20", onDemand: "20", spARN: sp, spEffective: "8",
                    team: "data"),
                Row(account: a2, type: "SavingsPlanNegation", product: "AmazonEC2", cost: "-20", spARN: sp, team: "data"),
                Row(account: holding, type: "RIFee", product: "AmazonEC2", cost: "44", riARN: ri, riUnused: "4"),
                Row(
                    account: holding, type: "SavingsPlanRecurringFee", product: "ComputeSavingsPlans", cost: "40", spARN: sp, spTotal: "40",
                    spUsed: "32"),
            ]
        ),
        "wl-b": (
            "300000000000",
            [
                Row(account: b1, type: "Usage", product: "AmazonEC2", cost: "122", costCenter: "CC-200"),
                Row(account: b1, type: "Usage", product: "AmazonS3", cost: "13"),
                Row(account: b1, type: "Usage", product: "prod-widget", cost: "16", costCenter: "CC-100", entity: "AWS Marketplace"),
                Row(account: "300000000000", type: "Fee", product: "AWSSupportBusiness", cost: "15"),
            ]
        ),
        "mgmt": (
            "100000000000",
            [
                Row(account: security, type: "Usage", product: "AmazonGuardDuty", cost: "20"),
                Row(account: security, type: "Usage", product: "AWSSecurityHub", cost: "5"),
            ]
        ),
    ]

    /// Writes one organization's CUR for `period` (`2026-06`) into a new temporary directory; returns the file.
    static func write(org: String, period: String) throws -> String {
        let (payer, lines) = rows[org] ?? ("", [])
        let start = "\(period)-01T00:00:00Z"
        let end = "\(period)-01T01:00:00Z"
        var text = header.joined(separator: ",") + "\n"
        for (index, row) in lines.enumerated() {
            let fields = [
                "\(org)-\(index)", payer, start, "INV-\(org)", row.entity, row.account, row.type, start, end, row.product, "1",
                row.cost, row.onDemand, row.riARN, row.riEffective, row.riUnused, row.spARN, row.spEffective, row.spTotal,
                row.spUsed, row.team, row.costCenter,
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        let directory = NSTemporaryDirectory() + "allot-allocation-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/\(org)-\(period).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The scenario's rule set (see the core tests for the hand computation).
    static func configuration(policies: AllocationPolicies = AllocationPolicies(), sharedCosts: [SharedCostRule] = []) -> AllotConfiguration {
        AllotConfiguration(
            organizations: [
                OrganizationDeclaration(id: "mgmt", name: "Management", payer: "100000000000"),
                OrganizationDeclaration(id: "wl-a", name: "Workload A", payer: "200000000000"),
                OrganizationDeclaration(id: "wl-b", name: "Workload B", payer: "300000000000"),
            ],
            accounts: [AccountDeclaration(id: security, name: "sec-tooling", kind: .shared)],
            holdingAccounts: [HoldingAccountDeclaration(account: holding, bu: "central")],
            businessUnits: [
                BusinessUnitDeclaration(id: "engineering", children: [BusinessUnitDeclaration(id: "web"), BusinessUnitDeclaration(id: "data")]),
                BusinessUnitDeclaration(id: "central"),
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
            ],
            policies: policies, sharedCosts: sharedCosts)
    }

    /// Applies `configuration` as a rule-set version effective from `effectiveFrom` (default: every period).
    @discardableResult
    static func apply(_ configuration: AllotConfiguration, effectiveFrom: BillingPeriod? = nil, to database: TestDatabase) async throws -> Int? {
        let text = try ConfigurationText.json(configuration)
        let result = try await RuleSets(client: database.client, logger: TestDatabase.logger)
            .apply(configuration, sourceText: text, effectiveFrom: effectiveFrom ?? RuleSets.beginning, appliedBy: "tests")
        return result.version
    }

    /// Ingests the three organizations' CURs for `period`.
    static func ingest(period: String, into database: TestDatabase) async throws {
        for org in ["mgmt", "wl-a", "wl-b"] {
            _ = try await database.ingest([try write(org: org, period: period)], create: false)
        }
    }
}
