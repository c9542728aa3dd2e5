import AllotCore
import AllotTestSupport
import Postgres
import Testing

@testable import AllotStore

/// Allocation runs end to end: CUR files → ingest → rule set → `AllocationRunner` → ledger in PostgreSQL.
@Suite struct AllocationRunTests {
    private typealias Scenario = AllocationScenarioCUR
    private static let june = BillingPeriod(year: 2026, month: 6) ?? RuleSets.beginning
    private static let july = BillingPeriod(year: 2026, month: 7) ?? RuleSets.beginning

    private func amounts(_ texts: [String: String]) throws -> [String: Amount] { try texts.mapValues { try Amount(parsing: $0) } }

    /// Σ ledger per BU of a run, summed by the database.
    private func totalsByBU(run: Int, _ client: PostgresClient) async throws -> [String: Amount] {
        var totals: [String: Amount] = [:]
        for total in try await AllocationLedger.totals(run: run, by: .category, client) { totals[total.bu, default: .zero] += total.amount }
        return totals
    }

    @Test func runsThroughTheWholePath() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.apply(Scenario.configuration(), to: db)
            try await Scenario.ingest(period: "2026-06", into: db)
            let run = try await AllocationRunner(client: db.client, logger: TestDatabase.logger).run(period: Self.june)
            #expect(run.status == .succeeded)
            #expect(run.organizations == ["mgmt", "wl-a", "wl-b"])
            #expect(run.costBasis == .amortized)
            #expect(run.inputDeliveries.map(\.org) == ["mgmt", "wl-a", "wl-b"])
            // Σ per org: wl-a 234, wl-b 166, mgmt 25, on the ledger and on the line items.
            let reconciliation = try #require(run.reconciliation)
            #expect(reconciliation.holds)
            #expect(reconciliation.organizations.map(\.ledger) == [Amount(25), Amount(234), Amount(166)])
            // Direct mapping as computed by hand in AllotCoreTests/AllocationScenarioTests: web 160, data 200, central 65.
            #expect(try await totalsByBU(run: run.id, db.client) == (try amounts(["web": "160", "data": "200", "central": "65"])))
            // Unmapped: the support fee (15) and B1's untagged S3 (13).
            #expect(run.unmapped?.map(\.amount) == [Amount(15), Amount(13)])
            #expect(run.businessUnits?.nodes.map(\.id) == ["engineering", "web", "data", "central"])
            #expect(try await AllocationRun.current(period: Self.june, db.client)?.id == run.id)
        }
    }

    @Test func policiesThroughTheWholePath() async throws {
        // Credits pooled across orgs and the security account split proportionally over wl-a/wl-b BUs.
        // Credits: −12 over eligible 150 : 200 : 50 → web −4.50, data −6.00, central −1.50.
        // Direct cost after credits: web 160 + 12 − 4.50 = 167.50; data 194; central 40 − 1.50 = 38.50 (Σ 400).
        // Security 25 × 167.5/400 = 10.46875; × 194/400 = 12.125; × 38.5/400 = 2.40625.
        // web 177.96875; data 206.125; central 38.50 + 2.40625 = 40.90625; Σ 425.
        try await TestDatabase.migrated { db in
            let configuration = Scenario.configuration(
                policies: AllocationPolicies(credits: CreditPolicy(mode: .pooled)),
                sharedCosts: [
                    SharedCostRule(
                        name: "security", source: SharedCostSource(accounts: [Scenario.security]),
                        targets: SharedCostTargets(orgs: ["wl-a", "wl-b"]), method: .proportional)
                ])
            try await Scenario.apply(configuration, to: db)
            try await Scenario.ingest(period: "2026-06", into: db)
            let run = try await AllocationRunner(client: db.client, logger: TestDatabase.logger).run(period: Self.june)
            #expect(
                try await totalsByBU(run: run.id, db.client)
                    == (try amounts(["web": "177.96875", "data": "206.125", "central": "40.90625"])))
            let shared = try await AllocationLedger.entries(run: run.id, db.client).filter { $0.category == .shared("security") }
            #expect(shared.allSatisfy { $0.org == "mgmt" && $0.account == Scenario.security })
        }
    }

    @Test(arguments: [
        // Unblended: savings and unused-commitment policies do not apply; fees stay with the holding BU.
        // Direct: web 96 + 40 − 40 + 6 − 12 + 16 = 106, data 60 + 20 − 20 + 122 = 182, central 44 + 40 + 13 + 15 +
        // 25 = 137. Credits pooled in wl-a by eligible spend (recurring RI/SP fees are eligible on this basis):
        // web 96 + 40 − 40 = 96, data 60 + 20 − 20 = 60, central 44 + 40 = 84 (Σ 240) → −4.80 / −3.00 / −4.20.
        // web 106 + 12 − 4.80 = 113.20; data 182 − 3 = 179; central 137 − 4.20 = 132.80; Σ 425.
        (CostBasis.unblended, ["web": "113.20", "data": "179.00", "central": "132.80"]),
        // Amortized: unused to consumers → web 169, data 203, central 53 (AllocationCommitmentTests); 12.5 % of
        // savings 36 / 22 → web +4.50, data +2.75, central −7.25 → 173.50 / 205.75 / 45.75. Credits pooled in
        // wl-a by eligible spend web 96 + 54 + 9 = 159, data 60 + 18 + 3 = 81, central 0 (Σ 240): −7.95 / −4.05.
        // web 173.50 + 12 − 7.95 = 177.55; data 205.75 − 4.05 = 201.70; central 45.75; Σ 425.
        (CostBasis.amortized, ["web": "177.55", "data": "201.70", "central": "45.75"]),
        // No discounts in the files: net amortized = amortized.
        (CostBasis.netAmortized, ["web": "177.55", "data": "201.70", "central": "45.75"]),
    ])
    func reconcilesOnEachBasis(basis: CostBasis, expected: [String: String]) async throws {
        try await TestDatabase.migrated { db in
            let configuration = Scenario.configuration(
                policies: AllocationPolicies(
                    costBasis: basis, unusedCommitment: .consumers, savings: SavingsPolicy(mode: .share, centralBU: "central", sharePercent: "12.5"),
                    credits: CreditPolicy(mode: .pooledPerOrg)))
            try await Scenario.apply(configuration, to: db)
            try await Scenario.ingest(period: "2026-06", into: db)
            let run = try await AllocationRunner(client: db.client, logger: TestDatabase.logger).run(period: Self.june)
            #expect(run.costBasis == basis)
            #expect(run.reconciliation?.holds == true)
            let ledgerTotal = try await db.client.query(
                "SELECT sum(amount) FROM allocation_ledger WHERE run_id = $1", [run.id]
            ).singleValue(Amount.self)
            let column = CostGroupQuery.column(basis)
            let lineTotal = try await db.client.query(
                "SELECT sum(\(column)) FROM line_items WHERE billing_period = '2026-06-01'"
            ).singleValue(Amount.self)
            #expect(ledgerTotal == lineTotal)
            #expect(lineTotal == Amount(425))
            #expect(try await totalsByBU(run: run.id, db.client) == (try amounts(expected)))
        }
    }
}
