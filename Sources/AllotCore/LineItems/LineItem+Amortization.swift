/// The per-row cost views of `reference/aws-billing-rules.md` §1.6.
///
/// As in the SQL the rules quote, a null column inside a formula contributes nothing: a
/// `SavingsPlanCoveredUsage` row without `savingsPlan/SavingsPlanEffectiveCost` has an amortized
/// cost of 0, just as `SUM(CASE …)` would ignore its null.
extension LineItem {
    /// `lineItem/NetUnblendedCost`, or the unblended cost when the column is absent or empty
    /// (no discounts in the period; §1.6 d).
    public var netUnblendedCost: Amount {
        reportedNetUnblendedCost ?? unblendedCost
    }

    /// The amortized (effective) cost, the WAL-QH / CID CASE of §1.6 b:
    ///
    /// | type | amortized |
    /// |---|---|
    /// | SavingsPlanCoveredUsage | `savingsPlan/SavingsPlanEffectiveCost` |
    /// | SavingsPlanRecurringFee | `TotalCommitmentToDate − UsedCommitment` (the unused part) |
    /// | SavingsPlanNegation, SavingsPlanUpfrontFee | 0 |
    /// | DiscountedUsage | `reservation/EffectiveCost` |
    /// | RIFee | `UnusedAmortizedUpfrontFeeForBillingPeriod + UnusedRecurringFee` |
    /// | Fee with a reservation ARN (RI upfront) | 0 |
    /// | Refund of product `ComputeSavingsPlans` (CID-SV, 2025) | 0 |
    /// | anything else, unknown types included | `lineItem/UnblendedCost` |
    public var amortizedCost: Amount {
        switch type.known {
        case .savingsPlanCoveredUsage:
            return savingsPlan.effectiveCost ?? .zero
        case .savingsPlanRecurringFee:
            return unusedSavingsPlanCommitment
        case .savingsPlanNegation, .savingsPlanUpfrontFee:
            return .zero
        case .discountedUsage:
            return reservation.effectiveCost ?? .zero
        case .riFee:
            return (reservation.unusedAmortizedUpfrontFeeForBillingPeriod ?? .zero)
                + (reservation.unusedRecurringFee ?? .zero)
        case .fee where hasReservationARN, .refund where isSavingsPlanRefund:
            return .zero
        default:
            return unblendedCost
        }
    }

    /// The net amortized cost, the CASE of §1.6 e:
    ///
    /// | type | net amortized |
    /// |---|---|
    /// | SavingsPlanCoveredUsage | `NetSavingsPlanEffectiveCost`, else `SavingsPlanEffectiveCost` |
    /// | SavingsPlanRecurringFee | unused commitment × net ratio (below) |
    /// | SavingsPlanNegation, SavingsPlanUpfrontFee | 0 |
    /// | DiscountedUsage | `reservation/NetEffectiveCost`, else `EffectiveCost` |
    /// | RIFee | `NetUnusedAmortizedUpfrontFee… + NetUnusedRecurringFee` when both are present, else the gross pair |
    /// | Fee with a reservation ARN, Refund of `ComputeSavingsPlans` | 0 |
    /// | anything else, discount types included | ``netUnblendedCost`` |
    ///
    /// Net ratio (CSP): for `All Upfront` plans `NetAmortizedUpfrontCommitment… ÷
    /// AmortizedUpfrontCommitment…`, otherwise `NetRecurringCommitment… ÷ RecurringCommitment…`
    /// (Partial Upfront is approximated by its recurring part, as CSP does); 1 when the net column
    /// is null or the gross one is 0. The product is rounded half-even to 20 places.
    ///
    /// Discount rows (`EdpDiscount`, `PrivateRateDiscount`, …): the sources disagree between 0
    /// and their net unblended cost. We use ``netUnblendedCost`` (the CSP variant): when AWS
    /// folds the discount into the usage rows' net columns, the discount row's
    /// `NetUnblendedCost` is 0 and both variants agree; when the file has no net columns the
    /// usage rows fall back to unblended and the discount row's own (negative) cost keeps the
    /// total right, where the 0 variant would drop the discount. This is the variant for which
    /// Σ net unblended = Σ unblended (the invoice) holds in both cases.
    public var netAmortizedCost: Amount {
        switch type.known {
        case .savingsPlanCoveredUsage:
            return savingsPlan.netEffectiveCost ?? savingsPlan.effectiveCost ?? .zero
        case .savingsPlanRecurringFee:
            return unusedSavingsPlanCommitmentNet
        case .savingsPlanNegation, .savingsPlanUpfrontFee:
            return .zero
        case .discountedUsage:
            return reservation.netEffectiveCost ?? reservation.effectiveCost ?? .zero
        case .riFee:
            if let upfront = reservation.netUnusedAmortizedUpfrontFeeForBillingPeriod,
                let recurring = reservation.netUnusedRecurringFee
            {
                return upfront + recurring
            }
            return (reservation.unusedAmortizedUpfrontFeeForBillingPeriod ?? .zero)
                + (reservation.unusedRecurringFee ?? .zero)
        case .fee where hasReservationARN, .refund where isSavingsPlanRefund:
            return .zero
        default:
            return netUnblendedCost
        }
    }

    /// `reservation_reservation_a_r_n <> ''`.
    private var hasReservationARN: Bool {
        !(reservation.arn ?? "").isEmpty
    }

    /// A refund of a Savings Plan purchase (CID-SV's extra branch).
    private var isSavingsPlanRefund: Bool {
        productCode == "ComputeSavingsPlans"
    }

    /// `TotalCommitmentToDate − UsedCommitment` of a recurring fee row.
    private var unusedSavingsPlanCommitment: Amount {
        (savingsPlan.totalCommitmentToDate ?? .zero) - (savingsPlan.usedCommitment ?? .zero)
    }

    private var unusedSavingsPlanCommitmentNet: Amount {
        let unused = unusedSavingsPlanCommitment
        let net: Amount?
        let gross: Amount?
        if isAllUpfrontSavingsPlan {
            net = savingsPlan.netAmortizedUpfrontCommitmentForBillingPeriod
            gross = savingsPlan.amortizedUpfrontCommitmentForBillingPeriod
        } else {
            net = savingsPlan.netRecurringCommitmentForBillingPeriod
            gross = savingsPlan.recurringCommitmentForBillingPeriod
        }
        guard let net, let gross, !gross.isZero, net != gross else { return unused }
        // The ratio is ≤ 1 in practice, so the product cannot overflow; keep the gross value if it did.
        return (try? unused.scaled(by: net, over: gross)) ?? unused
    }

    /// `All Upfront` by payment option; without one, a plan with no recurring but some upfront
    /// commitment is treated as All Upfront.
    private var isAllUpfrontSavingsPlan: Bool {
        if let option = savingsPlan.paymentOption {
            return option == "All Upfront"
        }
        let recurring = savingsPlan.recurringCommitmentForBillingPeriod ?? .zero
        let upfront = savingsPlan.amortizedUpfrontCommitmentForBillingPeriod ?? .zero
        return recurring.isZero && !upfront.isZero
    }
}
