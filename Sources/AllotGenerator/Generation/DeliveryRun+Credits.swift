import AllotCore

extension DeliveryRun {
    /// Applies the scenario's credits whose account's credits belong to this organization this period
    /// (the organization it was in on the 1st, §6): each to the account's credit-eligible charges,
    /// largest product first, never more than what is left of them. `late` credits are those AWS adds
    /// after the month closed: written only in a restated delivery, on a credit memo invoice, after tax.
    func applyCredits(late: Bool) throws(GeneratorError) {
        let end = hours.instant(hours.hours)
        for credit in plan.scenario.credits where credit.late == late {
            guard plan.membership.creditOrganization(of: credit.account, from: hours.start, to: end) == organization.id,
                let account = plan.accountsById[credit.account]
            else { continue }
            var remaining = credit.amount
            var applied = Amount.zero
            let candidates = ledger.bases[account.index].indices.compactMap { code -> (code: Int, room: Amount)? in
                let product = ledger.productCodes[code]
                if let only = credit.productCode, only != product { return nil }
                let bases = ledger.bases[account.index][code]
                let room = bases.creditEligible - bases.credited
                return room > .zero ? (code, room) : nil
            }
            let ordered = candidates.sorted {
                ($0.room, ledger.productCodes[$1.code]) > ($1.room, ledger.productCodes[$0.code])
            }
            let (start, stop) = stretch(of: account.id)
            for candidate in ordered where remaining > .zero {
                let amount = min(remaining, candidate.room)
                remaining -= amount
                applied += amount
                var row = CURRow(
                    kind: .credit, account: account, product: products.serviceSummary(ledger.productCodes[candidate.code]),
                    tags: plan.untagged, start: start, end: stop, invoice: late ? creditMemoInvoice : anniversaryInvoice,
                    unblendedCost: -amount, description: CSVText.field(credit.description))
                row.usageAmount = 0
                try emit(row)
            }
            credits.append(
                DeliverySummary.CreditLine(
                    account: credit.account, description: credit.description, granted: credit.amount, applied: applied,
                    late: late))
        }
    }
}
