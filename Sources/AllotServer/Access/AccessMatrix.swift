import AllotStore

/// Which role may call which endpoint group: the one place the API's permissions are written down (and what
/// `docs/api.md` shows). ``AuthorizationMiddleware`` enforces it for every route of ``APIRoutes``; handlers narrow
/// `scoped` access to the token's business units.
public enum AccessMatrix {
    /// Row by row: the group, then admin, finance, planner, reader.
    public static let table: [(EndpointGroup, admin: Access, finance: Access, planner: Access, reader: Access)] = [
        (.deliveriesRead, admin: .all, finance: .denied, planner: .all, reader: .denied),
        (.deliveriesWrite, admin: .all, finance: .denied, planner: .denied, reader: .denied),
        (.inventoryRead, admin: .all, finance: .denied, planner: .all, reader: .denied),
        (.businessUnitsRead, admin: .all, finance: .scoped, planner: .all, reader: .scoped),
        (.configRead, admin: .all, finance: .denied, planner: .all, reader: .denied),
        (.configWrite, admin: .all, finance: .denied, planner: .denied, reader: .denied),
        (.auditRead, admin: .all, finance: .denied, planner: .denied, reader: .denied),
        (.allocationsRead, admin: .all, finance: .denied, planner: .all, reader: .denied),
        (.allocationsWrite, admin: .all, finance: .denied, planner: .denied, reader: .denied),
        (.ledgerRead, admin: .all, finance: .scoped, planner: .all, reader: .scoped),
        (.invoicesRead, admin: .all, finance: .scoped, planner: .denied, reader: .scoped),
        (.periodsClose, admin: .all, finance: .denied, planner: .denied, reader: .denied),
        (.adjustmentsRead, admin: .all, finance: .scoped, planner: .denied, reader: .denied),
        // Reconciliation is per organization across every BU, so a token limited to BUs would learn the others'
        // spend in aggregate; finance tokens always are limited (api_tokens' check), hence denied.
        (.reconciliationRead, admin: .all, finance: .denied, planner: .denied, reader: .denied),
    ]

    /// What `role` may do with `group`. The operations group needs no token and is allowed to everyone; a group
    /// missing from the table is denied.
    public static func access(_ role: APIRole, _ group: EndpointGroup) -> Access {
        if group == .operations { return .all }
        guard let row = table.first(where: { $0.0 == group }) else { return .denied }
        switch role {
        case .admin: return row.admin
        case .finance: return row.finance
        case .planner: return row.planner
        case .reader: return row.reader
        default: return .denied
        }
    }
}
