import AllotCore
import AllotGenerator
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// Generated deliveries load exactly what the generator says it wrote (its summary.json), and an account that moves
/// between organizations mid-month gets one observed membership interval in each.
@Suite struct GeneratedDeliveryTests {
    /// A group's rows and sums on each cost basis.
    struct Totals: Equatable {
        var key: String
        var rows: Int
        var unblended, netUnblended, amortized, netAmortized: Amount
    }

    /// The `small` preset: two organizations, one day; account 111100000006 moves from alpha to beta at 12:00 and
    /// holding account 222200000002 from beta to alpha at 16:00.
    static let small = Result { try generate(.small) }
    /// The `demo` preset: three organizations, October 2026; 200000000015 moves from retail to data on the 16th.
    static let demo = Result { try generate(.demo) }

    static func generate(_ preset: ScenarioPreset) throws -> (directory: String, summary: GenerationSummary) {
        let directory = NSTemporaryDirectory() + "allot-generated-" + UUID().uuidString
        let options = GeneratorOptions(output: directory, format: .legacyCSV, seed: nil, restated: false, rowsPerFile: 1_000_000)
        return (directory, try CURGenerator(scenario: try preset.scenario(), options: options).generate())
    }

    static func ingestAll(_ db: TestDatabase, _ run: Result<(directory: String, summary: GenerationSummary), any Error>)
        async throws -> GenerationSummary
    {
        let (directory, summary) = try run.get()
        for delivery in summary.deliveries {
            let manifest = try #require(delivery.manifests.last)
            let outcome = try await db.ingest([directory + "/" + manifest])
            #expect(outcome.status == "ingested")
            #expect(outcome.delivery.rowCount == delivery.rows)
        }
        return summary
    }

    @Test(arguments: ["small", "demo"])
    func loadedTotalsAreThoseOfTheSummary(preset: String) async throws {
        try await TestDatabase.migrated { db in
            let summary = try await Self.ingestAll(db, preset == "small" ? Self.small : Self.demo)
            for delivery in summary.deliveries {
                for (column, key) in [("usage_account_id", \DeliverySummary.byAccount), ("invoice_id", \DeliverySummary.byInvoice)] {
                    let rows = try await db.client.query(
                        """
                        SELECT \(column) AS key, count(*) AS rows, sum(unblended_cost) AS unblended,
                               sum(net_unblended_cost) AS net_unblended, sum(amortized_cost) AS amortized,
                               sum(net_amortized_cost) AS net_amortized
                        FROM line_items WHERE payer_account_id = $1 GROUP BY 1 ORDER BY 1
                        """, [delivery.payerAccountId])
                    let loaded = try rows.map { row in
                        Totals(
                            key: try row.decode(String.self, "key"), rows: try row.decode(Int.self, "rows"),
                            unblended: try row.decode(Amount.self, "unblended"),
                            netUnblended: try row.decode(Amount.self, "net_unblended"),
                            amortized: try row.decode(Amount.self, "amortized"),
                            netAmortized: try row.decode(Amount.self, "net_amortized"))
                    }
                    let expected = delivery[keyPath: key].sorted { $0.key < $1.key }.map(Totals.init)
                    #expect(loaded == expected, "\(delivery.organization) by \(column)")
                }
                let invoiced = try await db.client.query(
                    "SELECT sum(unblended_cost) FROM line_items WHERE payer_account_id = $1", [delivery.payerAccountId]
                ).singleValue(Amount.self)
                #expect(invoiced == delivery.invoiceTotal)
                try await Self.verifyCommitmentIdentities(db, delivery)
            }
        }
    }

    @Test(arguments: ["small", "demo"])
    func moverHasAnObservedIntervalInEachOrganization(preset: String) async throws {
        try await TestDatabase.migrated { db in
            _ = try await Self.ingestAll(db, preset == "small" ? Self.small : Self.demo)
            let movers = preset == "small"
                ? [("111100000006", "111100000001", "222200000001", "2026-10-01 12:00:00+00"),
                   ("222200000002", "222200000001", "111100000001", "2026-10-01 16:00:00+00")]
                : [("200000000015", "200000000001", "300000000001", "2026-10-16 00:00:00+00")]
            for (account, first, second, at) in movers {
                let rows = try await db.client.query(
                    """
                    SELECT o.payer_account_id AS payer, lower(m.during) AS starts, upper(m.during) AS ends
                    FROM account_memberships m JOIN organizations o ON o.id = m.org_id
                    WHERE m.account_id = $1 AND m.source = 'observed' ORDER BY lower(m.during)
                    """, [account])
                #expect(try rows.map { try $0.decode(String.self, "payer") } == [first, second], "\(account)")
                let boundary = try await db.client.query("SELECT $1::timestamptz AS at", [at]).singleValue(Timestamp.self)
                #expect(try rows.first?.decode(Timestamp.self, "ends") == boundary, "\(account) leaves \(first)")
                #expect(try rows.last?.decode(Timestamp.self, "starts") == boundary, "\(account) joins \(second)")
            }
        }
    }
}

extension GeneratedDeliveryTests {
    /// The RI and Savings Plan identities of `reference/aws-billing-rules.md`, recomputed from the database: per RI
    /// and month, RIFee unblended + amortized upfront = Σ DiscountedUsage effective cost + unused recurring + unused
    /// amortized upfront; per Savings Plan and hour, Σ covered effective cost = used commitment ≤ total commitment.
    static func verifyCommitmentIdentities(_ db: TestDatabase, _ delivery: DeliverySummary) async throws {
        let payer = delivery.payerAccountId
        let fees = try await db.client.query(
            "SELECT count(*) FROM line_items WHERE payer_account_id = $1 AND line_item_type = 'RIFee'", [payer]
        ).singleValue(Int.self)
        #expect(fees == delivery.reservedInstances.count, "\(delivery.organization): RIFee rows")
        let reservations = try await db.client.query(
            """
            WITH used AS (
                SELECT commitment_arn, sum(ri_effective_cost) AS effective FROM line_items
                WHERE payer_account_id = $1 AND line_item_type = 'DiscountedUsage' GROUP BY 1)
            SELECT f.commitment_arn FROM line_items f LEFT JOIN used u USING (commitment_arn)
            WHERE f.payer_account_id = $1 AND f.line_item_type = 'RIFee'
              AND f.unblended_cost + coalesce(f.ri_amortized_upfront_fee, 0)
                  <> coalesce(u.effective, 0) + coalesce(f.ri_unused_recurring_fee, 0)
                     + coalesce(f.ri_unused_amortized_upfront_fee, 0)
            """, [payer])
        #expect(reservations.count == 0, "\(delivery.organization): RIs whose month does not add up")
        let plans = try await db.client.query(
            """
            WITH covered AS (
                SELECT commitment_arn, usage_start, sum(sp_effective_cost) AS effective FROM line_items
                WHERE payer_account_id = $1 AND line_item_type = 'SavingsPlanCoveredUsage' GROUP BY 1, 2)
            SELECT f.commitment_arn, f.usage_start FROM line_items f LEFT JOIN covered c USING (commitment_arn, usage_start)
            WHERE f.payer_account_id = $1 AND f.line_item_type = 'SavingsPlanRecurringFee'
              AND (coalesce(c.effective, 0) <> f.sp_used_commitment OR f.sp_used_commitment > f.sp_total_commitment_to_date)
            """, [payer])
        #expect(plans.count == 0, "\(delivery.organization): Savings Plan hours that do not add up")
        let hours = try await db.client.query(
            "SELECT count(*) FROM line_items WHERE payer_account_id = $1 AND line_item_type = 'SavingsPlanRecurringFee'", [payer]
        ).singleValue(Int.self)
        #expect(hours == delivery.savingsPlans.reduce(0) { $0 + $1.hours }, "\(delivery.organization): Savings Plan hours")
    }
}

extension GeneratedDeliveryTests.Totals {
    init(_ line: DeliverySummary.CostLine) {
        self.init(
            key: line.key, rows: line.rows, unblended: line.unblended, netUnblended: line.netUnblended,
            amortized: line.amortized, netAmortized: line.netAmortized)
    }
}
