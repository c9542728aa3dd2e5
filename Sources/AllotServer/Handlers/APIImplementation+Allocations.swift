import AllotAPI
import AllotCore
import AllotStore
import Hummingbird

/// `POST /v1/allocations`, `GET /v1/allocations`, `GET /v1/allocations/{id}`: allocation runs, through the same
/// ``AllocationRunner`` as `allot allocate`.
extension APIImplementation {
    func createAllocation(_ input: Operations.CreateAllocation.Input) async throws -> Operations.CreateAllocation.Output {
        let context = try context
        let request: Components.Schemas.AllocationRequest
        switch input.body {
        case .json(let body): request = body
        }
        let period = try Self.period(request.period, field: "period")
        let organizations = try request.orgs.map { orgs in
            guard (1...1000).contains(orgs.count) else {
                throw APIProblem.badRequest("orgs must name between 1 and 1000 organizations (leave it out for all)", field: "orgs")
            }
            return try orgs.map { try Self.organizationID($0, field: "orgs") }
        }
        context.facts.audit("period", period.description)
        if let organizations { context.facts.audit("orgs", organizations.joined(separator: ",")) }
        let run = try await PeriodLock(client: client).exclusive(period) {
            try await AllocationRunner(client: client, logger: context.logger).run(period: period, organizations: organizations)
        }
        context.facts.audit("run", String(run.id))
        context.facts.audit("rule_set_version", String(run.ruleSetVersion))
        return .created(.init(body: .json(try Self.schema(run, isCurrent: true))))
    }

    func listAllocations(_ input: Operations.ListAllocations.Input) async throws -> Operations.ListAllocations.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let period = try input.query.period.map { try Self.period($0, field: "period") }
        let runs = try await AllocationRun.page(period: period, before: try paging.afterInteger(), limit: paging.limit + 1, client)
        let (page, cursor) = paging.nextCursor(runs) { String($0.id) }
        let current = try await AllocationRun.currentIDs(among: page.map(\.id), client)
        let items = try page.map { try Self.schema($0, isCurrent: current.contains($0.id)) }
        return .ok(.init(body: .json(.init(items: items, nextCursor: cursor))))
    }

    func getAllocation(_ input: Operations.GetAllocation.Input) async throws -> Operations.GetAllocation.Output {
        guard input.path.id >= 1, let id = Int(exactly: input.path.id) else {
            throw APIProblem.badRequest("id must be a positive integer", field: "id")
        }
        guard let run = try await AllocationRun.find(id: id, client) else {
            throw APIProblem.notFound("no allocation run \(id)")
        }
        let current = try await AllocationRun.currentIDs(among: [run.id], client)
        return .ok(.init(body: .json(try Self.schema(run, isCurrent: current.contains(run.id)))))
    }

    /// A run as the OpenAPI document spells it.
    static func schema(_ run: AllocationRun, isCurrent: Bool) throws -> Components.Schemas.AllocationRun {
        guard let costBasis = Components.Schemas.CostBasis(rawValue: run.costBasis.rawValue),
            let status = Components.Schemas.AllocationRun.StatusPayload(rawValue: run.status.description)
        else {
            throw APIProblem.internalError
        }
        return Components.Schemas.AllocationRun(
            id: Int64(run.id), period: run.period, orgs: run.organizations, ruleSetVersion: run.ruleSetVersion,
            costBasis: costBasis, status: status, current: isCurrent,
            inputDeliveries: run.inputDeliveries.map { .init(orgId: $0.org, deliveryId: Int64($0.delivery)) },
            reconciliation: run.reconciliation?.organizations.map {
                Components.Schemas.RunReconciliation(
                    orgId: $0.org, lineItems: $0.lineItems.description, ledger: $0.ledger.description,
                    difference: $0.difference.description, holds: $0.holds)
            },
            unmapped: run.unmapped?.map {
                Components.Schemas.UnmappedCost(
                    orgId: $0.org, accountId: $0.account, productCode: $0.productCode, buId: $0.bu, amount: $0.amount.description)
            },
            warnings: run.warnings, ledgerRows: run.ledgerRows, error: run.error, createdAt: try date(run.createdAt),
            finishedAt: try run.finishedAt.map(date))
    }
}
