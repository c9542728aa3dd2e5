import AllotCore
import AllotStore
import Hummingbird

/// Answers `GET /v1/invoices/{id}` for a final document's JSON from ``FinalInvoiceCache``, when the caller may see
/// every BU's invoices, without running the generated code: it would encode the typed document only for
/// ``ResponseOverrideMiddleware`` to send the issued bytes instead.
///
/// The handler (`getInvoice`) checks a document against the schema and caches it the first time it is asked for, and
/// answers everything else: drafts, CSV and HTML, an `Accept` it does not parse, and callers limited to their BUs
/// (whose scope depends on the period's current run, checked on every request).
struct IssuedInvoiceMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let cache: FinalInvoiceCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, context.route(request) == RouteKey(.get, "/v1/invoices/{id}"),
            let principal = context.facts.principal, AccessMatrix.access(principal.role, .invoicesRead) == .all,
            let segment = request.uri.path.split(separator: "/", omittingEmptySubsequences: false).last,
            case .final(let number)? = DocumentID(String(segment)),
            APIImplementation.invoiceFormat(acceptHeader: request.headers[.accept]) == .json,
            let invoice = cache[number]
        else {
            return try await next(request, context)
        }
        return invoice.response()
    }
}
