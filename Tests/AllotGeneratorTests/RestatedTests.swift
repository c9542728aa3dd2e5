import AllotCore
import AllotGenerator
import Testing

/// `--restated` re-delivers the month with exactly the late credits added.
@Suite struct RestatedTests {
    @Test func restatedAddsExactlyTheLateCreditRows() throws {
        let original = try GeneratedRun.small.get()
        let restated = try GeneratedRun.smallRestated.get()
        for organization in ["alpha", "beta"] {
            let before = try original.items(organization)
            let after = try restated.items(organization)
            var remaining: [LineItem: Int] = [:]
            for item in after { remaining[item, default: 0] += 1 }
            for item in before {
                guard let count = remaining[item] else {
                    Issue.record("a row of \(organization) is missing from the restated delivery: \(item.type)")
                    continue
                }
                remaining[item] = count == 1 ? nil : count - 1
            }
            let added = remaining.flatMap { Array(repeating: $0.key, count: $0.value) }
            if organization == "alpha" {
                // The $2.50 service level credit of alpha-batch, on a credit memo.
                #expect(added.count >= 1)
                #expect(added.allSatisfy { $0.type == .credit && $0.usageAccountId == "111100000004" })
                #expect(added.reduce(Amount.zero) { $0 + $1.unblendedCost } == .of("-2.5"))
                #expect(Set(added.compactMap(\.invoiceId)).count == 1)
                #expect(added.first?.invoiceId?.hasPrefix("CM") == true)
            } else {
                #expect(added.isEmpty)
            }
            let originalDelivery = try original.delivery(organization)
            let restatedDelivery = try restated.delivery(organization)
            #expect(originalDelivery.deliveryId != restatedDelivery.deliveryId)
            IdentityChecks.verifyAll(after, restatedDelivery)
        }
        #expect(try restated.delivery("alpha").credits.contains { $0.late && $0.applied == .of("2.5") })
    }
}
