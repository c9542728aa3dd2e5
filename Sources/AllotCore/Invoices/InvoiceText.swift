/// A plain-text rendering of an invoice document for terminals (`allot invoice show`, `allot adjustments`):
/// the header, the lines grouped by organization, account and service with subtotals, the total and the notes.
public enum InvoiceText {
    /// The document as text, `width` columns wide (at least 72).
    public static func render(_ document: InvoiceDocument, width: Int = 100) -> String {
        let width = max(width, 72)
        let memo = document.kind.isMemo
        let amountWidth = 14
        let amounts = memo ? 3 : 1
        let textWidth = width - amounts * (amountWidth + 1)
        var out: [String] = []
        out.append("\(document.title) · \(document.status)".uppercased())
        out.append(String(repeating: "=", count: width))
        var header: [(String, String)] = [
            ("Business unit", "\(document.businessUnit.name) (\(document.businessUnit.id)) · \(document.businessUnit.pathText)"),
            ("Period", document.period), ("Issue date", document.issueDate), ("Cost basis", document.costBasis),
            ("Currency", document.currency.code), ("Rule set", "version \(document.ruleSetVersion)"),
            ("Allocation run", String(document.runId)),
        ]
        if document.includedBusinessUnits != [document.businessUnit.id] {
            header.append(("Includes", document.includedBusinessUnits.joined(separator: ", ")))
        }
        if let adjusts = document.adjusts { header.append(("Adjusts", "\(adjusts.number) of \(adjusts.issueDate)")) }
        for (name, value) in header { out.append(pad(name, 16) + value) }
        out.append("")
        let columns = memo ? [right("invoiced", amountWidth), right("now", amountWidth), right("change", amountWidth)] : [right("amount", amountWidth)]
        out.append(pad("", textWidth) + columns.joined(separator: " ").prefixed)
        for organization in document.organizations {
            out.append("\(organization.name) (\(organization.id))")
            for account in organization.accounts {
                out.append("  account \(account.id)" + (account.name.map { " · \($0)" } ?? ""))
                for service in account.services {
                    for (index, line) in service.lines.enumerated() {
                        let product = index == 0 ? (service.productCode ?? "—") : ""
                        var label = line.label
                        if let share = line.share { label += " (\(share.method), \(share.percent) %)" }
                        if document.includedBusinessUnits.count > 1 { label += " [\(line.businessUnit)]" }
                        var cells = [line.amount]
                        if memo { cells = [line.previousAmount, line.currentAmount, line.amount].compactMap { $0 } }
                        out.append(pad("    " + pad(product, 26) + " " + label, textWidth) + row(cells, amountWidth))
                    }
                }
                out.append(pad("    subtotal account \(account.id)", width - amountWidth) + right(account.subtotal.description, amountWidth))
            }
            out.append(pad("  subtotal \(organization.name)", width - amountWidth) + right(organization.subtotal.description, amountWidth))
        }
        out.append(String(repeating: "-", count: width))
        out.append(pad("TOTAL \(document.currency.code)", width - amountWidth) + right(document.total.description, amountWidth))
        out.append("")
        for note in document.explanations {
            out.append("\(note.title):")
            out.append(contentsOf: wrap(note.text, width: width - 2).map { "  " + $0 })
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [InvoiceMoney], _ width: Int) -> String {
        cells.map { " " + right($0.description, width) }.joined()
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width - 1)) + "…" : text + String(repeating: " ", count: width - text.count)
    }

    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// The text with a leading space (column separator).
    fileprivate var prefixed: String { " " + self }
}
