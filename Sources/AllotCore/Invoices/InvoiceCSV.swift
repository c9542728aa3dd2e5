/// CSV renderings of invoice documents: one row per invoice line, for spreadsheets and scripts.
///
/// - UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), a header row, CRLF line ends, and RFC 4180
///   quoting (a field holding a comma, quote, CR or LF is quoted, quotes doubled).
/// - **Formula neutralisation:** every text cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading
///   `'`, so that a spreadsheet shows it as text and never runs it (OWASP "CSV injection"). Names come from
///   configuration files and CUR data, which we do not control.
/// - Amount cells are plain decimal numbers (`-12.30`, never neutralised or quoted): a spreadsheet reads them as
///   numbers, so columns sum. A leading minus on a number is not a formula.
public enum InvoiceCSV {
    /// The header of a document's rows.
    public static let columns = [
        "document_number", "document_kind", "status", "period", "issue_date", "invoiced_bu", "line_bu", "org_id",
        "org_name", "account_id", "account_name", "product_code", "category", "label", "share_percent", "amount",
        "previous_amount", "current_amount", "currency", "cost_basis", "run_id",
    ]

    /// The document as CSV.
    public static func render(_ document: InvoiceDocument) -> [UInt8] {
        var writer = Writer()
        writer.row(columns.map(Cell.text))
        for flat in document.flatLines {
            let line = flat.line
            writer.row([
                .text(document.number), .text(document.kind.rawValue), .text(document.status.rawValue), .text(document.period),
                .text(document.issueDate), .text(document.businessUnit.id), .text(line.businessUnit), .text(flat.organization.id),
                .text(flat.organization.name), .text(flat.account.id), .text(flat.account.name ?? ""),
                .text(flat.service.productCode ?? ""), .text(line.category.rawValue), .text(line.label),
                line.share.map { .number($0.percent) } ?? .empty, .number(line.amount.description),
                line.previousAmount.map { .number($0.description) } ?? .empty,
                line.currentAmount.map { .number($0.description) } ?? .empty, .text(document.currency.code),
                .text(document.costBasis), .number(String(document.runId)),
            ])
        }
        return writer.bytes
    }

    /// One row per document: the export's index.
    public static func renderIndex(_ entries: [InvoiceIndexEntry]) -> [UInt8] {
        var writer = Writer()
        let header = ["file", "number", "kind", "status", "bu_id", "bu_name", "period", "issue_date", "adjusts", "total", "currency"]
        writer.row(header.map(Cell.text))
        for entry in entries {
            writer.row([
                .text(entry.file), .text(entry.number), .text(entry.kind), .text(entry.status), .text(entry.businessUnit),
                .text(entry.businessUnitName), .text(entry.period), .text(entry.issueDate), .text(entry.adjusts ?? ""),
                .number(entry.total), .text(entry.currency),
            ])
        }
        return writer.bytes
    }

    /// A cell: text (neutralised and quoted as needed), a number (as is), or nothing.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(String)
        case empty
    }

    /// The field as written: text neutralised, then quoted if needed.
    public static func field(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let text): return text
        case .text(let text): return quoted(neutralised(text))
        }
    }

    /// `text` with a leading `'` when it starts with a character a spreadsheet would read as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// `text` quoted when RFC 4180 requires it.
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        var result = "\""
        for character in text.unicodeScalars {
            if character == "\"" { result += "\"\"" } else { result.unicodeScalars.append(character) }
        }
        return result + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Accumulates rows; the byte-order mark first.
    struct Writer {
        private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

        mutating func row(_ cells: [Cell]) {
            bytes.append(contentsOf: cells.map(InvoiceCSV.field).joined(separator: ",").utf8)
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
    }
}
