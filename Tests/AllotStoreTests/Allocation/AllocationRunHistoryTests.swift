import AllotCore
import AllotTestSupport
import Postgres
import Testing

@testable import AllotStore

/// Runs over time: rule-set versions per period, re-runs, failures that store nothing.
@Suite struct AllocationRunHistoryTests {
    private typealias Scenario = AllocationScenarioCUR
    private static let june = BillingPeriod(year: 2026, month: 6) ?? RuleSets.beginning
    private static let july = BillingPeriod(year: 2026, month: 7) ?? RuleSets.beginning

    private func runner(_ db: TestDatabase) -> AllocationRunner {
        AllocationRunner(client: db.client, logger: TestDatabase.logger)
    }

    @Test func laterRuleSetDoesNotChangeEarlierPeriods() async throws {
        try await TestDatabase.migrated { db in
            // v1 (every period): credits as billed. v2 from 2026-07: credits directed to central.
            let v1 = try await Scenario.apply(Scenario.configuration(), to: db)
            try await Scenario.ingest(period: "2026-06", into: db)
            try await Scenario.ingest(period: "2026-07", into: db)
            let juneBefore = try await runner(db).run(period: Self.june)
            let v2 = try await Scenario.apply(
                Scenario.configuration(policies: AllocationPolicies(credits: CreditPolicy(mode: .directed, bu: "central"))),
                effectiveFrom: Self.july, to: db)
            #expect(v1 != nil && v2 != nil && v1 != v2)

            let july = try await runner(db).run(period: Self.july)
            let juneAgain = try await runner(db).run(period: Self.june)
            #expect(juneBefore.ruleSetVersion == v1)
            #expect(juneAgain.ruleSetVersion == v1)
            #expect(july.ruleSetVersion == v2)
            // June keeps the credit with web (as billed); July's goes to central: web 160 + 12, central 65 − 12.
            let juneLedger = try await AllocationLedger.entries(run: juneAgain.id, db.client)
            #expect(juneLedger == (try await AllocationLedger.entries(run: juneBefore.id, db.client)))
            #expect(juneLedger.filter { $0.category == .credit }.map(\.bu) == ["web"])
            let julyCredits = try await AllocationLedger.entries(run: july.id, db.client).filter { $0.category == .credit }
            #expect(julyCredits.map(\.bu) == ["central"])
            // Re-running made a new run; the latest successful one is current.
            #expect(juneAgain.id > juneBefore.id)
            #expect(try await AllocationRun.current(period: Self.june, db.client)?.id == juneAgain.id)
            #expect(try await AllocationRun.list(period: Self.june, db.client).map(\.id) == [juneAgain.id, juneBefore.id])
        }
    }

    @Test func runThatDoesNotReconcileStoresNothing() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.apply(Scenario.configuration(), to: db)
            try await Scenario.ingest(period: "2026-06", into: db)
            let good = try await runner(db).run(period: Self.june)

            // A broken policy implementation, simulated: one cent more on one wl-b row.
            var broken = runner(db)
            broken.ledgerTransform = { ledger in
                var ledger = ledger
                if let index = ledger.firstIndex(where: { $0.org == "wl-b" }) { ledger[index].amount += Amount(minorUnits: 1, exponent: 2) }
                return ledger
            }
            do {
                _ = try await broken.run(period: Self.june)
                Issue.record("a ledger off by a cent was accepted")
            } catch let error as AllocationRunError {
                #expect(error.code == .notReconciled)
                #expect(error.message.contains("wl-b: ledger 166.01 ≠ line items 166"))
                let failedId = try #require(error.runId)
                let failed = try #require(try await AllocationRun.find(id: failedId, db.client))
                #expect(failed.status == .failed)
                #expect(failed.error == error.message)
                #expect(failed.reconciliation?.holds == false)
                let rows = try await db.client.query(
                    "SELECT count(*) FROM allocation_ledger WHERE run_id = $1", [failedId]
                ).singleValue(Int.self)
                #expect(rows == 0)
            }
            // The good run stays current.
            #expect(try await AllocationRun.current(period: Self.june, db.client)?.id == good.id)
        }
    }

    @Test func refusesWithoutDataOrRuleSet() async throws {
        try await TestDatabase.migrated { db in
            do {
                _ = try await runner(db).run(period: Self.june)
                Issue.record("ran without a rule set")
            } catch let error as AllocationRunError {
                #expect(error.code == .noRuleSet)
            }
            try await Scenario.apply(Scenario.configuration(), to: db)
            do {
                _ = try await runner(db).run(period: Self.june)
                Issue.record("ran without deliveries")
            } catch let error as AllocationRunError {
                #expect(error.code == .noDeliveries)
                // The run record is kept, failed, without ledger rows.
                let id = try #require(error.runId)
                #expect(try await AllocationRun.find(id: id, db.client)?.status == .failed)
            }
            try await Scenario.ingest(period: "2026-06", into: db)
            do {
                _ = try await runner(db).run(period: Self.june, organizations: ["wl-a", "nowhere"])
                Issue.record("ran for an organization without data")
            } catch let error as AllocationRunError {
                #expect(error.code == .noDeliveries)
                #expect(error.message.contains("nowhere"))
            }
            let partial = try await runner(db).run(period: Self.june, organizations: ["wl-a"])
            #expect(partial.organizations == ["wl-a"])
            #expect(partial.reconciliation?.organizations.map(\.ledger) == [Amount(234)])
        }
    }

    @Test func interruptedRunIsMarkedFailed() async throws {
        try await TestDatabase.migrated { db in
            try await Scenario.apply(Scenario.configuration(), to: db)
            try await Scenario.ingest(period: "2026-06", into: db)
            // A run left 'running' by a process that died.
            let stale = try await db.client.query(
                """
                INSERT INTO allocation_runs (billing_period, orgs, rule_set_version, cost_basis, status)
                VALUES ('2026-06-01', '{}', 1, 'amortized', 'running') RETURNING id
                """
            ).singleValue(Int.self)
            _ = try await runner(db).run(period: Self.june)
            let record = try #require(try await AllocationRun.find(id: stale, db.client))
            #expect(record.status == .failed)
            #expect(record.error?.hasPrefix("interrupted") == true)
        }
    }
}
