import AllotCore

extension DeliveryRun {
    /// One `RIFee` row per Reserved Instance that was in the organization during the span (§1.4):
    /// recurring fee and amortized upfront for the hours it was here, and what of them went unused.
    ///
    /// Identity (checked, and tested from the files): `RIFee unblended + amortized upfront =
    /// Σ DiscountedUsage effective cost + unused recurring + unused amortized upfront`, where the unused
    /// parts are the totals less what the DiscountedUsage rows carried, and together equal the engine's
    /// hourly unused cost summed over the hours.
    func writeReservedInstanceFees() throws(GeneratorError) {
        for (index, tally) in reservedInstanceTallies.enumerated() where tally.hours > 0 {
            let ri = plan.reservedInstances[index]
            guard let owner = plan.accountsById[ri.owner] else { continue }
            do {
                let reservedHours = Amount(tally.hours * ri.count)
                let recurringFee = try ri.recurringHourly.multiplied(by: reservedHours)
                let amortizedUpfront = try ri.upfrontHourly.multiplied(by: reservedHours)
                let unusedRecurring = recurringFee - tally.recurringForUsage
                let unusedUpfront = amortizedUpfront - tally.upfrontForUsage
                guard unusedRecurring + unusedUpfront == tally.engineUnusedCost,
                    tally.effectiveCost == tally.engineUsedCost, !unusedRecurring.isNegative, !unusedUpfront.isNegative
                else {
                    throw GeneratorError(.inconsistent, "Reserved Instance \(ri.entry.arn) does not balance", context: context)
                }
                var columns = ReservationColumns(commitment: ri.entry)
                columns.showsTerms = true
                columns.amortizedUpfrontFeeForBillingPeriod = amortizedUpfront
                columns.unusedAmortizedUpfrontFee = unusedUpfront
                columns.unusedRecurringFee = unusedRecurring
                columns.unusedQuantity = tally.unusedHours
                columns.unusedNormalizedUnitQuantity = tally.unusedUnits
                columns.numberOfReservations = Amount(ri.count)
                columns.unitsPerReservation = Amount(tally.hours)
                columns.normalizedUnitsPerReservation = try Amount(tally.hours).multiplied(by: ri.normalizationFactor)
                columns.totalReservedUnits = reservedHours
                columns.totalReservedNormalizedUnits = try reservedHours.multiplied(by: ri.normalizationFactor)
                columns.upfrontValue = ri.upfrontFee
                var row = CURRow(
                    kind: .riFee, account: owner, product: ri.feeProduct, tags: plan.untagged, start: tally.firstHour,
                    end: tally.lastHour + 1, invoice: anniversaryInvoice, unblendedCost: recurringFee,
                    description: ri.entry.recurringDescription)
                row.usageAmount = reservedHours
                row.unblendedRate = ri.recurringHourly
                row.pricingTerm = .reserved
                row.reservation = columns
                try emit(row)
            } catch let error as GeneratorError {
                throw error
            } catch {
                throw GeneratorError(.arithmetic, "\(error)", context: context)
            }
        }
    }

    /// The upfront `Fee` of every Reserved Instance and the `SavingsPlanUpfrontFee` of every plan
    /// bought during the span by an account then in the organization (bill type Purchase, an invoice
    /// of its own).
    func writeUpfrontFees() throws(GeneratorError) {
        let end = hours.instant(hours.hours)
        for ri in plan.reservedInstances where !ri.upfrontFee.isZero && ri.start >= hours.start && ri.start < end {
            guard plan.membership.organization(of: ri.owner, at: ri.start) == organization.id,
                let owner = plan.accountsById[ri.owner]
            else { continue }
            let hour = hours.index(of: ri.start)
            var columns = ReservationColumns(commitment: ri.entry)
            columns.showsTerms = true
            columns.numberOfReservations = Amount(ri.count)
            columns.unitsPerReservation = Amount(ri.termHours)
            columns.totalReservedUnits = Amount(ri.termHours * ri.count)
            columns.upfrontValue = ri.upfrontFee
            var row = CURRow(
                kind: .fee, account: owner, product: ri.feeProduct, tags: plan.untagged, start: hour, end: hour + 1,
                invoice: purchaseInvoice(ri.entry.arn), unblendedCost: ri.upfrontFee, description: ri.entry.upfrontDescription)
            row.isPurchase = true
            row.usageAmount = Amount(ri.count)
            row.unblendedRate = try? ri.upfrontFee.divided(by: Amount(ri.count))
            row.pricingTerm = .reserved
            row.reservation = columns
            try emit(row)
        }
        for savingsPlan in plan.savingsPlans
        where !savingsPlan.upfrontFee.isZero && savingsPlan.start >= hours.start && savingsPlan.start < end {
            guard plan.membership.organization(of: savingsPlan.owner, at: savingsPlan.start) == organization.id,
                let owner = plan.accountsById[savingsPlan.owner]
            else { continue }
            let hour = hours.index(of: savingsPlan.start)
            var row = CURRow(
                kind: .savingsPlanUpfrontFee, account: owner, product: savingsPlan.product, tags: plan.untagged, start: hour,
                end: hour + 1, invoice: purchaseInvoice(savingsPlan.entry.arn), unblendedCost: savingsPlan.upfrontFee,
                description: savingsPlan.entry.upfrontDescription)
            row.isPurchase = true
            row.usageAmount = 1
            row.unblendedRate = savingsPlan.upfrontFee
            row.savingsPlan = SavingsPlanColumns(commitment: savingsPlan.entry)
            try emit(row)
        }
    }

    /// One `EdpDiscount` row per account and product code: minus the discounts the usage rows'
    /// `NetUnblendedCost` already reflect, so that Σ unblended = Σ net unblended = the invoice.
    func writeDiscounts() throws(GeneratorError) {
        guard organization.hasDiscounts else { return }
        for (account, product, bases) in chargeBases() where !bases.edpDiscount.isZero {
            let (start, end) = stretch(of: account.id)
            var row = CURRow(
                kind: .edpDiscount, account: account, product: products.serviceSummary(product), tags: plan.untagged,
                start: start, end: end, invoice: anniversaryInvoice, unblendedCost: -bases.edpDiscount,
                description: CSVText.field("Enterprise Program Discount (\(organization.edpPercent)%)"))
            row.usageAmount = 0
            try emit(row)
        }
    }

    /// The support plan's `Fee` on the payer: the larger of the minimum and the tiered percentage of the
    /// organization's usage charges (usage, covered usage and negations, RI and SP recurring fees, EDP).
    func writeSupportFee() throws(GeneratorError) {
        guard let support = organization.support, let payer = plan.accountsById[organization.payer] else { return }
        let kinds: [RowKind] = [
            .usage, .discountedUsage, .savingsPlanCoveredUsage, .savingsPlanNegation, .riFee, .savingsPlanRecurringFee,
            .edpDiscount,
        ]
        let charges = kinds.reduce(Amount.zero) { $0 + ledger.sums($1).unblended }
        let fee: Amount
        do { fee = try support.fee(forCharges: max(charges, .zero)) } catch { throw .arithmetic(error, context: context) }
        guard !fee.isZero else { return }
        let product = products.support(support.level)
        let (start, end) = stretch(of: payer.id)
        var row = CURRow(
            kind: .fee, account: payer, product: product, tags: plan.untagged, start: start, end: end,
            invoice: anniversaryInvoice, unblendedCost: fee, description: product.usageDescription)
        row.usageAmount = fee
        row.unblendedRate = 1
        supportFee = fee
        try emit(row)
    }

    /// One `Tax` row per account and product code with a positive taxable amount (every charge of the
    /// month but tax, after credits and discounts), rounded half-even to the cent.
    func writeTax() throws(GeneratorError) {
        guard !organization.taxPercent.isZero else { return }
        for (account, product, bases) in chargeBases() where bases.taxable > .zero {
            let tax: Amount
            do { tax = try bases.taxable.scaled(by: organization.taxPercent, over: 100).rounded(toPlaces: 2) } catch {
                throw .arithmetic(error, context: context)
            }
            guard !tax.isZero else { continue }
            let (start, end) = stretch(of: account.id)
            var row = CURRow(
                kind: .tax, account: account, product: products.serviceSummary(product), tags: plan.untagged, start: start,
                end: end, invoice: anniversaryInvoice, unblendedCost: tax,
                description: CSVText.field("Tax for product code \(product)"))
            row.isTax = true
            row.usageAmount = 1
            row.unblendedRate = tax
            taxTotal += tax
            try emit(row)
        }
    }

    /// Every (account, product code) with month-end bases, in account order then product code order.
    func chargeBases() -> [(AccountEntry, String, DeliveryLedger.ChargeBases)] {
        var result: [(AccountEntry, String, DeliveryLedger.ChargeBases)] = []
        for account in plan.accounts {
            let bases = ledger.bases[account.index]
            let codes = bases.indices.sorted { ledger.productCodes[$0] < ledger.productCodes[$1] }
            for code in codes {
                result.append((account, ledger.productCodes[code], bases[code]))
            }
        }
        return result
    }
}
