import AllotCore
import AllotStore
import Postgres

/// The business units a principal may see in a tree: every one for unscoped roles, else the token's units and
/// their descendants.
struct BusinessUnitScope: Sendable {
    /// Nil: every unit.
    private let visible: Set<String>?

    init(principal: Principal, access: Access, nodes: [BusinessUnitNode]) {
        guard access == .scoped else {
            visible = nil
            return
        }
        var children: [String: [String]] = [:]
        for node in nodes {
            if let parent = node.parentId { children[parent, default: []].append(node.id) }
        }
        var visible: Set<String> = []
        var pending = principal.businessUnits.filter { unit in nodes.contains { $0.id == unit } }
        while let unit = pending.popLast() {
            guard visible.insert(unit).inserted else { continue }
            pending += children[unit] ?? []
        }
        self.visible = visible
    }

    /// Whether the principal may see the unit.
    func contains(_ unit: String) -> Bool {
        visible?.contains(unit) ?? true
    }

    /// Whether the principal sees only some units.
    var isLimited: Bool { visible != nil }

    /// The visible units of `nodes` whose parent is not visible (every top-level unit for an unlimited principal),
    /// in the nodes' order: the roots a limited principal sees its units as.
    func roots(_ nodes: [BusinessUnitNode]) -> [String] {
        nodes.filter { node in contains(node.id) && !(node.parentId.map(contains) ?? false) }.map(\.id)
    }
}

extension BusinessUnitScope {
    /// The units a caller may see of a period's invoices (or adjustments): by the BU tree of the period's current run;
    /// nothing for a limited caller when the period has no run.
    static func invoices(principal: Principal, group: EndpointGroup, period: BillingPeriod, client: PostgresClient) async throws
        -> BusinessUnitScope
    {
        let access = AccessMatrix.access(principal.role, group)
        guard access == .scoped else { return BusinessUnitScope(principal: principal, access: access, nodes: []) }
        let run = try await AllocationRun.current(period: period, client)
        return BusinessUnitScope(principal: principal, access: access, nodes: run?.businessUnits?.nodes ?? [])
    }
}
