import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

@Suite struct IngestBehaviourTests {
    @Test func aSecondDeliveryReplacesTheFirstAndIdenticalFilesAreANoOp() async throws {
        try await TestDatabase.migrated { database in
            // First delivery: 48 hours × 1.25 = 60.00; second: 48 × 2.50 = 120.00.
            let first = try TinyCUR.write(TinyCUR.hourly(48, cost: "1.25"))
            let second = try TinyCUR.write(TinyCUR.hourly(48, cost: "2.50"))
            let one = try await database.ingest([first])
            #expect(one.status == "ingested")
            #expect(one.delivery.unblendedTotal == Amount(60))
            let again = try await database.ingest([first])
            #expect(again.status == "unchanged")
            #expect(again.delivery.id == one.delivery.id)
            let two = try await database.ingest([second])
            #expect(two.delivery.supersedes == one.delivery.id)
            #expect(try await database.sum("unblended_cost", org: "111111111111", period: "2026-06") == Amount(120))
            let deliveries = try await DeliveryRecord.list(database.client)
            #expect(deliveries.map(\.status) == ["current", "superseded"])
            #expect(deliveries.last?.supersededBy == two.delivery.id)
            // The previous delivery's table is gone: only one leaf under the period.
            let leaves = try await database.client.query(
                "SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE 'line_items_d%'")
            #expect(try leaves.singleValue(Int.self) == 1)
        }
    }

    @Test func readersSeeTheOldOrTheNewTotalsDuringTheSwap() async throws {
        try await TestDatabase.migrated(maxConnections: 2) { database in
            // 40,000 rows × 0.5 = 20,000 before; 40,000 × 0.75 = 30,000 after.
            let before = try TinyCUR.write(TinyCUR.hourly(40_000, cost: "0.5"))
            let after = try TinyCUR.write(TinyCUR.hourly(40_000, cost: "0.75"))
            _ = try await database.ingest([before])
            let observed = Locked<[Amount]>([])
            let stop = Locked(false)
            let reader = database.makeClient(maxConnections: 1)
            let watcher = Task {
                while !stop.current {
                    let total = try await reader.query(
                        "SELECT coalesce(sum(unblended_cost), 0) AS total FROM line_items WHERE org_id = '111111111111'"
                    ).singleValue(Amount.self)
                    observed.withLock { $0.append(total) }
                }
            }
            _ = try await database.ingest([after])
            // Keep reading a little after the swap.
            try await Task.sleep(for: .milliseconds(200))
            stop.withLock { $0 = true }
            try await watcher.value
            await reader.close()
            let totals = observed.current
            #expect(totals.count > 5)
            #expect(Set(totals).isSubset(of: [Amount(20_000), Amount(30_000)]))
            #expect(totals.first == Amount(20_000))
            #expect(totals.last == Amount(30_000))
        }
    }

    @Test func anUnknownPayerIsRefusedWithTheKnownOrganizations() async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.ingest([try TinyCUR.write(TinyCUR.hourly(2, cost: "1"))])
            var stranger = TinyCUR.Row()
            stranger.payer = "999999999999"
            let before = try await StoreSnapshot.take(database.client)
            let error = await #expect(throws: IngestError.self) {
                try await database.ingest([try TinyCUR.write([stranger])], create: false)
            }
            #expect(error?.code == .unknownOrganization)
            #expect(error?.description == "payer account 999999999999 is not a registered organization; known organizations: "
                + "111111111111 (payer 111111111111); add --create-org to register it")
            #expect(try await StoreSnapshot.take(database.client) == before)
        }
    }

    @Test func rowsOfAnotherPayerThanTheOrganizationsAreRefused() async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.ingest([try TinyCUR.write(TinyCUR.hourly(2, cost: "1"))])
            var foreign = TinyCUR.Row()
            foreign.payer = "999999999999"
            let before = try await StoreSnapshot.take(database.client)
            let error = await #expect(throws: IngestError.self) {
                try await database.ingest([try TinyCUR.write([foreign])], org: "111111111111")
            }
            #expect(error?.code == .payerMismatch)
            #expect(try await StoreSnapshot.take(database.client) == before)
        }
    }

    @Test func aBusyPeriodFailsAtOnceWithNoWait() async throws {
        try await TestDatabase.migrated { database in
            let path = try TinyCUR.write(TinyCUR.hourly(2, cost: "1"))
            _ = try await database.ingest([path])
            let period = try #require(BillingPeriod("2026-06"))
            let key = DeliveryIngest.lockKey(organization: "111111111111", period: period)
            let holder = database.makeClient(maxConnections: 1)
            try await holder.withAdvisoryLock(key: key) { _ in
                let error = await #expect(throws: IngestError.self) {
                    try await database.ingest([try TinyCUR.write(TinyCUR.hourly(3, cost: "1"))], wait: false)
                }
                #expect(error?.code == .busy)
            }
            await holder.close()
        }
    }

    @Test(arguments: BadInput.allCases)
    func badInputLeavesTheDatabaseUnchanged(_ input: BadInput) async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.ingest([try TinyCUR.write(TinyCUR.hourly(24, cost: "1"))])
            let before = try await StoreSnapshot.take(database.client)
            let path = try input.write()
            let error = await #expect(throws: IngestError.self) { try await database.ingest([path]) }
            #expect(error?.code == input.code)
            let message = error?.description ?? ""
            #expect(message.contains(input.expected.replacingOccurrences(of: "FILE", with: path)), "\(message)")
            #expect(try await StoreSnapshot.take(database.client) == before)
        }
    }
}
