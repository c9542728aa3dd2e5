/// A group of endpoints that one access rule covers: the rows of the access matrix.
public struct EndpointGroup: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable, CaseIterable {
        case operations
        case deliveriesRead = "deliveries:read"
        case deliveriesWrite = "deliveries:write"
        case inventoryRead = "inventory:read"
        case businessUnitsRead = "business-units:read"
        case configRead = "config:read"
        case configWrite = "config:write"
        case auditRead = "audit:read"
        case allocationsRead = "allocations:read"
        case allocationsWrite = "allocations:write"
        case ledgerRead = "ledger:read"
        case invoicesRead = "invoices:read"
        case periodsClose = "periods:close"
        case adjustmentsRead = "adjustments:read"
        case reconciliationRead = "reconciliation:read"
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// `/healthz`, `/readyz`, `/metrics`: no token needed.
    public static let operations = EndpointGroup(.operations)
    /// `GET /v1/deliveries…`, `GET /v1/ingests/{id}`.
    public static let deliveriesRead = EndpointGroup(.deliveriesRead)
    /// `POST /v1/deliveries`.
    public static let deliveriesWrite = EndpointGroup(.deliveriesWrite)
    /// `GET /v1/organizations`, `GET /v1/accounts`.
    public static let inventoryRead = EndpointGroup(.inventoryRead)
    /// `GET /v1/business-units…`: scoped for finance and reader tokens.
    public static let businessUnitsRead = EndpointGroup(.businessUnitsRead)
    /// `GET /v1/config`, `GET /v1/config/versions`.
    public static let configRead = EndpointGroup(.configRead)
    /// `POST /v1/config`.
    public static let configWrite = EndpointGroup(.configWrite)
    /// `GET /v1/audit`.
    public static let auditRead = EndpointGroup(.auditRead)
    /// `GET /v1/allocations`, `GET /v1/allocations/{id}`.
    public static let allocationsRead = EndpointGroup(.allocationsRead)
    /// `POST /v1/allocations`.
    public static let allocationsWrite = EndpointGroup(.allocationsWrite)
    /// `GET /v1/ledger`: scoped for finance and reader tokens.
    public static let ledgerRead = EndpointGroup(.ledgerRead)
    /// `GET /v1/invoices`, `GET /v1/invoices/{id}`: scoped for finance and reader tokens.
    public static let invoicesRead = EndpointGroup(.invoicesRead)
    /// `POST /v1/periods/{period}/close`.
    public static let periodsClose = EndpointGroup(.periodsClose)
    /// `GET /v1/adjustments`: scoped for finance tokens.
    public static let adjustmentsRead = EndpointGroup(.adjustmentsRead)
    /// `GET /v1/reconciliation`.
    public static let reconciliationRead = EndpointGroup(.reconciliationRead)

    /// Every group, in the order of the documentation.
    public static let all: [EndpointGroup] = Base.allCases.map(EndpointGroup.init)

    /// `deliveries:read` …
    public var description: String { base.rawValue }
}
