import AllotCore

extension DeliveryRun {
    /// The delivery's summary, from the ledger and the commitment tallies.
    func summary(files: [DeliveryWriter.File], manifests: [String]) throws(GeneratorError) -> DeliverySummary {
        func line(_ key: String, _ sums: DeliveryLedger.Sums) -> DeliverySummary.CostLine {
            DeliverySummary.CostLine(
                key: key, rows: sums.rows, unblended: sums.unblended, netUnblended: sums.netUnblended,
                amortized: sums.amortized, netAmortized: sums.netAmortized)
        }
        let byType = RowKind.allCases.filter { ledger.sums($0).rows > 0 }.map { line($0.name, ledger.sums($0)) }
            .sorted { $0.key < $1.key }
        let byAccount = plan.accounts.filter { ledger.byAccount[$0.index].rows > 0 }.map { line($0.id, ledger.byAccount[$0.index]) }
            .sorted { $0.key < $1.key }
        let byInvoice = ledger.byInvoice.map { line($0.key, $0.value) }.sorted { $0.key < $1.key }
        let invoiceTotal = byInvoice.reduce(Amount.zero) { $0 + $1.unblended }
        guard invoiceTotal == ledger.total.unblended, ledger.total.netUnblended == ledger.total.unblended else {
            throw GeneratorError(.inconsistent, "the invoices do not add up to the rows", context: context)
        }
        var reservedInstances: [DeliverySummary.ReservedInstanceLine] = []
        for (index, tally) in reservedInstanceTallies.enumerated() where tally.hours > 0 {
            let ri = plan.reservedInstances[index]
            do {
                let reservedHours = Amount(tally.hours * ri.count)
                let recurring = try ri.recurringHourly.multiplied(by: reservedHours)
                let upfront = try ri.upfrontHourly.multiplied(by: reservedHours)
                reservedInstances.append(
                    DeliverySummary.ReservedInstanceLine(
                        arn: ri.entry.arn, owner: ri.owner, hours: tally.hours, recurringFee: recurring,
                        amortizedUpfrontFee: upfront, usedEffectiveCost: tally.effectiveCost,
                        unusedRecurringFee: recurring - tally.recurringForUsage,
                        unusedAmortizedUpfrontFee: upfront - tally.upfrontForUsage, unusedHours: tally.unusedHours,
                        unusedNormalizedUnits: tally.unusedUnits, coveredOnDemandCost: tally.coveredOnDemand))
            } catch {
                throw .arithmetic(error, context: context)
            }
        }
        let savingsPlans = savingsPlanTallies.enumerated().filter { $0.element.hours > 0 }.map { index, tally in
            DeliverySummary.SavingsPlanLine(
                arn: plan.savingsPlans[index].entry.arn, owner: plan.savingsPlans[index].owner, hours: tally.hours,
                commitment: tally.commitment, usedCommitment: tally.usedCommitment,
                unusedCommitment: tally.commitment - tally.usedCommitment, coveredOnDemandCost: tally.coveredOnDemand)
        }
        return DeliverySummary(
            organization: organization.id, payerAccountId: organization.payer, billingPeriod: period.period.description,
            deliveryId: deliveryId, manifests: manifests,
            files: files.map { DeliverySummary.FileLine(key: $0.key, rows: $0.rows, bytes: $0.bytes) },
            rows: ledger.total.rows, totals: line("total", ledger.total), invoiceTotal: invoiceTotal,
            byLineItemType: byType, byAccount: byAccount, byInvoice: byInvoice, reservedInstances: reservedInstances,
            savingsPlans: savingsPlans, credits: credits, supportFee: supportFee, tax: taxTotal)
    }
}
