import AllotCore
import AllotGenerator
import Testing

/// The `demo` preset read back from its files: every identity in each of the three organizations,
/// and the mover split between the two workload organizations.
@Suite struct DemoScenarioTests {
    let run: GeneratedRun

    init() throws {
        run = try GeneratedRun.demo.get()
    }

    @Test(arguments: ["mgmt", "retail", "data"])
    func identitiesHold(organization: String) throws {
        let delivery = try run.delivery(organization)
        IdentityChecks.verifyAll(try run.items(delivery), delivery)
    }

    @Test func moverAppearsInBothWorkloadOrganizationsSplitAtTheMove() throws {
        let move = try #require(Timestamp(year: 2026, month: 10, day: 16))
        let mover = "200000000015"
        let retail = try run.items("retail").filter { $0.usageAccountId == mover }
        let data = try run.items("data").filter { $0.usageAccountId == mover }
        let hourly: Set<LineItemType> = [.usage, .discountedUsage, .savingsPlanCoveredUsage, .savingsPlanNegation]
        let retailUsage = retail.filter { hourly.contains($0.type) }
        let dataUsage = data.filter { hourly.contains($0.type) }
        #expect(!retailUsage.isEmpty && !dataUsage.isEmpty)
        #expect(retailUsage.allSatisfy { $0.usageStart < move })
        #expect(dataUsage.allSatisfy { $0.usageStart >= move })
        // 15 days (360 h) in retail, 16 days (384 h) in data.
        #expect(Set(retailUsage.map(\.usageStart)).count == 360)
        #expect(Set(dataUsage.map(\.usageStart)).count == 384)
        // Month-level rows (tax, EDP) of each side stay inside its membership.
        #expect(retail.allSatisfy { ($0.usageEnd ?? $0.usageStart) <= move })
        #expect(data.allSatisfy { $0.usageStart >= move })
        // Its credit is applied in retail, the organization it was in on the 1st (§6).
        #expect(retail.contains { $0.type == .credit })
        #expect(!data.contains { $0.type == .credit })
        #expect(try !run.items("mgmt").contains { $0.usageAccountId == mover })
    }

    @Test func holdingAccountCommitmentsApplyOnlyInTheirOrganization() throws {
        // The retail holding account's commitments cover only retail usage.
        for organization in ["mgmt", "data"] {
            let foreign = try run.items(organization).filter {
                ($0.reservation.arn ?? $0.savingsPlan.arn ?? "").contains(":200000000002:")
            }
            #expect(foreign.isEmpty, "retail commitments in \(organization)")
        }
        let retail = try run.delivery("retail")
        #expect(retail.reservedInstances.count == 4)
        #expect(retail.savingsPlans.count == 2)
        // The EC2 Instance SP bought on the 15th: 17 days of hourly rows, and its upfront fee
        // 0.30 × 8,760 h = 2,628 on its own Purchase invoice.
        let bought = try #require(retail.savingsPlans.first { $0.arn.hasSuffix("0000000a0006") })
        #expect(bought.hours == 17 * 24)
        let upfront = try run.items("retail").filter { $0.type == .savingsPlanUpfrontFee }
        #expect(upfront.map(\.unblendedCost) == [2628])
        #expect(upfront.first?.billType == "Purchase")
    }

    @Test func summaryMatchesTheDemoDocument() throws {
        #expect(run.summary.deliveries.map(\.organization) == ["mgmt", "retail", "data"])
        #expect(run.summary.deliveries.map(\.payerAccountId) == ["100000000001", "200000000001", "300000000001"])
        let accounts = Set(run.summary.deliveries.flatMap { $0.byAccount.map(\.key) })
        #expect(accounts.count == 50)
        // Enterprise support on mgmt: its usage is far below $150,000, so the $15,000 minimum applies.
        #expect(try run.delivery("mgmt").supportFee == 15_000)
    }
}
