import AllotAPI
import AllotCore
import AllotServer
import AllotStore
import AllotTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationEssentialsCompat
import Postgres

/// A migrated database with a business-unit tree and a token of every role, and the application built on it.
///
/// The tree (rule set version 1):
/// ```
/// engineering ─┬─ platform ─┬─ web
///              │            └─ data
///              └─ mobile
/// finance-dept ── billing
/// shared
/// ```
/// The finance token is limited to `platform` (so it sees platform, web, data), the reader token to `billing`;
/// tests of allocations and invoices use ``InvoiceScenario``'s rule set and units instead.
struct APIFixture: Sendable {
    let database: TestDatabase
    let configuration: ServerConfiguration
    /// Token secrets by role name: admin, finance, planner, reader.
    let tokens: [String: String]

    var client: PostgresClient { database.client }

    static let treeYAML = """
        default-bu: shared
        business-units:
          - id: engineering
            name: Engineering
            children:
              - id: platform
                name: Platform
                children:
                  - { id: web, name: Web }
                  - { id: data, name: Data }
              - { id: mobile, name: Mobile }
          - id: finance-dept
            name: Finance
            children:
              - { id: billing, name: Billing }
          - { id: shared, name: Shared }
        """

    /// Runs `body` with a fresh fixture and its application.
    ///
    /// - Parameters:
    ///   - ruleSet: the rule set applied as version 1 (effective for every period) unless `applyTree` is false;
    ///     the tree above by default.
    ///   - finance: the units the finance token is limited to; `reader` those of the reader token.
    static func with<Value>(
        applyTree: Bool = true,
        ruleSet: (format: ConfigurationFormat, text: String) = (.yaml, treeYAML),
        finance: [String] = ["platform"],
        reader: [String] = ["billing"],
        configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: (APIFixture, AllotApplication) async throws -> Value
    ) async throws -> Value {
        try await TestDatabase.migrated(maxConnections: 8) { database in
            let spool = FileManager.default.temporaryDirectory.appendingPathComponent("allot-spool-" + UUID().uuidString).path
            defer { try? FileManager.default.removeItem(atPath: spool) }
            var configuration = ServerConfiguration(
                port: 0, spoolDirectory: spool, answerWithin: .seconds(600), tokenCacheTime: .zero,
                migrations: try Migration.load(directory: ProjectPaths.migrations))
            // Uploads answer 201 however loaded the machine running the whole suite is; the test of the 202 path
            // sets its own (zero) wait.
            configure(&configuration)
            if applyTree {
                let rules = RuleSets(client: database.client, logger: TestDatabase.logger)
                _ = try await rules.apply(try ruleSet.format.load(ruleSet.text), sourceText: ruleSet.text, appliedBy: "tests")
            }
            let store = APITokens(client: database.client, logger: TestDatabase.logger)
            var tokens: [String: String] = [:]
            tokens["admin"] = try await store.create(name: "admin-token", role: .admin, actor: "cli:tests").secret.text
            tokens["planner"] = try await store.create(name: "planner-token", role: .planner, actor: "cli:tests").secret.text
            if applyTree {
                tokens["finance"] = try await store.create(
                    name: "finance-token", role: .finance, businessUnits: finance, actor: "cli:tests"
                ).secret.text
                tokens["reader"] = try await store.create(
                    name: "reader-token", role: .reader, businessUnits: reader, actor: "cli:tests"
                ).secret.text
            }
            let fixture = APIFixture(database: database, configuration: configuration, tokens: tokens)
            let app = try buildApplication(configuration: configuration, client: database.client, logger: TestDatabase.logger)
            return try await body(fixture, app)
        }
    }

    /// `Authorization: Bearer …` of a role's token, plus `extra`.
    func headers(_ role: String?, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        if let role, let token = tokens[role] { headers[.authorization] = "Bearer \(token)" }
        return headers
    }
}

/// Decoding answers into the generated types.
extension TestResponse {
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(buffer: body))
    }

    var problem: Components.Schemas.Problem? { try? decode(Components.Schemas.Problem.self) }

    var text: String { String(buffer: body) }
}

extension ByteBuffer {
    init(file path: String) throws {
        self.init(data: try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
