import Testing

@testable import AllotCore

/// The per-row cost views of `reference/aws-billing-rules.md` §1.6 b (amortized) and e (net amortized).
@Suite struct LineItemAmortizationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let item: LineItem
        let amortized: Amount
        let netAmortized: Amount
        var testDescription: String { name }
    }

    static func amount(_ text: String) -> Amount {
        (try? Amount(parsing: text)) ?? Amount(units: Int128.min)
    }

    static func item(
        _ type: LineItemType, unblended: String, _ configure: (inout LineItem) -> Void = { _ in }
    ) -> LineItem {
        var item = LineItem(
            usageAccountId: "111122223333", type: type, usageStart: .epoch, unblendedCost: amount(unblended))
        configure(&item)
        return item
    }

    static func make(_ name: String, _ item: LineItem, _ amortized: String, _ net: String) -> Case {
        Case(name: name, item: item, amortized: amount(amortized), netAmortized: amount(net))
    }

    static let cases: [Case] = [
        // Usage keeps its unblended cost; net uses lineItem/NetUnblendedCost.
        make(
            "Usage with net", item(.usage, unblended: "12.5") { $0.reportedNetUnblendedCost = amount("11.25") }, "12.5",
            "11.25"),
        make("Usage without net falls back to unblended", item(.usage, unblended: "12.5"), "12.5", "12.5"),
        // SavingsPlanCoveredUsage: SP effective cost (8), net: NetSavingsPlanEffectiveCost (7.6).
        make(
            "SP covered usage",
            item(.savingsPlanCoveredUsage, unblended: "12") {
                $0.savingsPlan.effectiveCost = amount("8")
                $0.savingsPlan.netEffectiveCost = amount("7.6")
            }, "8", "7.6"),
        make(
            "SP covered usage without net",
            item(.savingsPlanCoveredUsage, unblended: "12") {
                $0.savingsPlan.effectiveCost = amount("8")
            }, "8", "8"),
        // A null effective cost contributes nothing, as in SUM(CASE …).
        make("SP covered usage without effective cost", item(.savingsPlanCoveredUsage, unblended: "12"), "0", "0"),
        // No Upfront: 10 − 8 = 2 unused; net ratio 9.5 / 10 → 2 × 0.95 = 1.9.
        make(
            "SP recurring fee, No Upfront",
            item(.savingsPlanRecurringFee, unblended: "10") {
                $0.savingsPlan.totalCommitmentToDate = amount("10")
                $0.savingsPlan.usedCommitment = amount("8")
                $0.savingsPlan.recurringCommitmentForBillingPeriod = amount("10")
                $0.savingsPlan.netRecurringCommitmentForBillingPeriod = amount("9.5")
                $0.savingsPlan.paymentOption = "No Upfront"
            }, "2", "1.9"),
        // All Upfront: 10 − 7 = 3; net ratio from the amortized upfront, 9 / 10 → 2.7.
        make(
            "SP recurring fee, All Upfront",
            item(.savingsPlanRecurringFee, unblended: "0") {
                $0.savingsPlan.totalCommitmentToDate = amount("10")
                $0.savingsPlan.usedCommitment = amount("7")
                $0.savingsPlan.amortizedUpfrontCommitmentForBillingPeriod = amount("10")
                $0.savingsPlan.netAmortizedUpfrontCommitmentForBillingPeriod = amount("9")
                $0.savingsPlan.recurringCommitmentForBillingPeriod = amount("0")
                $0.savingsPlan.paymentOption = "All Upfront"
            }, "3", "2.7"),
        // Partial Upfront uses the recurring ratio (CSP's approximation): 10 − 6 = 4; 4 × 4.5 / 5 = 3.6.
        make(
            "SP recurring fee, Partial Upfront",
            item(.savingsPlanRecurringFee, unblended: "5") {
                $0.savingsPlan.totalCommitmentToDate = amount("10")
                $0.savingsPlan.usedCommitment = amount("6")
                $0.savingsPlan.amortizedUpfrontCommitmentForBillingPeriod = amount("5")
                $0.savingsPlan.recurringCommitmentForBillingPeriod = amount("5")
                $0.savingsPlan.netRecurringCommitmentForBillingPeriod = amount("4.5")
                $0.savingsPlan.paymentOption = "Partial Upfront"
            }, "4", "3.6"),
        // Without net columns the ratio is 1; without a payment option, no recurring but some upfront
        // commitment means All Upfront: 10 − 4 = 6; 6 × 8 / 10 = 4.8.
        make(
            "SP recurring fee without net",
            item(.savingsPlanRecurringFee, unblended: "10") {
                $0.savingsPlan.totalCommitmentToDate = amount("10")
                $0.savingsPlan.usedCommitment = amount("8")
                $0.savingsPlan.recurringCommitmentForBillingPeriod = amount("10")
            }, "2", "2"),
        make(
            "SP recurring fee, payment option inferred",
            item(.savingsPlanRecurringFee, unblended: "0") {
                $0.savingsPlan.totalCommitmentToDate = amount("10")
                $0.savingsPlan.usedCommitment = amount("4")
                $0.savingsPlan.amortizedUpfrontCommitmentForBillingPeriod = amount("10")
                $0.savingsPlan.netAmortizedUpfrontCommitmentForBillingPeriod = amount("8")
            }, "6", "4.8"),
        // 1 × 1 / 3 rounds once, half-even, at the 20th place.
        make(
            "SP recurring fee, inexact ratio",
            item(.savingsPlanRecurringFee, unblended: "3") {
                $0.savingsPlan.totalCommitmentToDate = amount("3")
                $0.savingsPlan.usedCommitment = amount("2")
                $0.savingsPlan.recurringCommitmentForBillingPeriod = amount("3")
                $0.savingsPlan.netRecurringCommitmentForBillingPeriod = amount("1")
            }, "1", "0.33333333333333333333"),
        make("SP negation", item(.savingsPlanNegation, unblended: "-12"), "0", "0"),
        make(
            "SP upfront fee",
            item(.savingsPlanUpfrontFee, unblended: "8760") { $0.productCode = "ComputeSavingsPlans" }, "0", "0"),
        // DiscountedUsage: reservation/EffectiveCost (0.05), net: NetEffectiveCost (0.045).
        make(
            "RI discounted usage",
            item(.discountedUsage, unblended: "0") {
                $0.reservation.effectiveCost = amount("0.05")
                $0.reservation.netEffectiveCost = amount("0.045")
            }, "0.05", "0.045"),
        make(
            "RI discounted usage without net",
            item(.discountedUsage, unblended: "0") {
                $0.reservation.effectiveCost = amount("0.05")
            }, "0.05", "0.05"),
        // RIFee: unused upfront 0.5 + unused recurring 1 = 1.5; net 0.45 + 0.9 = 1.35.
        make(
            "RI fee",
            item(.riFee, unblended: "36") {
                $0.reservation.unusedAmortizedUpfrontFeeForBillingPeriod = amount("0.5")
                $0.reservation.unusedRecurringFee = amount("1")
                $0.reservation.netUnusedAmortizedUpfrontFeeForBillingPeriod = amount("0.45")
                $0.reservation.netUnusedRecurringFee = amount("0.9")
            }, "1.5", "1.35"),
        // COALESCE(net_a + net_b, …): one null net makes the sum null, so the gross pair is used.
        make(
            "RI fee with one net column",
            item(.riFee, unblended: "36") {
                $0.reservation.unusedAmortizedUpfrontFeeForBillingPeriod = amount("0.5")
                $0.reservation.unusedRecurringFee = amount("1")
                $0.reservation.netUnusedRecurringFee = amount("0.9")
            }, "1.5", "1.5"),
        make(
            "RI upfront fee (Fee with an RI ARN)",
            item(.fee, unblended: "1000") {
                $0.reservation.arn = "arn:aws:ec2:us-east-1:111122223333:reserved-instances/abc"
            }, "0", "0"),
        make(
            "Other fee (no RI ARN)", item(.fee, unblended: "100") { $0.reportedNetUnblendedCost = amount("95") }, "100",
            "95"),
        make("Fee with an empty RI ARN", item(.fee, unblended: "100") { $0.reservation.arn = "" }, "100", "100"),
        make(
            "Refund of a Compute Savings Plan",
            item(.refund, unblended: "-500") { $0.productCode = "ComputeSavingsPlans" }, "0", "0"),
        make("Other refund", item(.refund, unblended: "-20") { $0.productCode = "AmazonEC2" }, "-20", "-20"),
        make("Credit", item(.credit, unblended: "-30") { $0.reportedNetUnblendedCost = amount("-30") }, "-30", "-30"),
        make("Tax", item(.tax, unblended: "5"), "5", "5"),
        // Discount rows: amortized keeps unblended; net amortized is the net unblended (0 when AWS
        // folded the discount into the usage rows, the discount itself when there are no net columns).
        make(
            "EDP discount with net 0", item(.edpDiscount, unblended: "-3") { $0.reportedNetUnblendedCost = .zero },
            "-3", "0"),
        make("EDP discount without net", item(.edpDiscount, unblended: "-3"), "-3", "-3"),
        make(
            "Private rate discount",
            item(.privateRateDiscount, unblended: "-2") { $0.reportedNetUnblendedCost = .zero }, "-2", "0"),
        make("Bundled discount", item(.bundledDiscount, unblended: "-1"), "-1", "-1"),
        make("RI volume discount", item(.riVolumeDiscount, unblended: "-1"), "-1", "-1"),
        make("SPP discount", item(.sppDiscount, unblended: "-1"), "-1", "-1"),
        make("Distributor discount", item(.distributorDiscount, unblended: "-1"), "-1", "-1"),
        make("Unknown type", item(LineItemType(rawValue: "FlatRateSubscription"), unblended: "7"), "7", "7"),
    ]

    @Test(arguments: cases)
    func costViews(_ testCase: Case) {
        #expect(testCase.item.amortizedCost == testCase.amortized)
        #expect(testCase.item.netAmortizedCost == testCase.netAmortized)
    }

    /// §1.6 g: No Upfront SP, $10/h commitment, one hour; usage On-Demand $12, at SP rates $8.
    @Test func noUpfrontSavingsPlanWorkedCheck() {
        let rows = [
            Self.item(.savingsPlanCoveredUsage, unblended: "12") { $0.savingsPlan.effectiveCost = 8 },
            Self.item(.savingsPlanNegation, unblended: "-12"),
            Self.item(.savingsPlanRecurringFee, unblended: "10") {
                $0.savingsPlan.totalCommitmentToDate = 10
                $0.savingsPlan.usedCommitment = 8
            },
        ]
        // Unblended: 12 − 12 + 10 = 10. Amortized: 8 + 0 + (10 − 8) = 10; the unused 2 stays on the fee row.
        #expect(rows.map(\.unblendedCost).sum() == 10)
        #expect(rows.map(\.amortizedCost).sum() == 10)
        #expect(rows.map(\.amortizedCost) == [8, 0, 2])
    }

    /// §1.6 g: No Upfront RI at $0.05/h, 720-hour month, 700 hours used.
    @Test func noUpfrontReservedInstanceWorkedCheck() {
        let fee = Self.item(.riFee, unblended: "36") { $0.reservation.unusedRecurringFee = 1 }
        let usage = (0..<700).map { _ in
            Self.item(.discountedUsage, unblended: "0") { $0.reservation.effectiveCost = Self.amount("0.05") }
        }
        let rows = [fee] + usage
        // Unblended: 0.05 × 720 = 36 on the RIFee. Amortized: 700 × 0.05 = 35, plus unused 20 h × 0.05 = 1.
        #expect(rows.map(\.unblendedCost).sum() == 36)
        #expect(usage.map(\.amortizedCost).sum() == 35)
        #expect(rows.map(\.amortizedCost).sum() == 36)
        #expect(rows.map(\.netAmortizedCost).sum() == 36)
    }
}
