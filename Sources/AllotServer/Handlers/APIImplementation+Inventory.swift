import AllotAPI
import AllotStore
import Foundation

/// `GET /v1/organizations`, `GET /v1/accounts`.
extension APIImplementation {
    func listOrganizations(_ input: Operations.ListOrganizations.Input) async throws -> Operations.ListOrganizations.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let records = try await OrganizationRecord.page(after: paging.after, limit: paging.limit + 1, client)
        let (page, cursor) = paging.nextCursor(records, key: \.id)
        let items = page.map {
            Components.Schemas.Organization(
                id: $0.id, name: $0.name, payerAccountId: $0.payerAccountId, customer: $0.customer, currency: $0.currency)
        }
        return .ok(.init(body: .json(.init(items: items, nextCursor: cursor))))
    }

    func listAccounts(_ input: Operations.ListAccounts.Input) async throws -> Operations.ListAccounts.Output {
        let paging = try Paging(limit: input.query.limit, cursor: input.query.cursor)
        let organization = try input.query.org.map { try Self.organizationID($0) }
        if let organization, try await OrganizationRecord.find(id: organization, client) == nil {
            throw APIProblem.notFound("no organization '\(organization)'")
        }
        let at = input.query.at ?? Date()
        var after: (account: String, organization: String)?
        if let key = paging.after {
            let parts = key.split(separator: "|", maxSplits: 1)
            guard parts.count == 2 else { throw APIProblem.badRequest("cursor is not a next_cursor of this list", field: "cursor") }
            after = (String(parts[0]), String(parts[1]))
        }
        let members = try await AccountMember.members(
            organization: organization, at: at, after: after, limit: paging.limit + 1, client)
        let (page, cursor) = paging.nextCursor(members) { "\($0.accountId)|\($0.organization)" }
        let items = try page.map { member in
            guard let kind = Components.Schemas.Account.KindPayload(rawValue: member.kind) else { throw APIProblem.internalError }
            return Components.Schemas.Account(
                accountId: member.accountId, name: member.name, kind: kind, orgId: member.organization,
                sources: member.sources.compactMap(Components.Schemas.Account.SourcesPayloadPayload.init(rawValue:)),
                memberFrom: member.memberFrom, memberUntil: member.memberUntil)
        }
        return .ok(.init(body: .json(.init(at: at, items: items, nextCursor: cursor))))
    }
}
