import AllotAPI
import AllotCore
import AllotStore

/// `GET /v1/ledger`: the current run of a period per BU, rolled up the run's BU tree as `allot ledger` shows it,
/// narrowed for finance and reader tokens to their units and descendants.
extension APIImplementation {
    func getLedger(_ input: Operations.GetLedger.Input) async throws -> Operations.GetLedger.Output {
        let principal = try principal
        let period = try Self.period(input.query.period, field: "period")
        let by = input.query.by ?? .category
        guard let dimension = LedgerDimension(by.rawValue) else { throw APIProblem.internalError }
        if let bu = input.query.bu { try Self.validateBusinessUnitID(bu, field: "bu") }
        guard let run = try await AllocationRun.current(period: period, client) else {
            throw APIProblem.notFound("\(period) has no successful allocation run; run `POST /v1/allocations` first")
        }
        let tree = run.businessUnits ?? BusinessUnitTree(nodes: [])
        let scope = BusinessUnitScope(principal: principal, access: AccessMatrix.access(principal.role, .ledgerRead), nodes: tree.nodes)
        // Rows of units the caller may not see never enter the sums.
        let totals = try await AllocationLedger.totals(run: run.id, by: dimension, client).filter { scope.contains($0.bu) }
        let rollups: [LedgerRollup]
        if let bu = input.query.bu {
            // A unit the caller may not see answers exactly as one that does not exist.
            guard tree.contains(bu), scope.contains(bu) else { throw APIProblem.notFound("run \(run.id) has no BU '\(bu)'") }
            rollups = [LedgerRollup(totals: totals, tree: tree, root: bu)]
        } else if scope.isLimited {
            // Each of the caller's units is shown as a root, without the parent it must not learn of.
            rollups = scope.roots(tree.nodes).map { LedgerRollup(totals: totals, tree: tree, root: $0) }
        } else {
            rollups = [LedgerRollup(totals: totals, tree: tree)]
        }
        guard let costBasis = Components.Schemas.CostBasis(rawValue: run.costBasis.rawValue),
            let byPayload = Components.Schemas.Ledger.ByPayload(rawValue: by.rawValue)
        else {
            throw APIProblem.internalError
        }
        let units = rollups.flatMap(\.units).map { unit in
            Components.Schemas.LedgerUnit(
                id: unit.id, name: unit.name, parentId: unit.parent, depth: unit.depth, own: unit.own.description,
                subtotal: unit.subtotal.description, lines: unit.lines.map { .init(key: $0.key, amount: $0.amount.description) })
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        runId: Int64(run.id), period: run.period, ruleSetVersion: run.ruleSetVersion, costBasis: costBasis,
                        by: byPayload, businessUnits: units, total: rollups.map(\.total).sum().description))))
    }

    /// Checks a business unit id parameter: `[a-z0-9][a-z0-9_-]*`, at most 100 characters.
    static func validateBusinessUnitID(_ id: String, field: String) throws {
        guard (1...100).contains(id.utf8.count), isBusinessUnitID(id) else {
            throw APIProblem.badRequest("\(field) must be a business unit id ([a-z0-9][a-z0-9_-]*)", field: field)
        }
    }
}
