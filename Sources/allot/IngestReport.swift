import AllotCore
import AllotStore
import Foundation

/// The short reconciliation summary printed after an ingest.
struct IngestReport {
    var outcome: IngestOutcome

    func print() {
        let delivery = outcome.delivery
        if outcome.isUnchanged {
            Swift.print("already ingested (delivery \(delivery.id)): \(delivery.organization) \(delivery.billingPeriod), "
                + "\(delivery.rowCount ?? 0) rows; nothing changed")
            return
        }
        let seconds = outcome.seconds ?? 0
        let rate = seconds > 0 ? Int(Double(delivery.rowCount ?? 0) / seconds) : 0
        Swift.print("ingested delivery \(delivery.id): \(delivery.organization) \(delivery.billingPeriod), "
            + "\(delivery.rowCount ?? 0) rows in \(String(format: "%.2f", seconds)) s (\(rate) rows/s)"
            + (delivery.supersedes.map { ", replacing delivery \($0)" } ?? ""))
        Swift.print("  Σ unblended (invoice basis) \(money(delivery.unblendedTotal))   Σ amortized \(money(delivery.amortizedTotal))")
        guard let reconciliation = outcome.reconciliation else { return }
        table("line item type", reconciliation.byLineItemType)
        table("account (top 10)", Array(reconciliation.byAccount.prefix(10)))
        table("invoice id", reconciliation.byInvoice.map { line in
            var line = line
            if line.key.isEmpty { line.key = "(not invoiced yet)" }
            return line
        })
    }

    private func table(_ title: String, _ lines: [DeliveryReconciliation.Line]) {
        Swift.print("")
        Swift.print("  \(TextLayout.pad(title, 28)) \(TextLayout.right("rows", 9)) \(TextLayout.right("unblended", 16)) \(TextLayout.right("amortized", 16))")
        for line in lines {
            Swift.print("  \(TextLayout.pad(line.key, 28)) \(TextLayout.right(String(line.rows), 9)) \(TextLayout.right(money(line.unblended), 16)) \(TextLayout.right(money(line.amortized), 16))")
        }
    }

    private func money(_ amount: Amount?) -> String { amount?.formatted(places: 2) ?? "-" }
}
