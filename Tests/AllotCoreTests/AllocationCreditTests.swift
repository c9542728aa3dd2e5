import Testing

@testable import AllotCore

/// Credit policies on `AllocationScenario` (amortized basis). The one credit, −12.00, is billed on A1
/// (web) in wl-a.
///
/// Credit-eligible spend (usage, covered usage, unused commitment; not Marketplace, tax, fees, credits):
/// - in wl-a: web 96 + 30 + 24 = 150; data 60 + 10 + 8 = 78; central 4 + 8 = 12 (unused); Σ 240.
/// - in all orgs: web 150 (Marketplace 16 excluded); data 78 + 122 = 200; central 12 + 13 (S3) + 25
///   (security) = 50 (support fee 15 excluded); Σ 400.
@Suite struct AllocationCreditTests {
    private typealias S = AllocationScenario

    private func credits(_ result: AllocationResult) -> [String: Amount] {
        var totals: [String: Amount] = [:]
        for entry in result.ledger where entry.category == .credit { totals[entry.bu, default: .zero] += entry.amount }
        return totals
    }

    @Test func creditsAsBilled() throws {
        // The credit stays with web (rule 'web account'): web 160, data 200, central 65.
        let result = try S.allocate(policies: AllocationPolicies(credits: CreditPolicy(mode: .asBilled)))
        #expect(result.totalsByBU == (try S.amounts(["web": "160.00", "data": "200.00", "central": "65.00"])))
        #expect(credits(result) == ["web": Amount(-12)])
    }

    @Test func creditsPooledPerOrganization() throws {
        // −12 over wl-a's eligible spend 150 : 78 : 12 (Σ 240): web −7.50, data −3.90, central −0.60.
        // web 160 + 12 − 7.50 = 164.50; data 200 − 3.90 = 196.10; central 65 − 0.60 = 64.40; Σ 425.
        let result = try S.allocate(policies: AllocationPolicies(credits: CreditPolicy(mode: .pooledPerOrg)))
        #expect(result.totalsByBU == (try S.amounts(["web": "164.50", "data": "196.10", "central": "64.40"])))
        #expect(credits(result) == (try S.amounts(["web": "-7.5", "data": "-3.9", "central": "-0.6"])))
        let rows = result.ledger.filter { $0.category == .credit }
        #expect(rows.allSatisfy { $0.org == "wl-a" && $0.account == S.a1 && $0.source == "credits pooled per org" })
    }

    @Test func creditsPooledAcrossOrganizations() throws {
        // −12 over all eligible spend 150 : 200 : 50 (Σ 400): web −4.50, data −6.00, central −1.50.
        // web 160 + 12 − 4.50 = 167.50; data 200 − 6 = 194.00; central 65 − 1.50 = 63.50; Σ 425.
        // The rows keep wl-a, where the credit was billed, so wl-a still reconciles on its own.
        let result = try S.allocate(policies: AllocationPolicies(credits: CreditPolicy(mode: .pooled)))
        #expect(result.totalsByBU == (try S.amounts(["web": "167.50", "data": "194.00", "central": "63.50"])))
        #expect(credits(result) == (try S.amounts(["web": "-4.5", "data": "-6", "central": "-1.5"])))
        #expect(result.ledger.filter { $0.category == .credit }.allSatisfy { $0.org == "wl-a" })
        #expect(result.totalsByOrganization == (try S.amounts(["wl-a": "234", "wl-b": "166", "mgmt": "25"])))
    }

    @Test func creditsDirected() throws {
        // All −12 to central: web 160 + 12 = 172.00; data 200.00; central 65 − 12 = 53.00; Σ 425.
        let result = try S.allocate(policies: AllocationPolicies(credits: CreditPolicy(mode: .directed, bu: "central")))
        #expect(result.totalsByBU == (try S.amounts(["web": "172.00", "data": "200.00", "central": "53.00"])))
        #expect(result.ledger.filter { $0.category == .credit }.map(\.source) == ["credits directed to central"])
    }

    @Test func creditWithoutEligibleSpendStaysAsBilled() throws {
        // A credit in mgmt when mgmt has only a tax line: nothing eligible in that org, so it stays (with a warning).
        let engine = try AllocationEngine(configuration: S.configuration(policies: AllocationPolicies(credits: CreditPolicy(mode: .pooledPerOrg))))
        let groups = [
            CostGroup(org: "mgmt", account: S.security, productCode: "AmazonGuardDuty", lineItemType: .tax, amount: Amount(3)),
            CostGroup(org: "mgmt", account: S.security, productCode: "AmazonGuardDuty", lineItemType: .credit, amount: Amount(-2)),
        ]
        let result = try engine.allocate(AllocationInput(groups: groups))
        #expect(result.totalsByBU == ["central": Amount(1)])
        #expect(result.warnings == ["credits of mgmt: no credit-eligible spend in the organization; left as billed"])
    }
}
