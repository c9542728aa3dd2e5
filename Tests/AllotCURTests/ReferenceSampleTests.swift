import AllotCore
import AllotTestSupport
import Testing

@testable import AllotCUR

/// The public CUR samples in `../shared/reference-data` (provenance in its SOURCES.md).
@Suite struct ReferenceSampleTests {
    @Test func focusConvertersSampleLoadsWithExactTotals() throws {
        let path = TestFiles.reference("focus-converters/sample-anonymous-aws-export-dataset.csv")
        let reader = try CURReader(paths: [path])
        let items = try reader.readAll()
        #expect(items.count == 1281)
        #expect(items.filter { $0.type == .usage }.count == 1269)
        #expect(items.filter { $0.type == .tax }.count == 12)
        // Computed independently with Python's decimal over the raw CSV:
        // sum(Decimal(r['lineItem/UnblendedCost'] or '0') for r in csv.DictReader(f)) == 1.68230869740
        #expect(try items.map(\.unblendedCost).sum() == Amount(parsing: "1.68230869740"))
        // Σ pricing/publicOnDemandCost, likewise: 3.35617269490; Σ tax rows: 0.08.
        #expect(try items.compactMap(\.publicOnDemandCost).sum() == Amount(parsing: "3.35617269490"))
        #expect(try items.filter { $0.type == .tax }.map(\.unblendedCost).sum() == Amount(parsing: "0.08"))
        // Only Usage and Tax rows: amortized = net amortized = unblended.
        #expect(try items.map(\.amortizedCost).sum() == Amount(parsing: "1.68230869740"))
        #expect(try items.map(\.netAmortizedCost).sum() == Amount(parsing: "1.68230869740"))
        let first = try #require(items.first)
        #expect(first.billingPeriodStart?.description == "2023-11-01T00:00:00Z")
        #expect(first.taxType == "Canada Tax")
        #expect(first.legalEntity == "Amazon Web Services Canada, Inc.")
        #expect(first.payerAccountId == "123412340534")
        #expect(reader.header?.namingScheme == .legacy)
    }

    /// koku's fixtures invent account ids of 13 and 6 digits; the tests below read copies with 12-digit ones.
    @Test func kokuInventedAccountIdsAreRefused() throws {
        let path = TestFiles.reference("koku/aws/2023-06-01.csv")
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(
            error?.problems.prefix(2).map(\.description) == [
                "\(path):2: column 'bill/PayerAccountId': \"0099999999999\" is not an AWS account id (12 digits)",
                "\(path):2: column 'lineItem/UsageAccountId': \"0099999999999\" is not an AWS account id (12 digits)",
            ])
        #expect(error?.problems.count == 6)  // 3 rows, two columns each
    }

    @Test func kokuSavingsPlanSample() throws {
        let reader = try CURReader(
            paths: [ProjectPaths.referenceFile("koku/aws/2023-06-01.csv", accountIds: ProjectPaths.kokuAccountIds)])
        let items = try reader.readAll()
        let header = try #require(reader.header)
        #expect(header.columns.count == 201)
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0.type == .savingsPlanCoveredUsage })
        // 3 rows × lineItem/UnblendedCost 10 = 30.
        #expect(items.map(\.unblendedCost).sum() == 30)
        // SavingsPlanCoveredUsage rows take savingsPlan/SavingsPlanEffectiveCost: 3 × 0.1 = 0.3.
        #expect(try items.map(\.amortizedCost).sum() == Amount(parsing: "0.3"))
        #expect(try items.map(\.netAmortizedCost).sum() == Amount(parsing: "0.3"))
        let item = try #require(items.first)
        #expect(item.currency == "NOK")
        #expect(item.usageStart.description == "2023-06-01T00:00:00Z")
        #expect(item.usageEnd?.description == "2023-06-01T01:00:00Z")
        #expect(item.region == "us-west-1")
        #expect(item.instanceType == "m5.large")
        #expect(item.instanceTypeFamily == "m5")
        #expect(item.operatingSystem == "Linux")
        #expect(item.tenancy == "Shared")
        #expect(item.preInstalledSoftware == "NA")
        #expect(item.productAttributes["product_name"] == "Amazon Elastic Compute Cloud")
        #expect(item.productAttributes["clock_speed"] == "2.8 GHz")
        #expect(item.costCategories == ["cost_env": "prod", "name": "compute", "qe_source": "aws-single"])
        #expect(item.costCategories.jsonText == #"{"cost_env":"prod","name":"compute","qe_source":"aws-single"}"#)
        // Cost category names are canonicalised in the header even where the rows leave them empty.
        #expect(
            header.costCategoryKeys == [
                "charge_type", "cost_center", "o_us", "organization", "cost_env", "name", "qe_source",
            ])
        // The fixture's `noTags/…` columns are not resource tags.
        #expect(item.tags.isEmpty)
        #expect(header.column(named: "savingsPlan/SavingsPlanArn")?.role == .field("savings_plan_savings_plan_a_r_n"))
        #expect(header.column(named: "pricing/OfferingClasspricing/PurchaseOption")?.role == .ignored)
    }

    @Test func athenaStyleColumnNames() throws {
        let reader = try CURReader(
            paths: [ProjectPaths.referenceFile("koku/aws/2022-07-01-alt-columns.csv", accountIds: ProjectPaths.kokuAccountIds)])
        let items = try reader.readAll()
        #expect(reader.header?.namingScheme == .athena)
        #expect(items.count == 2)
        let item = try #require(items.first)
        #expect(item.payerAccountId == "000000999999")
        #expect(item.usageAccountId == "000000999999")
        #expect(item.type == .usage)
        #expect(item.billingEntity == "AWS Marketplace")
        #expect(item.invoiceId == "1")
        #expect(item.billingPeriodStart?.description == "2022-07-01T00:00:00Z")
        #expect(item.billingPeriodEnd?.description == "2022-08-01T00:00:00Z")
        #expect(item.usageStart.description == "2022-07-01T00:00:00Z")
        #expect(item.usageEnd?.description == "2022-07-01T01:00:00Z")
        #expect(items[1].usageStart.description == "2022-07-01T01:00:00Z")
        #expect(item.productCode == "mra")
        #expect(item.usageType == "SoftwareUsage:t2.nano")
        #expect(item.resourceId == "arn:aws:ec2:us-east-1:589173575009:instance/i-055386473d0b3fc65")
        #expect(item.usageAmount == 1)
        #expect(item.unblendedCost == 0)
        #expect(item.legalEntity == "Red Hat, Inc.")
        #expect(item.region == "us-east-1")
        #expect(item.reservation.subscriptionId == "9243462038")
        #expect(item.reservation.effectiveCost == 0)
        #expect(item.savingsPlan.totalCommitmentToDate == 0)
        #expect(item.tags == ["aws_created_by": "IAMUser:fake:and"])
        #expect(item.productAttributes["product_name"] == "Red Hat® Enterprise Linux®")
        #expect(item.productAttributes["sku"] == "52KUDV3HNNAWJGTF")
    }

    @Test(arguments: [
        "koku/test_local_bucket/koku-local/20180801-20180901/koku-local-Manifest.json",
        "koku/test_local_bucket/koku-local/20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-Manifest.json",
    ])
    func kokuLocalBucketThroughManifest(manifest: String) throws {
        let delivery = try CURDelivery.resolve(TestFiles.reference(manifest))
        #expect(delivery.source == .legacyManifest)
        #expect(delivery.assemblyId == "16e57707-f9e3-49be-8be6-b84e684b5194")
        #expect(delivery.billingPeriod?.description == "2018-08")
        #expect(delivery.account == "6568388779672")
        #expect(delivery.files.count == 1)
        #expect(
            delivery.files.first?.path.hasSuffix(
                "20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz") == true)
        // The rows, from a copy with 12-digit account ids.
        let copy = try ProjectPaths.referenceFile(
            "koku/test_local_bucket/koku-local/20180801-20180901/16e57707-f9e3-49be-8be6-b84e684b5194/koku-local-1.csv.gz",
            accountIds: ProjectPaths.kokuAccountIds)
        let reader = try CURReader(paths: [copy])
        var rows = 0
        var total = Amount.zero
        var byPeriod: [String: Int] = [:]
        while let batch = try reader.nextBatch(maxRows: 1000) {
            rows += batch.count
            for item in batch {
                total += item.unblendedCost
                byPeriod[item.billingPeriod.description, default: 0] += 1
            }
        }
        #expect(rows == 13_380)
        // Python decimal (prec=200) over the gunzipped CSV gives 143227.763678187615017991050 exactly; six
        // values such as 2.5893953072562468e-05 have 21 fractional digits, which Amount rounds half-even
        // to 20. Quantising each value to 1e-20 (ROUND_HALF_EVEN) before summing gives:
        #expect(try total == Amount(parsing: "143227.76367818761501799106"))
        // The file spans three billing periods although the manifest names 2018-08.
        #expect(byPeriod == ["2018-06": 3300, "2018-07": 9304, "2018-08": 776])
        let progress = reader.progress
        #expect(progress.rows == 13_380)
        #expect(progress.filesCompleted == 1)
        #expect(progress.bytesRead == reader.delivery.totalBytes)
    }

    @Test func kokuTestCURWithAShortRowIsRejected() throws {
        let path = TestFiles.reference("koku/test_cur.csv.gz")
        let reader = try CURReader(paths: [path])
        let error = #expect(throws: CURReadError.self) { try reader.readAll() }
        #expect(error?.code == .invalidRows)
        #expect(error?.problems.first?.description == "\(path):2: 130 fields, but the header (line 1) has 131 columns")
        #expect(error?.problems.count == 10)
        #expect(error?.additionalProblemCount == 9)  // 19 rows, all short
    }
}
