import AllotCUR
import AllotCore
import AllotGenerator
import Foundation
import Testing

/// The files are where AWS puts them, the manifests name them, and large deliveries split.
@Suite struct DeliveryLayoutTests {
    @Test func legacyLayoutAndManifests() throws {
        let run = try GeneratedRun.small.get()
        let delivery = try run.delivery("alpha")
        let folder = "alpha/acme-alpha-cur/20261001-20261101"
        #expect(delivery.manifests == [
            "\(folder)/\(delivery.deliveryId)/acme-alpha-cur-Manifest.json", "\(folder)/acme-alpha-cur-Manifest.json",
        ])
        #expect(delivery.files.map(\.key) == ["\(folder)/\(delivery.deliveryId)/acme-alpha-cur-1.csv.gz"])
        for manifest in delivery.manifests {
            let resolved = try CURDelivery.resolve(run.directory + "/" + manifest)
            #expect(resolved.assemblyId == delivery.deliveryId)
            #expect(resolved.account == "111100000001")
            #expect(resolved.billingPeriod == BillingPeriod(year: 2026, month: 10))
            #expect(resolved.files.count == 1)
        }
    }

    @Test func cur2LayoutManifestAndMapColumns() throws {
        let run = try GeneratedRun.generate(.small, format: .cur2CSV)
        let delivery = try run.delivery("alpha")
        #expect(delivery.manifests == ["alpha/acme-alpha-cur/metadata/BILLING_PERIOD=2026-10/acme-alpha-cur-Manifest.json"])
        #expect(delivery.files.map(\.key) == ["alpha/acme-alpha-cur/data/BILLING_PERIOD=2026-10/acme-alpha-cur-00001.csv.gz"])
        let resolved = try CURDelivery.resolve(run.manifestPath(delivery))
        #expect(resolved.executionId == delivery.deliveryId)
        #expect(resolved.source == .dataExportsManifest)
        let items = try run.items(delivery)
        IdentityChecks.verifyAll(items, delivery)
        let web = try #require(items.first { $0.usageAccountId == "111100000003" && $0.instanceType != nil })
        #expect(web.tags["user_cost_center"] == "CC-100")
        #expect(web.tags["user_team"] == "web")
        #expect(web.instanceTypeFamily != nil)
        #expect(web.operatingSystem == "Linux")
        #expect(web.usageAccountName == "alpha-web")
        #expect(web.payerAccountName == "alpha-payer")
        // Same rows and sums as the legacy format of the same seed.
        let legacy = try GeneratedRun.small.get().delivery("alpha")
        #expect(delivery.totals == legacy.totals)
        #expect(delivery.byLineItemType == legacy.byLineItemType)
    }

    @Test func largeDeliveriesSplitIntoNumberedFiles() throws {
        let run = try GeneratedRun.generate(.small, rowsPerFile: 200)
        let delivery = try run.delivery("alpha")
        #expect(delivery.files.count == (delivery.rows + 199) / 200)
        #expect(delivery.files.dropLast().allSatisfy { $0.rows == 200 })
        #expect(delivery.files.map(\.key).last?.hasSuffix("-\(delivery.files.count).csv.gz") == true)
        let items = try run.items(delivery)
        #expect(items.count == delivery.rows)
        IdentityChecks.verifyAll(items, delivery)
    }
}
