import Testing

@testable import AllotCore

/// The invariant: for every organization, Σ ledger = Σ line items on the cost basis, exactly.
@Suite struct AllocationReconciliationTests {
    private typealias S = AllocationScenario

    /// Every policy variant at once, on each basis.
    private static func everything(_ basis: CostBasis) -> (AllocationPolicies, [SharedCostRule]) {
        let policies = AllocationPolicies(
            costBasis: basis, unusedCommitment: .consumers,
            savings: SavingsPolicy(mode: .share, centralBU: "central", sharePercent: "33.3333"),
            credits: CreditPolicy(mode: .pooled))
        let shared = [
            SharedCostRule(
                name: "security", source: SharedCostSource(accounts: [S.security]), targets: SharedCostTargets(orgs: ["wl-a", "wl-b"]),
                method: .proportional),
            SharedCostRule(
                name: "tax", source: SharedCostSource(lineItemTypes: ["Tax"]), targets: SharedCostTargets(allWithSpend: true), method: .even),
            SharedCostRule(
                name: "support", source: SharedCostSource(productCodes: ["AWSSupportBusiness"]), targets: SharedCostTargets(bus: ["web", "data"]),
                method: .fixed, percentages: ["web": "33.3", "data": "66.7"]),
        ]
        return (policies, shared)
    }

    @Test(arguments: CostBasis.allCases)
    func reconcilesOnEveryBasis(basis: CostBasis) throws {
        // Σ per org is 234 / 166 / 25 on every basis (see AllocationScenario); thirds and odd percentages make
        // the splits go to 20 places, and still nothing is lost or created.
        let (policies, shared) = Self.everything(basis)
        let result = try S.allocate(policies: policies, sharedCosts: shared)
        let reconciliation = Reconciliation(lineItems: try S.amounts(["wl-a": "234", "wl-b": "166", "mgmt": "25"]), entries: result.ledger)
        #expect(reconciliation.holds)
        try reconciliation.verify()
        #expect(result.ledger.map(\.amount).sum() == Amount(425))
    }

    @Test func resultsAreTheSameEveryRun() throws {
        let (policies, shared) = Self.everything(.amortized)
        let first = try S.allocate(policies: policies, sharedCosts: shared)
        for _ in 0..<20 {
            let engine = try AllocationEngine(configuration: S.configuration(policies: policies, sharedCosts: shared))
            // Group order must not matter.
            let again = try engine.allocate(AllocationInput(groups: Array(try S.groups(.amortized).reversed())))
            #expect(again == first)
        }
    }

    @Test func tamperedLedgerDoesNotVerify() throws {
        let result = try S.allocate()
        var ledger = result.ledger
        let index = try #require(ledger.firstIndex { $0.org == "wl-b" })
        ledger[index].amount += try Amount(parsing: "0.00000000000000000001")
        let reconciliation = Reconciliation(lineItems: try S.amounts(["wl-a": "234", "wl-b": "166", "mgmt": "25"]), entries: ledger)
        #expect(!reconciliation.holds)
        #expect(reconciliation.organizations.filter { !$0.holds }.map(\.org) == ["wl-b"])
        do {
            try reconciliation.verify()
            Issue.record("a tampered ledger verified")
        } catch let error as AllocationError {
            #expect(error.code == .notReconciled)
            #expect(error.message.contains("wl-b: ledger 166.00000000000000000001 ≠ line items 166"))
        }
    }

    @Test func missingOrganizationDoesNotVerify() throws {
        // A ledger without any mgmt row, or with a row in an organization that has no line items, fails.
        let ledger = try S.allocate().ledger.filter { $0.org != "mgmt" }
        #expect(!Reconciliation(lineItems: try S.amounts(["wl-a": "234", "wl-b": "166", "mgmt": "25"]), entries: ledger).holds)
        #expect(!Reconciliation(lineItems: try S.amounts(["wl-a": "234", "wl-b": "166"]), entries: try S.allocate().ledger).holds)
    }
}
