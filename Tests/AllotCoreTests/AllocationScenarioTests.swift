import Testing

@testable import AllotCore

/// The hand-computed scenario of the allocation tests: 2 workload organizations and a management
/// organization; a holding account with one RI and one Savings Plan; 4 BUs in a two-level tree
/// (engineering → web, data; central); tags; a credit, a tax, a support fee, a Marketplace charge, and a
/// shared security account in the management organization.
///
/// ```
/// org   account                 line                                   unblended  amortized  on-demand
/// wl-a  A1 200000000001 web     Usage EC2 (team=web)                        96         96
///                               DiscountedUsage R1 (team=web)                0         30        50
///                               SavingsPlanCoveredUsage S1 (team=web)       40         24        40
///                               SavingsPlanNegation S1 (team=web)          −40          0
///                               Tax                                          6          6
///                               Credit                                     −12        −12
///       A2 200000000002 data    Usage RDS (team=data)                       60         60
///                               DiscountedUsage R1 (team=data)               0         10        20
///                               SavingsPlanCoveredUsage S1 (team=data)      20          8        20
///                               SavingsPlanNegation S1 (team=data)         −20          0
///       H  200000000009 holding RIFee R1 (40 used + 4 unused)               44          4
///                               SavingsPlanRecurringFee S1 (32 used + 8)    40          8
/// wl-b  B1 300000000001         Usage EC2 (cost_center=CC-200)             122        122
///                               Usage S3 (untagged)                         13         13
///                               Usage Marketplace (cost_center=CC-100)      16         16
///       300000000000 (payer)    Fee AWSSupportBusiness                      15         15
/// mgmt  S  100000000001 sec-…   Usage GuardDuty                             20         20
///                               Usage SecurityHub                            5          5
/// ```
/// Σ per org on both bases: wl-a 234, wl-b 166, mgmt 25; all 425.
///
/// Direct mapping (rules: `security tooling` account-name sec-* → central; `team tag` in wl-a by
/// user_team; `cost centre` in wl-b by user_cost_center; `web account` A1 → web; default central;
/// holding account H → central), amortized basis:
/// - web: 96 + 30 + 24 + 6 − 12 (wl-a) + 16 (Marketplace, wl-b) = 160
/// - data: 60 + 10 + 8 (wl-a) + 122 (wl-b) = 200
/// - central: 4 + 8 (unused, holding) + 13 (S3, default) + 15 (support, default) + 25 (security) = 65
enum AllocationScenario {
    static let a1 = "200000000001", a2 = "200000000002", holding = "200000000009"
    static let b1 = "300000000001", payerB = "300000000000", security = "100000000001"
    static let ri = "arn:aws:ec2:us-east-1:200000000009:reserved-instances/r-1"
    static let sp = "arn:aws:savingsplans::200000000009:savingsplan/sp-1"

    struct Line {
        var org: String
        var account: String
        var product: String
        var type: LineItemType
        var arn: String? = nil
        var marketplace = false
        var tags: [String: String] = [:]
        var unblended: String
        var amortized: String
        var onDemand: String = "0"
    }

    static let lines: [Line] = [
        Line(org: "wl-a", account: a1, product: "AmazonEC2", type: .usage, tags: ["user_team": "web"], unblended: "96", amortized: "96"),
        Line(
            org: "wl-a", account: a1, product: "AmazonEC2", type: .discountedUsage, arn: ri, tags: ["user_team": "web"], unblended: "0",
            amortized: "30", onDemand: "50"),
        Line(
            org: "wl-a", account: a1, product: "AmazonEC2", type: .savingsPlanCoveredUsage, arn: sp, tags: ["user_team": "web"], unblended: "40",
            amortized: "24", onDemand: "40"),
        Line(
            org: "wl-a", account: a1, product: "AmazonEC2", type: .savingsPlanNegation, arn: sp, tags: ["user_team": "web"], unblended: "-40",
            amortized: "0"),
        Line(org: "wl-a", account: a1, product: "AmazonEC2", type: .tax, unblended: "6", amortized: "6"),
        Line(org: "wl-a", account: a1, product: "AmazonEC2", type: .credit, unblended: "-12", amortized: "-12"),
        Line(org: "wl-a", account: a2, product: "AmazonRDS", type: .usage, tags: ["user_team": "data"], unblended: "60", amortized: "60"),
        Line(
            org: "wl-a", account: a2, product: "AmazonEC2", type: .discountedUsage, arn: ri, tags: ["user_team": "data"], unblended: "0",
            amortized: "10", onDemand: "20"),
        Line(
            org: "wl-a", account: a2, product: "AmazonEC2", type: .savingsPlanCoveredUsage, arn: sp, tags: ["user_team": "data"], unblended: "20",
            amortized: "8", onDemand: "20"),
        Line(
            org: "wl-a", account: a2, product: "AmazonEC2", type: .savingsPlanNegation, arn: sp, tags: ["user_team": "data"], unblended: "-20",
            amortized: "0"),
        Line(org: "wl-a", account: holding, product: "AmazonEC2", type: .riFee, arn: ri, unblended: "44", amortized: "4"),
        Line(org: "wl-a", account: holding, product: "ComputeSavingsPlans", type: .savingsPlanRecurringFee, arn: sp, unblended: "40", amortized: "8"),
        Line(org: "wl-b", account: b1, product: "AmazonEC2", type: .usage, tags: ["user_cost_center": "CC-200"], unblended: "122", amortized: "122"),
        Line(org: "wl-b", account: b1, product: "AmazonS3", type: .usage, unblended: "13", amortized: "13"),
        Line(
            org: "wl-b", account: b1, product: "prod-widget", type: .usage, marketplace: true, tags: ["user_cost_center": "CC-100"], unblended: "16",
            amortized: "16"),
        Line(org: "wl-b", account: payerB, product: "AWSSupportBusiness", type: .fee, unblended: "15", amortized: "15"),
        Line(org: "mgmt", account: security, product: "AmazonGuardDuty", type: .usage, unblended: "20", amortized: "20"),
        Line(org: "mgmt", account: security, product: "AWSSecurityHub", type: .usage, unblended: "5", amortized: "5"),
    ]

    /// The lines as groups on a cost basis (net amortized = amortized here: no discounts).
    static func groups(_ basis: CostBasis) throws -> [CostGroup] {
        try lines.map { line in
            CostGroup(
                org: line.org, account: line.account, productCode: line.product, lineItemType: line.type,
                commitmentARN: line.arn, commitmentOwner: line.arn == nil ? nil : holding, isMarketplace: line.marketplace,
                tags: line.tags, amount: try Amount(parsing: basis == .unblended ? line.unblended : line.amortized),
                onDemandCost: try Amount(parsing: line.onDemand))
        }
    }

    /// The scenario's rule set with the given policies and shared-cost rules.
    static func configuration(policies: AllocationPolicies = AllocationPolicies(), sharedCosts: [SharedCostRule] = []) -> AllotConfiguration {
        AllotConfiguration(
            organizations: [
                OrganizationDeclaration(id: "mgmt", name: "Management", payer: "100000000000"),
                OrganizationDeclaration(id: "wl-a", name: "Workload A", payer: "200000000000"),
                OrganizationDeclaration(id: "wl-b", name: "Workload B", payer: payerB),
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
                    name: "team tag", match: LineMatch(orgs: ["wl-a"]),
                    buFromTag: TagToBU(tag: "user_team", values: ["web": "web", "data": "data"])),
                MappingRule(
                    name: "cost centre", match: LineMatch(orgs: ["wl-b"]),
                    buFromTag: TagToBU(tag: "user_cost_center", values: ["CC-100": "web", "CC-200": "data"])),
                MappingRule(name: "web account", match: LineMatch(accounts: [a1]), bu: "web"),
            ],
            policies: policies, sharedCosts: sharedCosts)
    }

    /// Allocates the scenario.
    static func allocate(
        policies: AllocationPolicies = AllocationPolicies(), sharedCosts: [SharedCostRule] = []
    ) throws -> AllocationResult {
        let engine = try AllocationEngine(configuration: configuration(policies: policies, sharedCosts: sharedCosts))
        return try engine.allocate(AllocationInput(groups: try groups(policies.costBasis)))
    }

    /// Expected amounts from text.
    static func amounts(_ texts: [String: String]) throws -> [String: Amount] {
        try texts.mapValues { try Amount(parsing: $0) }
    }
}

@Suite struct AllocationScenarioTests {
    @Test func inputTotalsPerOrganization() throws {
        // wl-a: 96 + 30 + 24 + 0 + 6 − 12 + 60 + 10 + 8 + 0 + 4 + 8 = 234; unblended: 96 + 0 + 40 − 40 + 6 − 12 + 60
        // + 0 + 20 − 20 + 44 + 40 = 234. wl-b: 122 + 13 + 16 + 15 = 166. mgmt: 20 + 5 = 25.
        for basis in CostBasis.allCases {
            let input = AllocationInput(groups: try AllocationScenario.groups(basis))
            #expect(input.totalsByOrganization == (try AllocationScenario.amounts(["wl-a": "234", "wl-b": "166", "mgmt": "25"])))
        }
    }

    @Test func directMappingPerBU() throws {
        let result = try AllocationScenario.allocate()
        #expect(result.totalsByBU == (try AllocationScenario.amounts(["web": "160", "data": "200", "central": "65"])))
        // The roll-up: engineering = web + data = 360; everything = 425.
        let rollUp = BusinessUnitTree(AllocationScenario.configuration()).rollUp(result.totalsByBU)
        #expect(rollUp["engineering"] == Amount(360))
        #expect(result.warnings.isEmpty)
    }

    @Test func unmappedCostIsReportedNotDropped() throws {
        let result = try AllocationScenario.allocate()
        // Only B1's untagged S3 (13) and the support fee on wl-b's payer (15) match no rule; largest first.
        #expect(
            result.unmapped == [
                UnmappedCost(org: "wl-b", account: AllocationScenario.payerB, productCode: "AWSSupportBusiness", amount: Amount(15), bu: "central"),
                UnmappedCost(org: "wl-b", account: AllocationScenario.b1, productCode: "AmazonS3", amount: Amount(13), bu: "central"),
            ])
        let defaulted = result.ledger.filter { $0.source == "default BU" }.map(\.amount).sum()
        #expect(defaulted == Amount(28))
    }

    @Test func holdingAccountLinesGoToItsBU() throws {
        let result = try AllocationScenario.allocate()
        let holding = result.ledger.filter { $0.account == AllocationScenario.holding }
        #expect(holding.allSatisfy { $0.bu == "central" && $0.category == .commitmentUnused && $0.source == "holding account 200000000009" })
        #expect(holding.map(\.amount).sum() == Amount(12))  // 4 unused RI + 8 unused SP
    }
}
