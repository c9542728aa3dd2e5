import AllotCore
import AllotGenerator
import Testing

/// The identities of `reference/aws-billing-rules.md` §1.4–§1.6 and §6, recomputed from rows read
/// back with `CURReader`, independently of the generator's own sums.
enum IdentityChecks {
    /// Rows and the four cost views of a group.
    struct Sums: Equatable, CustomStringConvertible {
        var rows = 0
        var unblended = Amount.zero
        var netUnblended = Amount.zero
        var amortized = Amount.zero
        var netAmortized = Amount.zero

        mutating func add(_ item: LineItem) {
            rows += 1
            unblended += item.unblendedCost
            netUnblended += item.netUnblendedCost
            amortized += item.amortizedCost
            netAmortized += item.netAmortizedCost
        }

        init() {}

        init(_ line: DeliverySummary.CostLine) {
            rows = line.rows
            unblended = line.unblended
            netUnblended = line.netUnblended
            amortized = line.amortized
            netAmortized = line.netAmortized
        }

        var description: String { "\(rows) rows, \(unblended) / \(netUnblended) / \(amortized) / \(netAmortized)" }
    }

    /// Every check below.
    static func verifyAll(_ items: [LineItem], _ delivery: DeliverySummary) {
        verifyTotals(items, delivery)
        verifyReservedInstances(items, delivery)
        verifySavingsPlans(items, delivery)
        verifyNegations(items)
        verifyCredits(items)
        verifyReconciliation(items)
    }

    /// Rows and sums per line item type, account and invoice equal summary.json; Σ unblended is the
    /// invoice total and equals Σ net unblended.
    static func verifyTotals(_ items: [LineItem], _ delivery: DeliverySummary) {
        var total = Sums()
        var byType: [String: Sums] = [:]
        var byAccount: [String: Sums] = [:]
        var byInvoice: [String: Sums] = [:]
        for item in items {
            total.add(item)
            byType[item.type.rawValue, default: Sums()].add(item)
            byAccount[item.usageAccountId, default: Sums()].add(item)
            byInvoice[item.invoiceId ?? "", default: Sums()].add(item)
        }
        #expect(items.count == delivery.rows)
        #expect(total == Sums(delivery.totals))
        #expect(total.unblended == delivery.invoiceTotal)
        #expect(total.netUnblended == total.unblended)
        #expect(byType == Dictionary(uniqueKeysWithValues: delivery.byLineItemType.map { ($0.key, Sums($0)) }))
        #expect(byAccount == Dictionary(uniqueKeysWithValues: delivery.byAccount.map { ($0.key, Sums($0)) }))
        #expect(byInvoice == Dictionary(uniqueKeysWithValues: delivery.byInvoice.map { ($0.key, Sums($0)) }))
        #expect(byInvoice.values.reduce(Amount.zero) { $0 + $1.unblended } == delivery.invoiceTotal)
    }

    /// Per RI and month: RIFee unblended + amortized upfront = Σ DiscountedUsage effective cost + unused
    /// recurring + unused amortized upfront; the unused parts are the totals less what the
    /// DiscountedUsage rows carried; each DiscountedUsage effective cost is its upfront plus recurring part.
    static func verifyReservedInstances(_ items: [LineItem], _ delivery: DeliverySummary) {
        var effective: [String: Amount] = [:]
        var recurring: [String: Amount] = [:]
        var upfront: [String: Amount] = [:]
        for item in items where item.type == .discountedUsage {
            let arn = item.reservation.arn ?? ""
            let cost = item.reservation.effectiveCost ?? .zero
            #expect(item.unblendedCost == .zero)
            #expect(cost == (item.reservation.amortizedUpfrontCostForUsage ?? .zero) + (item.reservation.recurringFeeForUsage ?? .zero))
            effective[arn, default: .zero] += cost
            recurring[arn, default: .zero] += item.reservation.recurringFeeForUsage ?? .zero
            upfront[arn, default: .zero] += item.reservation.amortizedUpfrontCostForUsage ?? .zero
        }
        let fees = items.filter { $0.type == .riFee }
        #expect(fees.count == delivery.reservedInstances.count)
        for fee in fees {
            let arn = fee.reservation.arn ?? ""
            let amortizedUpfront = fee.reservation.amortizedUpfrontFeeForBillingPeriod ?? .zero
            let unusedRecurring = fee.reservation.unusedRecurringFee ?? .zero
            let unusedUpfront = fee.reservation.unusedAmortizedUpfrontFeeForBillingPeriod ?? .zero
            #expect(
                fee.unblendedCost + amortizedUpfront == effective[arn, default: .zero] + unusedRecurring + unusedUpfront,
                "RI \(arn)")
            #expect(unusedRecurring == fee.unblendedCost - recurring[arn, default: .zero], "RI \(arn)")
            #expect(unusedUpfront == amortizedUpfront - upfront[arn, default: .zero], "RI \(arn)")
            #expect(!unusedRecurring.isNegative && !unusedUpfront.isNegative)
            guard let line = delivery.reservedInstances.first(where: { $0.arn == arn }) else {
                Issue.record("RI \(arn) is not in the summary")
                continue
            }
            #expect(line.recurringFee == fee.unblendedCost)
            #expect(line.amortizedUpfrontFee == amortizedUpfront)
            #expect(line.usedEffectiveCost == effective[arn, default: .zero])
            #expect(line.unusedRecurringFee == unusedRecurring)
            #expect(line.unusedAmortizedUpfrontFee == unusedUpfront)
            #expect(fee.reservation.unusedQuantity == line.unusedHours)
        }
    }

    /// Per SP and hour: UsedCommitment = Σ covered effective cost; Σ covered effective cost + unused =
    /// TotalCommitmentToDate = amortized upfront + recurring; each covered row costs quantity × rate.
    static func verifySavingsPlans(_ items: [LineItem], _ delivery: DeliverySummary) {
        struct Hour: Hashable {
            let arn: String
            let start: Timestamp
        }
        var covered: [Hour: Amount] = [:]
        for item in items where item.type == .savingsPlanCoveredUsage {
            let effective = item.savingsPlan.effectiveCost ?? .zero
            covered[Hour(arn: item.savingsPlan.arn ?? "", start: item.usageStart), default: .zero] += effective
            let product = (try? (item.usageAmount ?? .zero).multiplied(by: item.savingsPlan.rate ?? .zero)) ?? .zero
            #expect((effective - product).magnitude <= Amount(units: 100), "covered cost \(effective) vs \(product)")
        }
        var perPlan: [String: (hours: Int, commitment: Amount, used: Amount)] = [:]
        var fees = Set<Hour>()
        for fee in items where fee.type == .savingsPlanRecurringFee {
            let hour = Hour(arn: fee.savingsPlan.arn ?? "", start: fee.usageStart)
            let total = fee.savingsPlan.totalCommitmentToDate ?? .zero
            let used = fee.savingsPlan.usedCommitment ?? .zero
            let coveredCost = covered[hour, default: .zero]
            #expect(used == coveredCost, "SP \(hour.arn) at \(hour.start)")
            #expect(coveredCost + (total - used) == total)
            #expect(!(total - used).isNegative)
            #expect(
                total == (fee.savingsPlan.amortizedUpfrontCommitmentForBillingPeriod ?? .zero)
                    + (fee.savingsPlan.recurringCommitmentForBillingPeriod ?? .zero))
            #expect(fee.unblendedCost == fee.savingsPlan.recurringCommitmentForBillingPeriod ?? .zero)
            fees.insert(hour)
            var sums = perPlan[hour.arn] ?? (0, .zero, .zero)
            sums.hours += 1
            sums.commitment += total
            sums.used += used
            perPlan[hour.arn] = sums
        }
        #expect(Set(covered.keys).isSubset(of: fees), "covered usage in an hour without the plan's recurring fee")
        #expect(perPlan.count == delivery.savingsPlans.count)
        for line in delivery.savingsPlans {
            #expect(perPlan[line.arn]?.hours == line.hours)
            #expect(perPlan[line.arn]?.commitment == line.commitment)
            #expect(perPlan[line.arn]?.used == line.usedCommitment)
        }
    }

    /// Each SavingsPlanNegation cancels its covered usage's On-Demand cost: per hour, account, plan,
    /// usage type, operation and zone the two sum to zero.
    static func verifyNegations(_ items: [LineItem]) {
        struct Group: Hashable {
            let account: String
            let arn: String
            let usageType: String
            let operation: String
            let zone: String
            let start: Timestamp
        }
        var sums: [Group: (covered: Amount, negated: Amount)] = [:]
        for item in items where item.type == .savingsPlanCoveredUsage || item.type == .savingsPlanNegation {
            let group = Group(
                account: item.usageAccountId, arn: item.savingsPlan.arn ?? "", usageType: item.usageType ?? "",
                operation: item.operation ?? "", zone: item.availabilityZone ?? "", start: item.usageStart)
            var entry = sums[group] ?? (.zero, .zero)
            if item.type == .savingsPlanCoveredUsage {
                #expect(item.unblendedCost == item.publicOnDemandCost)
                entry.covered += item.unblendedCost
            } else {
                entry.negated += item.unblendedCost
            }
            sums[group] = entry
        }
        for (group, entry) in sums {
            #expect(entry.covered + entry.negated == .zero, "negation of \(group)")
            #expect(entry.covered > .zero)
        }
    }

    /// Credits never exceed the charges they may pay (usage, covered usage and negations, RI and SP
    /// recurring fees, after EDP) of their account and product: so never upfront fees, support or tax.
    static func verifyCredits(_ items: [LineItem]) {
        struct Key: Hashable {
            let account: String
            let product: String
        }
        let eligible: Set<LineItemType> = [
            .usage, .discountedUsage, .savingsPlanCoveredUsage, .savingsPlanNegation, .riFee, .savingsPlanRecurringFee,
        ]
        var room: [Key: Amount] = [:]
        var credited: [Key: Amount] = [:]
        for item in items {
            let key = Key(account: item.usageAccountId, product: item.productCode ?? "")
            if eligible.contains(item.type) { room[key, default: .zero] += item.netUnblendedCost }
            if item.type == .credit {
                #expect(item.unblendedCost.isNegative)
                credited[key, default: .zero] -= item.unblendedCost
            }
        }
        for (key, credit) in credited {
            #expect(credit <= room[key, default: .zero], "credit on \(key) exceeds its eligible charges")
        }
    }

    /// §1.6 c over the whole delivery: gross unblended (negations excluded) = amortized + RI/SP true-up
    /// + RI/SP upfront fees.
    static func verifyReconciliation(_ items: [LineItem]) {
        var gross = Amount.zero
        var amortized = Amount.zero
        var trueUp = Amount.zero
        var upfront = Amount.zero
        for item in items {
            amortized += item.amortizedCost
            if item.type != .savingsPlanNegation { gross += item.unblendedCost }
            switch item.type {
            case .savingsPlanRecurringFee: trueUp -= item.savingsPlan.amortizedUpfrontCommitmentForBillingPeriod ?? .zero
            case .riFee: trueUp -= item.reservation.amortizedUpfrontFeeForBillingPeriod ?? .zero
            case .savingsPlanNegation: trueUp -= item.unblendedCost
            case .savingsPlanUpfrontFee: upfront += item.unblendedCost
            case .fee where item.reservation.arn != nil: upfront += item.unblendedCost
            default: break
            }
        }
        #expect(gross == amortized + trueUp + upfront)
    }
}
