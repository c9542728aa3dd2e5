/// HTML renderings of invoice documents: a self-contained page per document (inline CSS and SVG, no external
/// assets, no scripts) that reads like an invoice on screen and prints on A4 (`@media print`), and an index page.
///
/// Every text from configuration or CUR data is escaped. Totals carry stable hooks for tools and tests:
/// `id="invoice-total"` on the total's cell and `data-org` on each organization's subtotal row.
public enum InvoiceHTML {
    /// The document as an HTML page (UTF-8).
    public static func render(_ document: InvoiceDocument) -> [UInt8] {
        var page = ""
        page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(escape("\(document.title) · \(document.businessUnit.name) · \(document.period)"))</title>\n"
        page += "<style>\n\(stylesheet)</style>\n</head>\n<body>\n"
        page += "<main class=\"sheet \(document.status.rawValue)\">\n"
        page += header(document)
        page += parties(document)
        page += summary(document)
        page += lines(document)
        page += notes(document)
        page += "<footer><span>Allot · \(escape(document.title)) · \(escape(document.businessUnit.id)) · \(escape(document.period))</span>"
        page += "<span>allocation run \(document.runId) · rule set v\(document.ruleSetVersion)</span></footer>\n"
        page += "</main>\n</body>\n</html>\n"
        return Array(page.utf8)
    }

    /// An index page linking the exported documents.
    public static func renderIndex(_ entries: [InvoiceIndexEntry], title: String) -> [UInt8] {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>\(escape(title))</title>\n"
        page += "<style>\n\(stylesheet)</style>\n</head>\n<body>\n<main class=\"sheet\">\n"
        page += "<header class=\"top\"><div class=\"brand\"><div class=\"mark\">Allot</div>"
        page += "<div class=\"sub\">Internal cloud cost invoices</div></div>"
        page += "<div class=\"doc\"><h1>Index</h1><div class=\"number\">\(escape(title))</div></div></header>\n"
        page += "<table class=\"lines index\">\n<thead><tr><th>Document</th><th>Kind</th><th>Business unit</th><th>Issued</th>"
        page += "<th>Adjusts</th><th class=\"amount\">Total</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            page += "<tr><td><a href=\"\(escape(entry.file))\">\(escape(entry.number))</a></td><td>\(escape(entry.kind))</td>"
            page += "<td>\(escape(entry.businessUnitName)) <span class=\"muted\">\(escape(entry.businessUnit))</span></td>"
            page += "<td>\(escape(entry.issueDate))</td><td>\(escape(entry.adjusts ?? ""))</td>"
            page += "<td class=\"amount\">\(escape(entry.total)) \(escape(entry.currency))</td></tr>\n"
        }
        page += "</tbody>\n</table>\n</main>\n</body>\n</html>\n"
        return Array(page.utf8)
    }

    private static func header(_ document: InvoiceDocument) -> String {
        var html = "<header class=\"top\">\n<div class=\"brand\"><div class=\"mark\">Allot</div>"
        html += "<div class=\"sub\">Internal cloud cost \(document.kind.isMemo ? "adjustment" : "invoice")</div></div>\n"
        html += "<div class=\"doc\"><h1>\(escape(document.kind.title))</h1>"
        html += "<div class=\"number\">\(escape(document.number))</div>"
        html += "<span class=\"badge \(document.status.rawValue)\">\(document.status == .final ? "FINAL" : "DRAFT")</span></div>\n"
        html += "</header>\n"
        return html
    }

    private static func parties(_ document: InvoiceDocument) -> String {
        let unit = document.businessUnit
        var html = "<section class=\"parties\">\n<div class=\"billed\"><h2>Billed to</h2>"
        html += "<p class=\"bu\">\(escape(unit.name))</p><p class=\"path\">\(escape(unit.pathText))</p>"
        html += "<p class=\"path\">BU <code>\(escape(unit.id))</code>"
        if document.includedBusinessUnits != [unit.id] && !document.includedBusinessUnits.isEmpty {
            html += " · includes \(escape(document.includedBusinessUnits.joined(separator: ", ")))"
        }
        html += "</p></div>\n<dl class=\"meta\">\n"
        var rows: [(String, String)] = [
            ("Number", document.number), ("Period", document.period), ("Issue date", document.issueDate),
            ("Cost basis", document.costBasis), ("Currency", document.currency.code),
            ("Rule set", "version \(document.ruleSetVersion)"), ("Allocation run", String(document.runId)),
        ]
        if let adjusts = document.adjusts { rows.insert(("Adjusts", "\(adjusts.number) (\(adjusts.issueDate))"), at: 1) }
        for (term, value) in rows { html += "<dt>\(escape(term))</dt><dd>\(escape(value))</dd>\n" }
        html += "</dl>\n</section>\n"
        return html
    }

    private static func summary(_ document: InvoiceDocument) -> String {
        let label = document.kind.isMemo ? "Adjustment" : "Amount due"
        var html = "<section class=\"summary\">\n<div class=\"total-box\"><div class=\"label\">\(label)</div>"
        html += "<div class=\"value\" id=\"summary-total\">\(escape(document.total.description))</div>"
        html += "<div class=\"currency\">\(escape(document.currency.code))</div>"
        html += "<div class=\"counts\">\(document.organizations.count) organization\(document.organizations.count == 1 ? "" : "s") · "
        html += "\(document.flatLines.count) line\(document.flatLines.count == 1 ? "" : "s")</div></div>\n"
        html += "<figure class=\"chart\"><figcaption>\(document.kind.isMemo ? "Change" : "Cost") by organization and category</figcaption>\n"
        html += InvoiceChart(document).svg
        html += "</figure>\n</section>\n"
        return html
    }

    private static func notes(_ document: InvoiceDocument) -> String {
        guard !document.explanations.isEmpty else { return "" }
        var html = "<section class=\"notes\">\n<h2>Notes</h2>\n<dl>\n"
        for note in document.explanations {
            html += "<dt>\(escape(note.title))</dt><dd>\(escape(note.text))</dd>\n"
        }
        html += "</dl>\n</section>\n"
        return html
    }

    /// Text with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
