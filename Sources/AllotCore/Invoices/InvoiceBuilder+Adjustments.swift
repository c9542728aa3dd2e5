extension InvoiceBuilder {
    /// The adjustment documents that bring what was invoiced in line with a new run: per invoiced BU, one memo with
    /// every line whose rounded amount changed (credit memo when the changes sum to less than zero, debit memo
    /// otherwise), as drafts. Empty when nothing changed.
    ///
    /// Each line's amount is `current − previous`, where `previous` is Σ of the final documents for that line and
    /// `current` is the new run's rounded line (zero when the line is gone). Because both sides are rounded by
    /// ``RoundedLedger``, the invoices and memos of an organization still sum to its new total rounded half-even.
    public func memos(_ ledger: RoundedLedger, issued: IssuedLines) -> [InvoiceDocument] {
        var current: [InvoiceLineKey: RoundedLine] = [:]
        for line in ledger.lines { current[line.key] = line }
        let keys = Set(current.keys).union(issued.amounts.keys)
        var byUnit: [String: [(InvoiceLineKey, InvoiceDocument.Line)]] = [:]
        for key in keys.sorted() {
            let now = current[key]?.amount ?? .zero
            let before = issued.amounts[key] ?? .zero
            guard now != before else { continue }
            let sources = disclosed(current[key]?.sources ?? [])
            let line = InvoiceDocument.Line(
                category: key.category, label: Self.label(key.category), businessUnit: key.bu,
                share: Self.share(key.category, sources: sources), sources: sources,
                amount: InvoiceMoney(now - before, places: places), previousAmount: InvoiceMoney(before, places: places),
                currentAmount: InvoiceMoney(now, places: places))
            byUnit[invoicedBU(key.bu), default: []].append((key, line))
        }
        return orderedUnits(byUnit.keys).map { unit in
            let lines = byUnit[unit] ?? []
            let total = lines.map(\.1.amount.amount).sum()
            let previous = issued.documents[unit] ?? []
            return document(
                kind: .memo(total: total), unit: unit, lines: lines, adjusts: previous.first { $0.kind == .invoice },
                previous: previous)
        }
    }
}
