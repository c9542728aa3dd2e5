import AllotStore
import AllotCore
import HTTPTypes

extension APIProblem {
    /// The problem of an allocation that could not run or did not succeed; nil for a failure that is not the
    /// client's doing (`failed`: a database error, a race with an ingest), which is a 500.
    init?(allocation error: AllocationRunError) {
        let detail = Self.apiWording(error.description)
        switch error.code {
        case .noRuleSet:
            self = .allocationRefused(kind: "no-rule-set", detail)
        case .noDeliveries:
            self = .allocationRefused(kind: "no-deliveries", detail)
        case .invalidRuleSet:
            self = .allocationRefused(kind: "invalid-rule-set", detail)
        case .notReconciled:
            self = .allocationRefused(kind: "not-reconciled", detail)
        case .noRun:
            self = .notFound(detail)
        default:
            return nil
        }
    }

    /// The problem of an invoice operation; nil for a stored document that cannot be read back (a 500).
    init?(invoice error: InvoiceError) {
        let detail = Self.apiWording(error.message)
        switch error.code {
        case .noRun, .unknownBusinessUnit, .notFound:
            self = .notFound(detail)
        case .staleRun:
            self = .conflict(detail, kind: "stale-run")
        case .notClosed:
            self = .conflict(detail, kind: "not-closed")
        case .invalidRequest:
            self = APIProblem(.unprocessableContent, kind: "unprocessable", title: "Unprocessable", detail: detail)
        default:
            return nil
        }
    }

    /// 422 for an allocation the data or the rule set does not allow.
    static func allocationRefused(kind: String, _ detail: String) -> APIProblem {
        APIProblem(.unprocessableContent, kind: kind, title: "The period cannot be allocated", detail: detail)
    }

    /// A library message with the commands it suggests (`` `allot allocate --period 2026-06` ``) named as the API
    /// requests that do the same (`` `POST /v1/allocations` ``). A command the API has no request for stays as it is.
    static func apiWording(_ message: String) -> String {
        var result = ""
        var rest = Substring(message)
        while let open = rest.range(of: "`allot ") {
            guard let close = rest[open.upperBound...].firstIndex(of: "`") else { break }
            result += rest[..<open.lowerBound]
            let words = rest[open.upperBound..<close].split(separator: " ").map(String.init)
            result += Self.request(for: words).map { "`\($0)`" } ?? String(rest[open.lowerBound...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The request doing what `allot <words>` does, when there is one.
    private static func request(for words: [String]) -> String? {
        func option(_ name: String) -> String? {
            words.firstIndex(of: name).flatMap { words.index(after: $0) < words.endIndex ? words[words.index(after: $0)] : nil }
        }
        switch words.first {
        case "allocate":
            return "POST /v1/allocations"
        case "apply":
            return "POST /v1/config"
        case "close":
            guard let period = option("--period") else { return nil }
            return "POST /v1/periods/\(period)/close" + (words.contains("--adjustments") ? "?adjustments=true" : "")
        case "adjustments":
            return option("--period").map { "GET /v1/adjustments?period=\($0)" }
        case "invoice" where words.dropFirst().first == "list":
            return option("--period").map { "GET /v1/invoices?period=\($0)" }
        default:
            return nil
        }
    }
}
