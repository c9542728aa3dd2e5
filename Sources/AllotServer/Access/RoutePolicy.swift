import HTTPTypes

/// The endpoint group of each route the generated code registers: what authorization decides by, on the route
/// the router matched. ``buildApplication(configuration:client:metrics:logger:onServerRunning:)`` refuses to
/// start unless this names exactly the registered routes, so no route is ever served without an access rule.
///
/// A new operation of `schemas/openapi.yaml` is added here with its group (and a new group's row to
/// ``AccessMatrix``).
public enum RoutePolicy {
    public static let groups: [RouteKey: EndpointGroup] = [
        RouteKey(.get, "/healthz"): .operations,
        RouteKey(.get, "/readyz"): .operations,
        RouteKey(.get, "/metrics"): .operations,
        RouteKey(.get, "/v1/deliveries"): .deliveriesRead,
        RouteKey(.post, "/v1/deliveries"): .deliveriesWrite,
        RouteKey(.get, "/v1/deliveries/{id}"): .deliveriesRead,
        RouteKey(.get, "/v1/ingests/{id}"): .deliveriesRead,
        RouteKey(.get, "/v1/organizations"): .inventoryRead,
        RouteKey(.get, "/v1/accounts"): .inventoryRead,
        RouteKey(.get, "/v1/business-units"): .businessUnitsRead,
        RouteKey(.get, "/v1/business-units/{id}"): .businessUnitsRead,
        RouteKey(.get, "/v1/config"): .configRead,
        RouteKey(.post, "/v1/config"): .configWrite,
        RouteKey(.get, "/v1/config/versions"): .configRead,
        RouteKey(.get, "/v1/audit"): .auditRead,
        RouteKey(.get, "/v1/allocations"): .allocationsRead,
        RouteKey(.post, "/v1/allocations"): .allocationsWrite,
        RouteKey(.get, "/v1/allocations/{id}"): .allocationsRead,
        RouteKey(.get, "/v1/ledger"): .ledgerRead,
        RouteKey(.get, "/v1/invoices"): .invoicesRead,
        RouteKey(.get, "/v1/invoices/{id}"): .invoicesRead,
        RouteKey(.post, "/v1/periods/{period}/close"): .periodsClose,
        RouteKey(.get, "/v1/adjustments"): .adjustmentsRead,
        RouteKey(.get, "/v1/reconciliation"): .reconciliationRead,
    ]

    /// The group of a matched route; nil for a route without one (which is denied).
    public static func group(_ route: RouteKey) -> EndpointGroup? {
        groups[route]
    }

    /// Whether a method changes state: every request with one is written to the audit log.
    public static func isStateChanging(_ method: HTTPRequest.Method) -> Bool {
        ![.get, .head, .options].contains(method)
    }
}
