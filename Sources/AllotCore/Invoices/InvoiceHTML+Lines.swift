extension InvoiceHTML {
    /// The lines table: organization and account headings, one row per line (the service named on its first
    /// line), subtotals per account and organization, and the total. Memos show previous, current and change.
    static func lines(_ document: InvoiceDocument) -> String {
        let memo = document.kind.isMemo
        let showBU = document.includedBusinessUnits.count > 1
        let amountColumns = memo ? 3 : 1
        let span = 2 + (showBU ? 1 : 0) + amountColumns
        var html = "<section class=\"detail\">\n<table class=\"lines\">\n<thead><tr><th>Service</th><th>Charge</th>"
        if showBU { html += "<th>BU</th>" }
        html += memo ? "<th class=\"amount\">Invoiced</th><th class=\"amount\">Now</th><th class=\"amount\">Change</th>" : "<th class=\"amount\">Amount</th>"
        html += "</tr></thead>\n"
        for organization in document.organizations {
            html += "<tbody class=\"org-block\">\n"
            html += "<tr class=\"org\"><td colspan=\"\(span)\">\(escape(organization.name))"
            html += " <span class=\"id\">\(escape(organization.id))</span></td></tr>\n"
            for account in organization.accounts {
                html += "<tr class=\"account\"><td colspan=\"\(span)\">Account <code>\(escape(account.id))</code>"
                if let name = account.name { html += " · \(escape(name))" }
                html += "</td></tr>\n"
                for service in account.services {
                    for (index, line) in service.lines.enumerated() {
                        html += "<tr class=\"line\"><td class=\"service\">\(index == 0 ? escape(service.productCode ?? "—") : "")</td>"
                        html += "<td>\(charge(line))</td>"
                        if showBU { html += "<td>\(escape(line.businessUnit))</td>" }
                        if memo {
                            html += amountCell(line.previousAmount) + amountCell(line.currentAmount)
                        }
                        html += amountCell(line.amount) + "</tr>\n"
                    }
                }
                html += subtotalRow(
                    "Subtotal account \(account.id)", account.subtotal, span: span, attributes: "class=\"subtotal\"")
            }
            html += subtotalRow(
                "Subtotal \(organization.name)", organization.subtotal, span: span,
                attributes: "class=\"org-subtotal\" data-org=\"\(escape(organization.id))\"")
            html += "</tbody>\n"
        }
        html += "<tfoot>"
        html += "<tr class=\"grand\"><td colspan=\"\(span - 1)\">Total \(escape(document.currency.code))</td>"
        html += "<td class=\"amount\" id=\"invoice-total\">\(escape(document.total.description))</td></tr>"
        html += "</tfoot>\n</table>\n</section>\n"
        return html
    }

    /// The charge cell: the category's label, the share of a shared cost, and why the BU carries it.
    private static func charge(_ line: InvoiceDocument.Line) -> String {
        var html = escape(line.label)
        if let share = line.share {
            html += "<div class=\"share\">\(escape(share.method)) split · \(escape(share.percent)) % to \(escape(line.businessUnit))</div>"
        } else if !line.sources.isEmpty {
            let shown = line.sources.prefix(2).joined(separator: "; ") + (line.sources.count > 2 ? "; …" : "")
            html += "<div class=\"src\">\(escape(shown))</div>"
        }
        return html
    }

    private static func amountCell(_ money: InvoiceMoney?) -> String {
        guard let money else { return "<td class=\"amount\"></td>" }
        return "<td class=\"amount\(money.isNegative ? " negative" : "")\">\(escape(money.description))</td>"
    }

    private static func subtotalRow(_ label: String, _ amount: InvoiceMoney, span: Int, attributes: String) -> String {
        "<tr \(attributes)><td colspan=\"\(span - 1)\">\(escape(label))</td>"
            + "<td class=\"amount\(amount.isNegative ? " negative" : "")\">\(escape(amount.description))</td></tr>\n"
    }
}
