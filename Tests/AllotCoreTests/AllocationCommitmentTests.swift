import Testing

@testable import AllotCore

/// Unused commitment and savings policies on `AllocationScenario` (amortized basis).
@Suite struct AllocationCommitmentTests {
    private typealias S = AllocationScenario

    @Test func unusedCommitmentStaysWithTheOwner() throws {
        // Unused RI 4 + unused SP 8 stay with the holding account's BU: web 160, data 200, central 65.
        let result = try S.allocate(policies: AllocationPolicies(unusedCommitment: .owner))
        #expect(result.totalsByBU == (try S.amounts(["web": "160.00", "data": "200.00", "central": "65.00"])))
        let unused = result.ledger.filter { $0.category == .commitmentUnused }
        #expect(unused.map(\.bu) == ["central", "central"])
    }

    @Test func unusedCommitmentSpreadOverConsumers() throws {
        // RI r-1 unused 4 over its consumers by covered cost, web 30 : data 10 → 3.00 / 1.00.
        // SP sp-1 unused 8 by covered cost, web 24 : data 8 → 6.00 / 2.00.
        // web 160 + 3 + 6 = 169.00; data 200 + 1 + 2 = 203.00; central 65 − 12 = 53.00; Σ 425.
        let result = try S.allocate(policies: AllocationPolicies(unusedCommitment: .consumers))
        #expect(result.totalsByBU == (try S.amounts(["web": "169.00", "data": "203.00", "central": "53.00"])))
        let unused = result.ledger.filter { $0.category == .commitmentUnused }
        #expect(
            unused == [
                LedgerEntry(
                    bu: "data", org: "wl-a", account: S.holding, productCode: "AmazonEC2", category: .commitmentUnused,
                    source: "unused commitment \(S.ri)", amount: Amount(1)),
                LedgerEntry(
                    bu: "data", org: "wl-a", account: S.holding, productCode: "ComputeSavingsPlans", category: .commitmentUnused,
                    source: "unused commitment \(S.sp)", amount: Amount(2)),
                LedgerEntry(
                    bu: "web", org: "wl-a", account: S.holding, productCode: "AmazonEC2", category: .commitmentUnused,
                    source: "unused commitment \(S.ri)", amount: Amount(3)),
                LedgerEntry(
                    bu: "web", org: "wl-a", account: S.holding, productCode: "ComputeSavingsPlans", category: .commitmentUnused,
                    source: "unused commitment \(S.sp)", amount: Amount(6)),
            ])
    }

    @Test func unusedCommitmentWithoutConsumersStaysWithTheOwner() throws {
        // Drop every covered line: nobody used r-1 or sp-1, so their 4 + 8 stay with central.
        let engine = try AllocationEngine(configuration: S.configuration(policies: AllocationPolicies(unusedCommitment: .consumers)))
        let groups = try S.groups(.amortized).filter { $0.lineItemType != .discountedUsage && $0.lineItemType != .savingsPlanCoveredUsage }
        let result = try engine.allocate(AllocationInput(groups: groups))
        let unused = result.ledger.filter { $0.category == .commitmentUnused }
        #expect(unused.map(\.bu) == ["central", "central"])
        #expect(unused.map(\.amount).sum() == Amount(12))
    }

    @Test func savingsPassThrough() throws {
        // Consumers keep their covered usage's effective cost: no savings-adjustment rows.
        let result = try S.allocate(policies: AllocationPolicies(savings: SavingsPolicy(mode: .passThrough)))
        #expect(result.totalsByBU == (try S.amounts(["web": "160.00", "data": "200.00", "central": "65.00"])))
        #expect(!result.ledger.contains { $0.category == .savingsAdjustment })
    }

    @Test func savingsRetainedCentrally() throws {
        // Savings = on-demand − effective: web RI 50 − 30 = 20, web SP 40 − 24 = 16 → 36;
        // data RI 20 − 10 = 10, data SP 20 − 8 = 12 → 22. Central is credited 36 + 22 = 58.
        // web 160 + 36 = 196.00; data 200 + 22 = 222.00; central 65 − 58 = 7.00; Σ 425.
        let result = try S.allocate(policies: AllocationPolicies(savings: SavingsPolicy(mode: .retainCentral, centralBU: "central")))
        #expect(result.totalsByBU == (try S.amounts(["web": "196.00", "data": "222.00", "central": "7.00"])))
        let adjustments = result.ledger.filter { $0.category == .savingsAdjustment }
        #expect(adjustments.allSatisfy { $0.org == "wl-a" && $0.source == "savings retained by central" })
        #expect(adjustments.filter { $0.bu == "central" }.map(\.amount).sum() == Amount(-58))
        #expect(adjustments.map(\.amount).sum() == .zero)
    }

    @Test func savingsShared50Percent() throws {
        // Half of each saving: web 36 / 2 = 18, data 22 / 2 = 11, central −29.
        // web 178.00; data 211.00; central 36.00; Σ 425.
        let policy = SavingsPolicy(mode: .share, centralBU: "central", sharePercent: "50")
        let result = try S.allocate(policies: AllocationPolicies(savings: policy))
        #expect(result.totalsByBU == (try S.amounts(["web": "178.00", "data": "211.00", "central": "36.00"])))
        #expect(result.ledger.filter { $0.category == .savingsAdjustment }.allSatisfy { $0.source == "savings shared 50 % with central" })
    }

    @Test func savingsShareIsExactDecimal() throws {
        // 33.5 % of web's RI saving 20 = 6.7; of its SP saving 16 = 5.36; data: 10 → 3.35, 12 → 4.02.
        // web 160 + 12.06 = 172.06; data 200 + 7.37 = 207.37; central 65 − 19.43 = 45.57; Σ 425.
        let policy = SavingsPolicy(mode: .share, centralBU: "central", sharePercent: "33.5")
        let result = try S.allocate(policies: AllocationPolicies(savings: policy))
        #expect(result.totalsByBU == (try S.amounts(["web": "172.06", "data": "207.37", "central": "45.57"])))
    }

    @Test func savingsPolicyIgnoredOnTheUnblendedBasis() throws {
        // Unblended: fees stay with the holding BU, no savings adjustments. web 96 + 40 − 40 + 6 − 12 + 16 = 106;
        // data 60 + 20 − 20 + 122 = 182; central 44 + 40 + 13 + 15 + 25 = 137; Σ 425.
        let policies = AllocationPolicies(
            costBasis: .unblended, unusedCommitment: .consumers, savings: SavingsPolicy(mode: .retainCentral, centralBU: "central"))
        let result = try S.allocate(policies: policies)
        #expect(result.totalsByBU == (try S.amounts(["web": "106.00", "data": "182.00", "central": "137.00"])))
        let fees = result.ledger.filter { $0.account == S.holding }
        #expect(fees.allSatisfy { $0.category == .fee && $0.bu == "central" })
        #expect(fees.map(\.amount).sum() == Amount(84))
    }
}
