import AllotCore
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// A final document's JSON as issued (checked against the OpenAPI document's `InvoiceDocument` when it was read), with
/// what `GET /v1/invoices/{id}` needs to answer with it: its period and BU (for the scope check) and its file name.
struct IssuedInvoice: Sendable {
    let number: String
    let period: BillingPeriod
    /// The BU the document is addressed to.
    let businessUnit: String
    /// The file name of `Content-Disposition`.
    let fileName: String
    let contentType: String
    /// The JSON exactly as issued (its SHA-256 is recorded).
    let bytes: ByteBuffer

    /// The headers the answer carries besides those of its body.
    var contentDisposition: String { "inline; filename=\"\(fileName)\"" }

    /// The `200` answer: the issued bytes, as they are.
    func response() -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType, .contentDisposition: contentDisposition],
            body: ResponseBody(byteBuffer: bytes))
    }
}

/// Final documents' JSON by number (``IssuedInvoice``), read and checked against the schema once rather than on every
/// request.
///
/// A final document never changes (the database refuses any change to it, and its SHA-256 is recorded), so an entry
/// never goes stale: entries are dropped only to keep the cache within `maximumBytes` of JSON. Drafts are never
/// cached: they are computed from their period's current run, which a new run replaces.
final class FinalInvoiceCache: Sendable {
    private struct State: Sendable {
        var entries: [String: IssuedInvoice] = [:]
        var bytes = 0
    }

    private let state = NIOLockedValueBox(State())
    private let maximumBytes: Int

    init(maximumBytes: Int = 64 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// The cached document of that number.
    subscript(number: String) -> IssuedInvoice? {
        state.withLockedValue { $0.entries[number] }
    }

    /// Keeps a document (not one larger than the whole cache), dropping others as needed to stay within bounds.
    func insert(_ invoice: IssuedInvoice) {
        let size = invoice.bytes.readableBytes
        guard size <= maximumBytes else { return }
        state.withLockedValue { state in
            if let previous = state.entries.removeValue(forKey: invoice.number) { state.bytes -= previous.bytes.readableBytes }
            while state.bytes + size > maximumBytes, let victim = state.entries.keys.first {
                state.bytes -= state.entries.removeValue(forKey: victim)?.bytes.readableBytes ?? 0
            }
            state.entries[invoice.number] = invoice
            state.bytes += size
        }
    }
}
