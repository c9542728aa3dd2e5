import AllotAPI
import AllotStore

/// `GET /v1/audit`, for admins.
extension APIImplementation {
    func listAuditEntries(_ input: Operations.ListAuditEntries.Input) async throws -> Operations.ListAuditEntries.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let entries = try await AuditLog(client: client).entries(before: try paging.afterInteger(), limit: paging.limit + 1)
        let (page, cursor) = paging.nextCursor(entries) { String($0.id) }
        let items = page.map { entry in
            Components.Schemas.AuditEntry(
                id: Int64(entry.id), at: entry.at, actor: entry.event.actor, action: entry.event.action,
                parameters: .init(additionalProperties: entry.event.parameters), clientAddress: entry.event.clientAddress,
                outcome: entry.event.outcome == .success ? .success : .failure, status: entry.event.status,
                requestId: entry.event.requestId)
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: cursor))))
    }
}
