import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// The real public CUR samples of `../shared/reference-data`, ingested end to end. Expected totals were
/// computed independently with Python's `decimal` over the raw CSV (Σ of the column as text; amortized
/// per the rules doc §1.6 b CASE).
@Suite struct RealSampleIngestTests {
    @Test func focusConvertersSampleWithTaxRows() async throws {
        try await TestDatabase.migrated { database in
            let path = ProjectPaths.referenceFile("focus-converters/sample-anonymous-aws-export-dataset.csv")
            let outcome = try await database.ingest([path])
            #expect(outcome.status == "ingested")
            #expect(outcome.delivery.organization == "123412340534")
            #expect(outcome.delivery.billingPeriod == "2023-11")
            #expect(outcome.delivery.rowCount == 1281)
            // python: sum(Decimal(r['lineItem/UnblendedCost'])) = 1.68230869740 (no SP/RI rows: amortized equal)
            #expect(outcome.delivery.unblendedTotal == Amount("1.6823086974"))
            #expect(outcome.delivery.amortizedTotal == Amount("1.6823086974"))
            #expect(try await database.sum("unblended_cost", org: "123412340534", period: "2023-11") == Amount("1.6823086974"))
            let types = try #require(outcome.reconciliation).byLineItemType.map { "\($0.key):\($0.rows)" }
            #expect(types == ["Tax:12", "Usage:1269"])
        }
    }


    @Test func kokuSavingsPlanSampleWith201Columns() async throws {
        try await TestDatabase.migrated { database in
            let outcome = try await database.ingest([
                try ProjectPaths.referenceFile("koku/aws/2023-06-01.csv", accountIds: ProjectPaths.kokuAccountIds)
            ])
            #expect(outcome.delivery.rowCount == 3)
            #expect(outcome.delivery.organization == "009999999999")
            // 3 SavingsPlanCoveredUsage rows, no negation rows: Σ unblended 30, Σ SP effective cost 0.3.
            #expect(outcome.delivery.unblendedTotal == Amount(30))
            #expect(outcome.delivery.amortizedTotal == Amount("0.3"))
            // The fixture's covered rows carry an effective cost but no SP ARN, so no commitment is recorded.
            let covered = try await database.client.query(
                """
                SELECT count(*) AS n FROM line_items
                WHERE org_id = '009999999999' AND line_item_type = 'SavingsPlanCoveredUsage' AND sp_effective_cost = 0.1
                  AND commitment_arn IS NULL
                """)
            #expect(try covered.singleValue(Int.self) == 3)
        }
    }

    @Test func kokuSnakeCaseColumns() async throws {
        try await TestDatabase.migrated { database in
            let outcome = try await database.ingest([
                try ProjectPaths.referenceFile("koku/aws/2022-07-01-alt-columns.csv", accountIds: ProjectPaths.kokuAccountIds)
            ])
            #expect(outcome.delivery.rowCount == 2)
            #expect(outcome.delivery.billingPeriod == "2022-07")
            #expect(outcome.delivery.unblendedTotal == .zero)
        }
    }

    @Test func manifestWhoseRowsSpanThreePeriodsIsRejected() async throws {
        try await TestDatabase.migrated { database in
            let before = try await StoreSnapshot.take(database.client)
            // As delivered, the rows are refused for their invented 13-digit account ids first.
            let manifest = ProjectPaths.referenceFile("koku/test_local_bucket/koku-local/20180801-20180901/koku-local-Manifest.json")
            let unreadable = await #expect(throws: IngestError.self) { try await database.ingest([manifest]) }
            #expect(unreadable?.code == .unreadable)
            #expect(unreadable?.description.contains("\"6568388779672\" is not an AWS account id (12 digits)") == true)
            // With 12-digit ids, the periods: the first row is of 2018-06; 9,304 rows of 2018-07 and 776 of 2018-08.
            let copy = try ProjectPaths.referenceFile(
                "koku/test_local_bucket/koku-local/20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz",
                accountIds: ProjectPaths.kokuAccountIds)
            let error = await #expect(throws: IngestError.self) { try await database.ingest([copy]) }
            #expect(error?.code == .outsideBillingPeriod)
            #expect(
                error?.description.contains("rows outside the billing period 2018-06: 2018-07 (9304 rows), 2018-08 (776 rows)")
                    == true, "\(error?.description ?? "")")
            #expect(try await StoreSnapshot.take(database.client) == before)
            // The delivery was read in full before its payer was registered: no organization, no record.
            #expect(try await DeliveryRecord.list(database.client).isEmpty)
            #expect(try await OrganizationRecord.all(database.client).isEmpty)
        }
    }

    @Test func fileWithOneFieldFewerThanItsHeaderIsRejected() async throws {
        try await TestDatabase.migrated { database in
            let before = try await StoreSnapshot.take(database.client)
            let error = await #expect(throws: IngestError.self) {
                try await database.ingest([ProjectPaths.referenceFile("koku/test_cur.csv.gz")])
            }
            #expect(error?.code == .unreadable)
            #expect(error?.description.contains("131") == true)
            #expect(error?.description.contains("130") == true)
            #expect(try await StoreSnapshot.take(database.client) == before)
        }
    }

    @Test func productAttributesAreKeptOncePerDistinctProductAndGoWithTheirDelivery() async throws {
        try await TestDatabase.migrated { database in
            let path = ProjectPaths.referenceFile("focus-converters/sample-anonymous-aws-export-dataset.csv")
            let one = try await database.ingest([path])
            // python: len({tuple(r[c] for c in product_columns) for r in rows}) = 212 over the 34 product/* columns;
            // SKU X7X4WxxxxxxDR9U5 is on 13 rows, with productFamily "Storage Snapshot", storageMedia "Amazon S3".
            let counts = try await database.client.query(
                """
                SELECT (SELECT count(*) FROM line_item_products WHERE delivery_id = $1) AS sets,
                       (SELECT count(*) FROM line_items_with_product WHERE product->>'sku' = 'X7X4WxxxxxxDR9U5'
                          AND product->>'storage_media' = 'Amazon S3' AND product->>'product_family' = 'Storage Snapshot'
                          AND region = 'us-east-2') AS snapshot_rows,
                       (SELECT count(*) FROM line_items WHERE product_key IS NULL) AS without
                """, [one.delivery.id])
            let row = try #require(counts.first)
            #expect(try row.decode(Int.self, "sets") == 212)
            #expect(try row.decode(Int.self, "snapshot_rows") == 13)
            #expect(try row.decode(Int.self, "without") == 0)

            // A second delivery for the period (the same values, respelled) replaces the first, its products too.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let restated = NSTemporaryDirectory() + "allot-restated-\(UUID().uuidString).csv"
            try text.replacingOccurrences(of: ",0.0,", with: ",0.00,").write(
                toFile: restated, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: restated) }
            let two = try await database.ingest([restated])
            #expect(two.delivery.supersedes == one.delivery.id)
            let kept = try await database.client.query(
                "SELECT delivery_id, count(*) AS n FROM line_item_products GROUP BY delivery_id")
            let perDelivery = try kept.map { [try $0.decode(Int.self, "delivery_id"), try $0.decode(Int.self, "n")] }
            #expect(perDelivery == [[two.delivery.id, 212]])
        }
    }
}
