import HTTPTypes

/// Every operation of `schemas/openapi.yaml` with its endpoint group: what authorization, the audit log, the
/// metrics' route label and 405 answers go by. A test checks that it lists exactly the document's operations.
///
/// New operations are added here with their group (and a new group's row to ``AccessMatrix``).
public enum APIRoutes {
    public static let all: [APIRoute] = [
        APIRoute(.get, "/healthz", "getHealth", .operations),
        APIRoute(.get, "/readyz", "getReadiness", .operations),
        APIRoute(.get, "/metrics", "getMetrics", .operations),
        APIRoute(.get, "/v1/deliveries", "listDeliveries", .deliveriesRead),
        APIRoute(.post, "/v1/deliveries", "createDelivery", .deliveriesWrite, audited: ["org", "create-org", "wait"]),
        APIRoute(.get, "/v1/deliveries/{id}", "getDelivery", .deliveriesRead),
        APIRoute(.get, "/v1/ingests/{id}", "getIngest", .deliveriesRead),
        APIRoute(.get, "/v1/organizations", "listOrganizations", .inventoryRead),
        APIRoute(.get, "/v1/accounts", "listAccounts", .inventoryRead),
        APIRoute(.get, "/v1/business-units", "listBusinessUnits", .businessUnitsRead),
        APIRoute(.get, "/v1/business-units/{id}", "getBusinessUnit", .businessUnitsRead),
        APIRoute(.get, "/v1/config", "getConfig", .configRead),
        APIRoute(.post, "/v1/config", "applyConfig", .configWrite, audited: ["dry-run", "effective-from", "note"]),
        APIRoute(.get, "/v1/config/versions", "listConfigVersions", .configRead),
        APIRoute(.get, "/v1/audit", "listAuditEntries", .auditRead),
        APIRoute(.get, "/v1/allocations", "listAllocations", .allocationsRead),
        APIRoute(.post, "/v1/allocations", "createAllocation", .allocationsWrite, audited: []),
        APIRoute(.get, "/v1/allocations/{id}", "getAllocation", .allocationsRead),
        APIRoute(.get, "/v1/ledger", "getLedger", .ledgerRead),
        APIRoute(.get, "/v1/invoices", "listInvoices", .invoicesRead),
        APIRoute(.get, "/v1/invoices/{id}", "getInvoice", .invoicesRead),
        APIRoute(.post, "/v1/periods/{period}/close", "closePeriod", .periodsClose, audited: ["adjustments"]),
        APIRoute(.get, "/v1/adjustments", "getAdjustments", .adjustmentsRead),
        APIRoute(.get, "/v1/reconciliation", "getReconciliation", .reconciliationRead),
    ]

    /// The route of a request; nil when no route has that path and method.
    public static func route(method: HTTPRequest.Method, path: String) -> APIRoute? {
        all.first { $0.method == method && $0.matches(path: path) }
    }

    /// The methods the path's routes take (for `Allow` in a 405); empty for an unknown path.
    public static func methods(path: String) -> [HTTPRequest.Method] {
        all.filter { $0.matches(path: path) }.map(\.method)
    }
}
