import AllotCore
import Postgres

extension StoredInvoice {
    /// A final document (invoice or memo) by number, with its stored renderings; nil when there is none.
    public static func find(number: String, _ client: PostgresClient) async throws -> StoredInvoice? {
        try await client.withConnection { try await InvoiceRecords.find(number: number, on: $0) }
    }

    /// A final document's rendering in one format, exactly as issued, with what the API checks before sending it
    /// (its period and BU); nil when there is no final document of that number. Reads only that rendering.
    public static func issuedFile(number: String, format: InvoiceFormat, _ client: PostgresClient) async throws -> IssuedInvoiceFile? {
        // The column comes from this fixed choice, never from the request.
        let column: String
        switch format {
        case .csv: column = "document_csv"
        case .html: column = "document_html"
        default: column = "document"
        }
        return try await client.withConnection { connection in
            try await connection.query(
                """
                SELECT number, to_char(billing_period, 'YYYY-MM') AS period, bu_id, \(column) AS rendering
                FROM invoices WHERE number = $1 AND status = 'final'
                """, [number]
            ).first.map { row in
                let number = try row.decode(String.self, "number")
                let businessUnit = try row.decode(String.self, "bu_id")
                return IssuedInvoiceFile(
                    number: number, period: try row.decode(String.self, "period"), businessUnit: businessUnit,
                    file: InvoiceFile(
                        name: "\(number)-\(businessUnit).\(format.fileExtension)", contentType: format.contentType,
                        bytes: Array(try row.decode(String.self, "rendering").utf8)))
            }
        }
    }
}

/// One rendering of a final document as issued (``StoredInvoice/issuedFile(number:format:_:)``).
public struct IssuedInvoiceFile: Sendable, Hashable {
    public var number: String
    /// `YYYY-MM`.
    public var period: String
    /// The BU the document is addressed to.
    public var businessUnit: String
    /// The rendering, named as ``StoredInvoice/file(_:)`` names it.
    public var file: InvoiceFile
}
