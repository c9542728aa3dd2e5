import AllotCore
import AllotGenerator
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// The commitment inventory that each ingest rewrites: every RI and Savings Plan of the generator's deliveries with
/// its owner, kind and organization intervals; a superseding delivery's contribution replacing the old one; observed
/// hours outside the owner's declared history reported as inconsistencies.
@Suite struct CommitmentInventoryTests {
    /// The `demo` preset: every commitment of the summary is listed with its owner and kind, observed in the
    /// organization whose delivery lists it for exactly the hours the summary gives.
    @Test func demoInventoryListsEveryCommitmentOfTheSummary() async throws {
        try await TestDatabase.migrated { db in
            let summary = try await GeneratedDeliveryTests.ingestAll(db, GeneratedDeliveryTests.demo)
            let inventory = CommitmentInventory(client: db.client)
            let listed = Dictionary(uniqueKeysWithValues: try await inventory.list().map { ($0.arn, $0) })
            var expected: [String: (owner: String, payer: String, hours: Int)] = [:]
            for delivery in summary.deliveries {
                for ri in delivery.reservedInstances { expected[ri.arn] = (ri.owner, delivery.payerAccountId, ri.hours) }
                for sp in delivery.savingsPlans { expected[sp.arn] = (sp.owner, delivery.payerAccountId, sp.hours) }
            }
            // The preset's holding accounts: 200000000002 with four RIs and two SPs, 300000000002 with one of each.
            #expect(expected.count == 8)
            #expect(Set(listed.keys) == Set(expected.keys))
            let observed = Dictionary(grouping: try await inventory.observed(), by: \.arn)
            for (arn, want) in expected {
                let commitment = try #require(listed[arn])
                #expect(commitment.ownerAccountId == want.owner, "\(arn)")
                #expect(commitment.organizations == [want.payer], "\(arn)")
                let intervals = observed[arn] ?? []
                #expect(intervals.map(\.organization) == [want.payer], "\(arn)")
                #expect(intervals.first?.hours == want.hours, "\(arn): hours in \(want.payer)")
            }
            // Kinds, by the preset's ids (…a0001–a0004, …b0001 RIs; …a0005, …b0002 Compute SPs; …a0006 EC2 Instance SP).
            let kinds = Dictionary(grouping: listed.values, by: \.kind).mapValues { $0.map { String($0.arn.suffix(4)) }.sorted() }
            #expect(kinds == ["standard-ri": ["0001", "0001", "0002", "0003", "0004"], "compute-sp": ["0002", "0005"], "ec2-instance-sp": ["0006"]])
            // The zonal RI (…a0002, c5.xlarge in us-east-1a, 2 × All Upfront) field by field.
            let zonal = try #require(listed.values.first { $0.arn.hasSuffix("0000000a0002") })
            #expect(zonal.availabilityZone == "us-east-1a")
            #expect(zonal.instanceType == "c5.xlarge")
            #expect(zonal.sizeFlexible == false)
            #expect(zonal.numberOfReservations == Amount(2))
            #expect(zonal.normalizedUnits == Amount(16))  // 2 × c5.xlarge (factor 8)
            #expect(zonal.term == "1yr")
            #expect(zonal.paymentOption == "All Upfront")
            #expect(zonal.starts?.description == "2026-05-15T00:00:00Z")
            let regional = try #require(listed.values.first { $0.arn.hasSuffix("0000000a0001") })
            #expect(regional.sizeFlexible == true)
            #expect(regional.normalizedUnits == Amount(64))  // 8 × m5.xlarge (factor 8)
            let windows = try #require(listed.values.first { $0.arn.hasSuffix("0000000a0004") })
            #expect(windows.sizeFlexible == false)
            let compute = try #require(listed.values.first { $0.arn.hasSuffix("0000000a0005") })
            #expect(compute.hourlyCommitment == Amount(3))
            #expect(compute.region == nil)
            #expect(compute.term == "3yr")
            let instanceSP = try #require(listed.values.first { $0.arn.hasSuffix("0000000a0006") })
            #expect(instanceSP.instanceTypeFamily == "m6i")
            #expect(instanceSP.hourlyCommitment == Amount("0.3"))
            #expect(try await inventory.list(organization: "300000000001").map(\.ownerAccountId) == ["300000000002", "300000000002"])
            #expect(try await inventory.list(period: BillingPeriod("2026-09")).isEmpty)
        }
    }

    /// The `small` preset declares where its holding accounts were; 222200000002 moves from beta to alpha at 16:00 and
    /// carries its RI and EC2 Instance SP: both show an observed and a declared interval in each organization.
    static func smallRules(moveAt: String) -> String {
        """
        version: 1
        organizations:
          - {id: alpha, name: Alpha, payer: "111100000001"}
          - {id: beta, name: Beta, payer: "222200000001"}
        holding-accounts:
          - account: "111100000002"
            bu: finops
            history: [{org: alpha, from: 2026-01-01}]
          - account: "222200000002"
            bu: finops
            history:
              - {org: beta, from: 2026-01-01, to: "\(moveAt)"}
              - {org: alpha, from: "\(moveAt)"}
        business-units:
          - {id: finops, name: FinOps}
        default-bu: finops
        """
    }

    @Test func movedHoldingAccountShowsBothIntervalsAndInconsistentHours() async throws {
        try await TestDatabase.migrated { db in
            _ = try await db.apply(Self.smallRules(moveAt: "2026-10-01T16:00:00Z"))
            _ = try await GeneratedDeliveryTests.ingestAll(db, GeneratedDeliveryTests.small)
            let inventory = CommitmentInventory(client: db.client)
            let moved = try await inventory.list().filter { $0.ownerAccountId == "222200000002" }
            #expect(moved.map(\.kind).sorted() == ["ec2-instance-sp", "standard-ri"])
            for commitment in moved {
                let detail = try #require(try await inventory.detail(arn: commitment.arn))
                #expect(detail.observed.map { "\($0.organization) \($0.span)" } == [
                    "beta 2026-10-01T00:00:00Z … 2026-10-01T16:00:00Z", "alpha 2026-10-01T16:00:00Z … 2026-10-02T00:00:00Z",
                ], "\(commitment.arn)")
                #expect(detail.declared.map { "\($0.organization) \($0.span)" } == [
                    "beta 2026-01-01T00:00:00Z … 2026-10-01T16:00:00Z", "alpha from 2026-10-01T16:00:00Z",
                ], "\(commitment.arn)")
                #expect(detail.inconsistencies.isEmpty, "\(commitment.arn)")
            }
            #expect(try await inventory.inconsistencies().isEmpty)

            // A history that moves the account two hours late: its commitments' 16:00–18:00 in alpha contradict it.
            _ = try await db.apply(Self.smallRules(moveAt: "2026-10-01T18:00:00Z"))
            let inconsistent = try await inventory.inconsistencies()
            #expect(Set(inconsistent.map(\.arn)) == Set(moved.map(\.arn)))
            #expect(inconsistent.map { "\($0.organization) \($0.span) \($0.hours ?? 0)" } == [
                "alpha 2026-10-01T16:00:00Z … 2026-10-01T18:00:00Z 2", "alpha 2026-10-01T16:00:00Z … 2026-10-01T18:00:00Z 2",
            ])
            #expect(try await inventory.detail(arn: moved[0].arn)?.inconsistencies.map(\.hours) == [2])
        }
    }

    /// The same deliveries written with CUR 2.0's column names (`reservation_*`, `savings_plan_*`, `pricing_*`) give the
    /// same inventory, field for field, as the legacy ones.
    @Test func cur2ColumnNamesGiveTheSameInventory() async throws {
        func inventory(_ format: DeliveryFormat) async throws -> [CommitmentRecord] {
            let directory = NSTemporaryDirectory() + "allot-generated-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let options = GeneratorOptions(output: directory, format: format, seed: nil, restated: false, rowsPerFile: 1_000_000)
            let run = Result { (directory: directory, summary: try CURGenerator(scenario: try ScenarioPreset.small.scenario(), options: options).generate()) }
            return try await TestDatabase.migrated { db in
                _ = try await GeneratedDeliveryTests.ingestAll(db, run)
                return try await CommitmentInventory(client: db.client).list()
            }
        }
        let legacy = try await inventory(.legacyCSV)
        #expect(legacy.count == 5)
        #expect(try await inventory(.cur2CSV) == legacy)
    }

    /// A corrected delivery of the same (organization, period) replaces what the first one said: a commitment only
    /// the first named disappears, one only the second names appears, and one both name keeps the second's fields.
    @Test func supersedingDeliveryReplacesItsContribution() async throws {
        try await TestDatabase.migrated { db in
            let ri = "arn:aws:ec2:us-east-1:333333333333:reserved-instances/ri-first"
            let sp = "arn:aws:savingsplans::333333333333:savingsplan/sp-second"
            let first = [
                ArnRow(type: "RIFee", arn: ri, offering: "convertible", cost: "10"),
                ArnRow(type: "DiscountedUsage", arn: ri, offering: "convertible", hour: 5, cost: "0"),
                ArnRow(type: "SavingsPlanRecurringFee", spArn: sp, spType: "ComputeSavingsPlans", cost: "1"),
            ]
            _ = try await db.ingest([try ArnRow.write(first)])
            let inventory = CommitmentInventory(client: db.client)
            #expect(try await inventory.list().map { "\($0.arn) \($0.kind)" } == ["\(ri) convertible-ri", "\(sp) compute-sp"])
            #expect(try await inventory.observed(arn: ri).map(\.hours) == [6])  // 00:00 … 06:00

            let second = [
                ArnRow(type: "SavingsPlanRecurringFee", spArn: sp, spType: "EC2InstanceSavingsPlans", hour: 2, cost: "1"),
                ArnRow(type: "Usage", cost: "3"),
            ]
            let outcome = try await db.ingest([try ArnRow.write(second)])
            #expect(outcome.delivery.supersedes != nil)
            #expect(try await inventory.list().map { "\($0.arn) \($0.kind)" } == ["\(sp) ec2-instance-sp"])
            #expect(try await inventory.observed().map { "\($0.arn) \($0.span)" } == [
                "\(sp) 2026-06-01T02:00:00Z … 2026-06-01T03:00:00Z"
            ])
            #expect(try await inventory.detail(arn: ri) == nil)
            let left = try await db.client.query("SELECT count(*) FROM commitment_observations").singleValue(Int.self)
            #expect(left == 1)
        }
    }
}

/// A legacy-CUR row of a few columns that names a commitment (TinyCUR's columns plus the commitment ones).
struct ArnRow {
    var type: String
    var arn = ""
    var offering = ""
    var spArn = ""
    var spType = ""
    var hour = 0
    var cost: String

    static let header = TinyCUR.header + [
        "reservation/ReservationARN", "pricing/OfferingClass", "savingsPlan/SavingsPlanARN", "savingsPlan/OfferingType",
    ]

    static func write(_ rows: [ArnRow]) throws -> String {
        let text = ([header] + rows.map { row in
            let start = String(format: "2026-06-01T%02d:00:00Z", row.hour)
            let end = String(format: "2026-06-01T%02d:00:00Z", row.hour + 1)
            var base = TinyCUR.Row(account: "333333333333", type: row.type, start: start, end: end, cost: row.cost)
            base.team = ""
            return base.fields + [row.arn, row.offering, row.spArn, row.spType]
        }).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        return try TinyCUR.write(text: text)
    }
}
