import AllotCore
import Postgres

/// A final document as stored when it was issued: its record and its three renderings, byte for byte.
public struct StoredInvoice: Sendable, Hashable {
    public var id: Int
    public var number: String
    public var kind: InvoiceDocument.Kind
    /// `YYYY-MM`.
    public var period: String
    /// The BU the document is addressed to.
    public var businessUnit: String
    public var runId: Int
    /// `YYYY-MM-DD`.
    public var issueDate: String
    public var total: Amount
    public var currency: String
    /// For a memo: the number of the invoice it adjusts.
    public var adjusts: String?
    /// The JSON document (`schemas/invoice.schema.json`), exactly as issued.
    public var json: String
    public var csv: String
    public var html: String
    /// SHA-256 of `json`.
    public var sha256: String

    static let columns = """
        i.id, i.number, i.kind, to_char(i.billing_period, 'YYYY-MM') AS period, i.bu_id, i.run_id,
        to_char(i.issue_date, 'YYYY-MM-DD') AS issue_date, i.total, i.currency, a.number AS adjusts_number,
        i.document, i.document_csv, i.document_html, i.sha256
        """

    init(row: PostgresRow) throws {
        id = try row.decode(Int.self, "id")
        number = try row.decode(String.self, "number")
        let kindText = try row.decode(String.self, "kind")
        guard let kind = InvoiceDocument.Kind(rawValue: kindText) else {
            throw InvoiceError(.corrupt, "invoice \(number) has an unknown kind")
        }
        self.kind = kind
        period = try row.decode(String.self, "period")
        businessUnit = try row.decode(String.self, "bu_id")
        runId = try row.decode(Int.self, "run_id")
        issueDate = try row.decode(String.self, "issue_date")
        total = try row.decode(Amount.self, "total")
        currency = try row.decode(String.self, "currency")
        adjusts = try row.decode(String?.self, "adjusts_number")
        json = try row.decode(String.self, "document")
        csv = try row.decode(String.self, "document_csv")
        html = try row.decode(String.self, "document_html")
        sha256 = try row.decode(String.self, "sha256")
    }

    /// The document, decoded from its JSON.
    public func document() throws -> InvoiceDocument {
        try InvoiceExport.document(json: Array(json.utf8))
    }

    /// The rendering issued in `format`, unchanged.
    public func file(_ format: InvoiceFormat) throws -> InvoiceFile {
        let text: String
        switch format {
        case .csv: text = csv
        case .html: text = html
        default: text = json
        }
        return InvoiceFile(name: "\(number)-\(businessUnit).\(format.fileExtension)", contentType: format.contentType, bytes: Array(text.utf8))
    }

    /// The index entry of the stored document exported as `file`.
    func indexEntry(file: String) throws -> InvoiceIndexEntry {
        InvoiceIndexEntry(try document(), file: file)
    }
}
