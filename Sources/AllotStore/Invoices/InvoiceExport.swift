import AllotCore
import Foundation

/// Renders invoice documents and export indexes as files (bytes with a content type): what `allot invoice
/// export` writes and what an HTTP handler sends.
///
/// JSON is the document as `schemas/invoice.schema.json` describes it: pretty-printed, keys sorted, amounts as
/// strings, one trailing newline. CSV and HTML come from ``InvoiceCSV`` and ``InvoiceHTML``. A final document is
/// rendered once, when it is issued, and stored with those renderings (``StoredInvoice``), so its exports never
/// change.
public enum InvoiceExport {
    /// The JSON form of a document.
    public static func json(_ document: InvoiceDocument) throws -> [UInt8] {
        try encode(document)
    }

    /// Decodes a document from its JSON form.
    ///
    /// - Throws: ``InvoiceError`` `corrupt` when the text is not an invoice document.
    public static func document(json bytes: [UInt8]) throws -> InvoiceDocument {
        do {
            return try JSONDecoder().decode(InvoiceDocument.self, from: Data(bytes))
        } catch {
            throw InvoiceError(.corrupt, "not an invoice document: \(error)")
        }
    }

    /// The document as a file of `format`, named by ``InvoiceDocument/fileName(_:)``.
    public static func file(_ document: InvoiceDocument, format: InvoiceFormat) throws -> InvoiceFile {
        let bytes: [UInt8]
        switch format {
        case .csv: bytes = InvoiceCSV.render(document)
        case .html: bytes = InvoiceHTML.render(document)
        default: bytes = try json(document)
        }
        return InvoiceFile(name: document.fileName(format), contentType: format.contentType, bytes: bytes)
    }

    /// The index of an export (`index.json`, `index.csv` or `index.html`).
    public static func index(_ entries: [InvoiceIndexEntry], format: InvoiceFormat, title: String) throws -> InvoiceFile {
        let bytes: [UInt8]
        switch format {
        case .csv: bytes = InvoiceCSV.renderIndex(entries)
        case .html: bytes = InvoiceHTML.renderIndex(entries, title: title)
        default: bytes = try encode(IndexDocument(title: title, documents: entries))
        }
        return InvoiceFile(name: "index.\(format.fileExtension)", contentType: format.contentType, bytes: bytes)
    }

    /// `index.json`.
    struct IndexDocument: Encodable {
        var title: String
        var documents: [InvoiceIndexEntry]
    }

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}
