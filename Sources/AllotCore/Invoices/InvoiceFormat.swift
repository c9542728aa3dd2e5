/// The formats invoices are exported in: JSON (`schemas/invoice.schema.json`), CSV (one row per line) and HTML (a
/// self-contained printable page).
public struct InvoiceFormat: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable, CaseIterable {
        case json, csv, html
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    public static let json = InvoiceFormat(.json)
    public static let csv = InvoiceFormat(.csv)
    public static let html = InvoiceFormat(.html)

    /// `json`, `csv` or `html`; nil for anything else.
    public init?(_ name: String) {
        guard let base = Base(rawValue: name.lowercased()) else { return nil }
        self.base = base
    }

    /// Every format's name.
    public static var names: [String] { Base.allCases.map(\.rawValue) }

    public var description: String { base.rawValue }

    /// The file name extension, without the dot.
    public var fileExtension: String { base.rawValue }

    /// The HTTP `Content-Type`.
    public var contentType: String {
        switch base {
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8; header=present"
        case .html: "text/html; charset=utf-8"
        }
    }
}

/// A rendered document or index: what `allot invoice export` writes and the HTTP API would send.
public struct InvoiceFile: Sendable, Hashable {
    /// A file name without directories (`ALLOT-2026-000042-web.html`, `index.json`).
    public var name: String
    /// The HTTP `Content-Type`.
    public var contentType: String
    /// The content (UTF-8 text for every format).
    public var bytes: [UInt8]

    public init(name: String, contentType: String, bytes: [UInt8]) {
        self.name = name
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The content as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension InvoiceDocument {
    /// The export file name of the document: `<number>-<bu>.<ext>` when final, `DRAFT-<period>-<kind>-<bu>.<ext>`
    /// before (BU ids and numbers are safe in file names).
    public func fileName(_ format: InvoiceFormat) -> String {
        let stem =
            status == .final
            ? "\(number)-\(businessUnit.id)"
            : "DRAFT-\(period)-\(kind.isMemo ? "\(kind.rawValue)-" : "")\(businessUnit.id)"
        return "\(stem).\(format.fileExtension)"
    }
}
