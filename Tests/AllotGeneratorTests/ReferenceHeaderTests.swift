import AllotCUR
import AllotCore
import AllotGenerator
import Foundation
import Testing

/// The generated legacy header spells its columns as the real samples do.
@Suite struct ReferenceHeaderTests {
    let header: [String]

    init() throws {
        let run = try GeneratedRun.small.get()
        let reader = try CURReader(delivery: CURDelivery.resolve(run.manifestPath(run.delivery("alpha"))))
        header = try #require(reader.header).columns.map(\.name)
    }

    @Test func columnsSharedWithTheKokuSampleAreSpelledIdentically() throws {
        let koku = try ReferenceData.csvHeader("koku/aws/2023-06-01.csv")
        let ice = try ReferenceData.manifestColumns("netflix-ice/manifest-2019-12.json")
        #expect(koku.count > 190)
        var shared = 0
        for name in header {
            let matches = (koku + ice).filter { $0.lowercased() == name.lowercased() }
            guard !matches.isEmpty else { continue }
            shared += 1
            // koku writes `savingsPlan/SavingsPlanArn` where AWS (the ice manifest) writes `…ARN`: one of
            // the real spellings must be ours.
            #expect(matches.contains(name), "\(name) is spelled \(matches) in the samples")
        }
        let inKoku = header.filter { koku.contains($0) }
        #expect(inKoku.count >= 110, "only \(inKoku.count) columns in common with koku")
        #expect(shared >= 130)
    }

    @Test func headerIsAsWideAsARealOneAndHasTheEssentialColumns() throws {
        #expect(header.count >= 130)
        for name in [
            "identity/LineItemId", "identity/TimeInterval", "bill/InvoiceId", "bill/BillingEntity", "bill/BillType",
            "bill/PayerAccountId", "lineItem/UsageAccountId", "lineItem/LineItemType", "lineItem/NormalizationFactor",
            "lineItem/NormalizedUsageAmount", "lineItem/NetUnblendedCost", "pricing/publicOnDemandCost",
            "pricing/publicOnDemandRate", "pricing/term", "product/instanceType", "product/instanceTypeFamily",
            "product/operatingSystem", "product/tenancy", "product/region", "reservation/ReservationARN",
            "reservation/EffectiveCost", "reservation/UnusedAmortizedUpfrontFeeForBillingPeriod",
            "savingsPlan/SavingsPlanARN", "savingsPlan/TotalCommitmentToDate", "savingsPlan/UsedCommitment",
            "savingsPlan/SavingsPlanEffectiveCost", "resourceTags/user:cost_center", "resourceTags/user:team",
        ] {
            #expect(header.contains(name), "\(name) is missing")
        }
    }

    @Test func cur2HeaderIsTheSnakeCaseOfTheLegacyOnePlusMapColumns() throws {
        let run = try GeneratedRun.generate(.small, format: .cur2CSV)
        let reader = try CURReader(delivery: CURDelivery.resolve(run.manifestPath(run.delivery("alpha"))))
        let names = try #require(reader.header).columns.map(\.name)
        for name in header where !name.hasPrefix("product/") && !name.hasPrefix("resourceTags/") && !name.hasPrefix("discount/") {
            #expect(names.contains(CURColumnName.snakeCase(name)), "\(name)")
        }
        for name in ["resource_tags", "product", "cost_category", "discount", "bill_payer_account_name",
                     "line_item_usage_account_name", "product_instance_type"] {
            #expect(names.contains(name))
        }
    }
}
