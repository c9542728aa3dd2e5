import AllotAPI
import AllotCore
import AllotStore

/// `GET /v1/business-units`, `GET /v1/business-units/{id}`: the tree of the rule set in force this month, narrowed
/// for finance and reader tokens to their units and descendants (another unit answers 404, as if it did not exist).
extension APIImplementation {
    func listBusinessUnits(_ input: Operations.ListBusinessUnits.Input) async throws -> Operations.ListBusinessUnits.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let start = try paging.afterInteger().map { $0 + 1 } ?? 0
        guard start >= 0 else { throw APIProblem.badRequest("cursor is not a next_cursor of this list", field: "cursor") }
        let (version, nodes) = try await visibleBusinessUnits()
        // Positions in the visible pre-order list are the keys: the tree of a version never changes.
        let numbered = Array(nodes.enumerated().dropFirst(start).prefix(paging.limit + 1))
        let (page, cursor) = paging.nextCursor(numbered) { String($0.offset) }
        let items = page.map { Components.Schemas.BusinessUnit(id: $0.element.id, name: $0.element.name, parentId: $0.element.parentId, depth: $0.element.depth) }
        return .ok(.init(body: .json(.init(ruleSetVersion: version, items: items, nextCursor: cursor))))
    }

    func getBusinessUnit(_ input: Operations.GetBusinessUnit.Input) async throws -> Operations.GetBusinessUnit.Output {
        let id = input.path.id
        guard (1...100).contains(id.utf8.count), Self.isBusinessUnitID(id) else {
            throw APIProblem.badRequest("id must be a business unit id ([a-z0-9][a-z0-9_-]*)", field: "id")
        }
        let (version, nodes) = try await visibleBusinessUnits()
        guard let version, let unit = nodes.first(where: { $0.id == input.path.id }) else {
            throw APIProblem.notFound("no business unit '\(input.path.id)'")
        }
        let children = nodes.filter { $0.parentId == unit.id }.map(\.id)
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: unit.id, name: unit.name, parentId: unit.parentId, depth: unit.depth, children: children,
                        ruleSetVersion: version))))
    }

    /// The version in force this month and the units of its tree the caller may see, in pre-order.
    private func visibleBusinessUnits() async throws -> (version: Int?, nodes: [BusinessUnitNode]) {
        let principal = try principal
        guard let ruleSet = try await RuleSets(client: client, logger: logger).inForce(period: Self.currentPeriod) else {
            return (nil, [])
        }
        let nodes = ruleSet.configuration.businessUnitNodes
        let scope = BusinessUnitScope(principal: principal, access: AccessMatrix.access(principal.role, .businessUnitsRead), nodes: nodes)
        // A scoped caller sees its units as roots: the parent of a visible unit may be one it must not learn of.
        let visible = nodes.filter { scope.contains($0.id) }.map { node in
            var node = node
            if let parent = node.parentId, !scope.contains(parent) { node.parentId = nil }
            return node
        }
        return (ruleSet.version, visible)
    }

    /// `[a-z0-9][a-z0-9_-]*`.
    static func isBusinessUnitID(_ text: String) -> Bool {
        text.utf8.enumerated().allSatisfy { index, byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (index > 0 && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")))
        }
    }
}
