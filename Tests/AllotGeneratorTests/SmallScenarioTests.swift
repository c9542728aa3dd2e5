import AllotCore
import AllotGenerator
import Testing

/// The `small` preset read back from its files: every identity, and figures computed by hand.
@Suite struct SmallScenarioTests {
    let run: GeneratedRun

    init() throws {
        run = try GeneratedRun.small.get()
    }

    @Test(arguments: ["alpha", "beta"])
    func identitiesHold(organization: String) throws {
        let delivery = try run.delivery(organization)
        IdentityChecks.verifyAll(try run.items(delivery), delivery)
    }

    @Test func everyLineItemTypeAppears() throws {
        let types = Set(try run.items("alpha").map(\.type.rawValue) + run.items("beta").map(\.type.rawValue))
        #expect(
            types == [
                "Usage", "DiscountedUsage", "RIFee", "Fee", "SavingsPlanCoveredUsage", "SavingsPlanNegation",
                "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee", "Credit", "Tax", "EdpDiscount",
            ])
    }

    @Test func reservedInstanceFeesMatchHandArithmetic() throws {
        let alpha = try run.items("alpha")
        let beta = try run.items("beta")
        func fee(_ items: [LineItem], _ id: String) -> LineItem? {
            items.first { $0.type == .riFee && $0.reservation.arn?.hasSuffix(id) == true }
        }
        // Zonal m5.large ×2, 1yr No Upfront: 0.096 × 62 % = 0.05952 per hour; 2 × 24 h × 0.05952 = 2.85696.
        let zonal = try #require(fee(alpha, "00000000a001"))
        #expect(zonal.unblendedCost == .of("2.85696"))
        #expect(zonal.reservation.amortizedUpfrontFeeForBillingPeriod == .zero)
        #expect(zonal.reservation.totalReservedUnits == 48)
        // m5.2xlarge ×1, 1yr All Upfront, bought at 06:00: 0.384 × 58 % = 0.22272 per hour, nothing recurring;
        // 18 h × 0.22272 = 4.00896 amortized; upfront 0.22272 × 8,760 h = 1,951.0272 on a Purchase invoice.
        let flexible = try #require(fee(alpha, "00000000a002"))
        #expect(flexible.unblendedCost == .zero)
        #expect(flexible.reservation.amortizedUpfrontFeeForBillingPeriod == .of("4.00896"))
        #expect(flexible.usageStart == Timestamp(year: 2026, month: 10, day: 1, hour: 6))
        let upfront = try #require(alpha.first { $0.type == .fee && $0.reservation.arn?.hasSuffix("00000000a002") == true })
        #expect(upfront.unblendedCost == .of("1951.0272"))
        #expect(upfront.billType == "Purchase")
        #expect(upfront.invoiceId != zonal.invoiceId)
        // c5.xlarge ×2, 3yr Partial Upfront: 0.17 × 40 % = 0.068, half upfront: 0.034 + 0.034 per hour. Its
        // holding account moves from beta to alpha at 16:00: 2 × 16 h × 0.034 = 1.088 in beta, 2 × 8 h × 0.034
        // = 0.544 in alpha, for both the recurring fee and the amortized upfront.
        let inBeta = try #require(fee(beta, "00000000b001"))
        let inAlpha = try #require(fee(alpha, "00000000b001"))
        #expect(inBeta.unblendedCost == .of("1.088"))
        #expect(inBeta.reservation.amortizedUpfrontFeeForBillingPeriod == .of("1.088"))
        #expect(inBeta.usageAmount == 32)
        #expect(inAlpha.unblendedCost == .of("0.544"))
        #expect(inAlpha.usageAmount == 16)
        #expect(inAlpha.usageStart == Timestamp(year: 2026, month: 10, day: 1, hour: 16))
    }

    @Test func savingsPlanFeesMatchHandArithmetic() throws {
        let alpha = try run.items("alpha")
        let beta = try run.items("beta")
        func recurring(_ items: [LineItem], _ id: String) -> [LineItem] {
            items.filter { $0.type == .savingsPlanRecurringFee && $0.savingsPlan.arn?.hasSuffix(id) == true }
        }
        // Compute SP $0.40/h, 1yr Partial Upfront: $0.20 upfront-amortized + $0.20 recurring per hour,
        // 24 rows (24 × 0.20 = 4.80); the upfront fee is 0.20 × 8,760 h = 1,752.
        let compute = recurring(alpha, "00000000a003")
        #expect(compute.count == 24)
        #expect(compute.reduce(Amount.zero) { $0 + $1.unblendedCost } == .of("4.8"))
        #expect(compute.allSatisfy { $0.savingsPlan.totalCommitmentToDate == .of("0.4") })
        let upfront = try #require(alpha.first { $0.type == .savingsPlanUpfrontFee })
        #expect(upfront.unblendedCost == 1752)
        // EC2 Instance SP (c5) $0.25/h No Upfront, owned by the account that moves at 16:00: 16 hours
        // in beta (16 × 0.25 = 4), 8 in alpha (8 × 0.25 = 2).
        #expect(recurring(beta, "00000000b002").reduce(Amount.zero) { $0 + $1.unblendedCost } == 4)
        #expect(recurring(alpha, "00000000b002").reduce(Amount.zero) { $0 + $1.unblendedCost } == 2)
    }

    @Test func moverIsSplitAtTheMoveInstant() throws {
        let move = try #require(Timestamp(year: 2026, month: 10, day: 1, hour: 12))
        let mover = "111100000006"
        let alpha = try run.items("alpha").filter { $0.usageAccountId == mover && $0.type == .usage }
        let beta = try run.items("beta").filter { $0.usageAccountId == mover && $0.type == .usage }
        #expect(!alpha.isEmpty && !beta.isEmpty)
        #expect(alpha.allSatisfy { $0.usageStart < move })
        #expect(beta.allSatisfy { $0.usageStart >= move })
        // 12 hours each side, one row per service and hour at least.
        #expect(Set(alpha.map(\.usageStart)).count == 12)
        #expect(Set(beta.map(\.usageStart)).count == 12)
    }

    @Test func sharingOffAccountGetsNoCommitments() throws {
        let isolated = try run.items("alpha").filter { $0.usageAccountId == "111100000005" }
        #expect(!isolated.isEmpty)
        #expect(!isolated.contains { $0.type == .discountedUsage || $0.type == .savingsPlanCoveredUsage })
    }

    @Test func supportCreditsAndTax() throws {
        let alpha = try run.delivery("alpha")
        let beta = try run.delivery("beta")
        // Business support: 10 % of a few dollars of usage is below the $100 minimum.
        #expect(alpha.supportFee == 100)
        #expect(beta.supportFee == nil)
        // The $1,000 credit of beta-app is limited to its eligible charges; the late credit is absent.
        let migration = try #require(beta.credits.first { $0.account == "222200000003" })
        #expect(migration.granted == 1000)
        #expect(migration.applied > .zero && migration.applied < 1000)
        let applied = try run.items("beta").filter { $0.type == .credit && $0.usageAccountId == "222200000003" }
        #expect(applied.reduce(Amount.zero) { $0 - $1.unblendedCost } == migration.applied)
        #expect(!alpha.credits.contains { $0.late })
        // The mover's credit stays with alpha, where it was on the 1st (§6).
        #expect(alpha.credits.contains { $0.account == "111100000006" && $0.applied == .of("1.25") })
        // Tax rows are whole cents.
        for item in try run.items("alpha") where item.type == .tax {
            #expect(item.unblendedCost == item.unblendedCost.rounded(toPlaces: 2))
        }
    }
}
