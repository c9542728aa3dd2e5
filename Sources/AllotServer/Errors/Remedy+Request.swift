import AllotCore

extension Remedy {
    /// The request that does it: `POST /v1/allocations {"period": "2026-06"}`.
    var request: String {
        switch self {
        case .allocate(let period): #"POST /v1/allocations {"period": "\#(period)"}"#
        case .apply: "POST /v1/config"
        case .close(let period, let adjustments): "POST /v1/periods/\(period)/close" + (adjustments ? "?adjustments=true" : "")
        case .adjustments(let period): "GET /v1/adjustments?period=\(period)"
        case .listInvoices(let period): "GET /v1/invoices?period=\(period)"
        }
    }
}

extension Advice {
    /// The message with its remedy as a request.
    var forAPI: String { rendered(\.request) }
}
