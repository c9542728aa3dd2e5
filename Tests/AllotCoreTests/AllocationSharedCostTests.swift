import Testing

@testable import AllotCore

/// Shared-cost rules on `AllocationScenario` (amortized basis): the management org's security account
/// S (GuardDuty 20 + SecurityHub 5 = 25, directly mapped to central) is split over workload BUs.
///
/// Direct cost before shared costs (everything not taken by a shared rule): web 160, data 200, central
/// 65 − 25 = 40 (12 unused commitment in wl-a, 13 S3 and 15 support in wl-b).
@Suite struct AllocationSharedCostTests {
    private typealias S = AllocationScenario
    private static let source = SharedCostSource(accounts: [S.security])

    private func shared(_ result: AllocationResult) -> [String: Amount] {
        var totals: [String: Amount] = [:]
        for entry in result.ledger where entry.category == .shared("security") { totals[entry.bu, default: .zero] += entry.amount }
        return totals
    }

    @Test func evenOverListedBUs() throws {
        // 25 / 2 = 12.50 each to web and data: web 172.50; data 212.50; central 65 − 25 = 40.00; Σ 425.
        let rule = SharedCostRule(name: "security", source: Self.source, targets: SharedCostTargets(bus: ["web", "data"]), method: .even)
        let result = try S.allocate(sharedCosts: [rule])
        #expect(result.totalsByBU == (try S.amounts(["web": "172.50", "data": "212.50", "central": "40.00"])))
        #expect(shared(result) == (try S.amounts(["web": "12.5", "data": "12.5"])))
        // Rows keep the source's organization, account and product code: GuardDuty 20 → 10 + 10, SecurityHub 5 → 2.5 + 2.5.
        let web = result.ledger.filter { $0.bu == "web" && $0.category == .shared("security") }
        #expect(
            web == [
                LedgerEntry(
                    bu: "web", org: "mgmt", account: S.security, productCode: "AWSSecurityHub", category: .shared("security"),
                    source: "shared 'security' (even, 50 %)", amount: try Amount(parsing: "2.5")),
                LedgerEntry(
                    bu: "web", org: "mgmt", account: S.security, productCode: "AmazonGuardDuty", category: .shared("security"),
                    source: "shared 'security' (even, 50 %)", amount: Amount(10)),
            ])
        #expect(result.totalsByOrganization["mgmt"] == Amount(25))
    }

    @Test func proportionalOverBUsOfGivenOrganizations() throws {
        // Targets: every BU with direct spend in wl-a and wl-b — web 160, data 200, central 40 (Σ 400), across
        // organizations. 25 × 160/400 = 10.00; 25 × 200/400 = 12.50; 25 × 40/400 = 2.50.
        // web 170.00; data 212.50; central 40 + 2.50 = 42.50; Σ 425.
        let rule = SharedCostRule(
            name: "security", source: Self.source, targets: SharedCostTargets(orgs: ["wl-a", "wl-b"]), method: .proportional)
        let result = try S.allocate(sharedCosts: [rule])
        #expect(result.totalsByBU == (try S.amounts(["web": "170.00", "data": "212.50", "central": "42.50"])))
        #expect(shared(result) == (try S.amounts(["web": "10", "data": "12.5", "central": "2.5"])))
        let sources = Set(result.ledger.filter { $0.category.isShared }.map(\.source))
        #expect(
            sources == ["shared 'security' (proportional, 40 %)", "shared 'security' (proportional, 50 %)", "shared 'security' (proportional, 10 %)"])
    }

    @Test func fixedPercentages() throws {
        // web 60 % of 25 = 15.00, data 40 % = 10.00: web 175.00; data 210.00; central 40.00; Σ 425.
        let rule = SharedCostRule(
            name: "security", source: Self.source, targets: SharedCostTargets(bus: ["web", "data"]), method: .fixed,
            percentages: ["web": "60", "data": "40"])
        let result = try S.allocate(sharedCosts: [rule])
        #expect(result.totalsByBU == (try S.amounts(["web": "175.00", "data": "210.00", "central": "40.00"])))
        #expect(shared(result) == (try S.amounts(["web": "15", "data": "10"])))
    }

    @Test func allWithSpendAndFirstMatchingRule() throws {
        // Rule 1 takes the support fee (15, product code) over every BU with direct spend — web 160, data 200,
        // central 65 − 15 − 25 = 25 (Σ 385) — evenly: 5 each. Rule 2 takes S (25) to data. Rule 3 also
        // matches S by account but comes later: the first matching rule wins, so it takes nothing.
        // web 165; data 200 + 5 + 25 = 230; central 25 + 5 = 30; Σ 425.
        let rules = [
            SharedCostRule(
                name: "support", source: SharedCostSource(productCodes: ["AWSSupportBusiness"]), targets: SharedCostTargets(allWithSpend: true),
                method: .even),
            SharedCostRule(name: "security", source: Self.source, targets: SharedCostTargets(bus: ["data"]), method: .even),
            SharedCostRule(name: "later", source: SharedCostSource(accounts: [S.security]), targets: SharedCostTargets(bus: ["web"]), method: .even),
        ]
        let result = try S.allocate(sharedCosts: rules)
        #expect(result.totalsByBU == (try S.amounts(["web": "165", "data": "230", "central": "30"])))
        #expect(!result.ledger.contains { $0.category == .shared("later") })
    }

    @Test func ruleWithoutTargetsLeavesCostInPlace() throws {
        // No BU has direct spend in an organization that is not in the run: the security cost stays with central.
        let rule = SharedCostRule(name: "security", source: Self.source, targets: SharedCostTargets(orgs: ["elsewhere"]), method: .proportional)
        let result = try S.allocate(sharedCosts: [rule])
        #expect(result.totalsByBU == (try S.amounts(["web": "160", "data": "200", "central": "65"])))
        #expect(result.warnings == ["shared 'security': no target BU has direct spend; its costs stay with their BUs"])
    }

    @Test func fixedPercentagesMustSumTo100() throws {
        let rule = SharedCostRule(
            name: "security", source: Self.source, targets: SharedCostTargets(bus: ["web", "data"]), method: .fixed,
            percentages: ["web": "60", "data": "39"])
        #expect(throws: AllocationError.self) { try AllocationEngine(configuration: S.configuration(sharedCosts: [rule])) }
    }
}
