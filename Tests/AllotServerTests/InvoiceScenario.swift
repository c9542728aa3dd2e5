import AllotAPI
import AllotCore
import AllotServer
import AllotStore
import AllotTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The invoice scenario of `AllotTestSupport` (``InvoiceScenarioCUR``: its CUR rows, rule set and the hand-computed
/// figures of 2026-06, with the exact ledger per BU), for the API: its organizations' CURs as legacy CUR texts
/// uploaded through `POST /v1/deliveries`, its rule set (amortized basis, `invoices.level: own`) applied by
/// `APIFixture` as JSON, and its allocation through `POST /v1/allocations`.
enum InvoiceScenario {
    /// The late credit AWS adds to wl-a after the month closed: −1.25 on data's RDS account.
    static let lateCredit = InvoiceScenarioCUR.lateCredit

    /// The scenario's rule set, as the JSON document `APIFixture` applies.
    static func ruleSet() throws -> (format: ConfigurationFormat, text: String) {
        (.json, try ConfigurationText.json(InvoiceScenarioCUR.configuration()))
    }

    /// Runs `body` with a fixture on the scenario's rule set: the finance token limited to `web`, the reader token to
    /// `engineering` (so it sees engineering, web and data, not central).
    static func with<Value>(_ body: (APIFixture, AllotApplication) async throws -> Value) async throws -> Value {
        try await APIFixture.with(ruleSet: try ruleSet(), finance: ["web"], reader: ["engineering"], body)
    }

    /// Uploads an organization's CUR as admin; the answer's status.
    @discardableResult
    static func upload(
        _ org: String, extra: [InvoiceScenarioCUR.Row] = [], _ client: some TestClientProtocol, _ fixture: APIFixture
    ) async throws -> HTTPResponse.Status {
        let response = try await client.execute(
            uri: "/v1/deliveries?org=\(org)", method: .post, headers: fixture.headers("admin", [.contentType: "text/csv"]),
            body: ByteBuffer(string: InvoiceScenarioCUR.csv(org: org, extra: extra)))
        return response.status
    }

    /// Uploads the three organizations' CURs and allocates 2026-06 through the API, as admin; returns the run.
    static func prepare(_ client: some TestClientProtocol, _ fixture: APIFixture) async throws -> Components.Schemas.AllocationRun {
        for org in InvoiceScenarioCUR.organizations {
            let status = try await upload(org, client, fixture)
            #expect(status == .created, "upload of \(org)")
        }
        return try await allocate(client, fixture)
    }

    /// `POST /v1/allocations` of 2026-06 as admin; the run it created.
    static func allocate(_ client: some TestClientProtocol, _ fixture: APIFixture) async throws -> Components.Schemas.AllocationRun {
        let response = try await client.execute(
            uri: "/v1/allocations", method: .post, headers: fixture.headers("admin", [.contentType: "application/json"]),
            body: ByteBuffer(string: #"{"period": "2026-06"}"#))
        try #require(response.status == .created, "\(response.text)")
        return try response.decode(Components.Schemas.AllocationRun.self)
    }
}
