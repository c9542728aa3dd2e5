import AllotStore
import AllotCore
import HTTPTypes

extension APIProblem {
    /// The problem of an allocation that could not run or did not succeed; nil for a failure that is not the
    /// client's doing (`failed`: a database error, a race with an ingest), which is a 500.
    init?(allocation error: AllocationRunError) {
        let detail = error.advice.forAPI
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
        let detail = error.advice.forAPI
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
}
