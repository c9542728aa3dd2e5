import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// Counts of everything an apply writes, to show that a refused apply or a dry run wrote nothing.
struct RegistrySnapshot: Equatable {
    var ruleSets: Int
    var organizations: Int
    var accounts: Int
    var businessUnits: Int
    var declaredMemberships: Int

    static func take(_ client: PostgresClient) async throws -> RegistrySnapshot {
        let row = try #require(try await client.query(
            """
            SELECT (SELECT count(*) FROM rule_sets) AS rule_sets,
                   (SELECT count(*) FROM organizations) AS organizations,
                   (SELECT count(*) FROM accounts) AS accounts,
                   (SELECT count(*) FROM business_units) AS business_units,
                   (SELECT count(*) FROM account_memberships WHERE source = 'declared') AS declared
            """).first)
        return RegistrySnapshot(
            ruleSets: try row.decode(Int.self, "rule_sets"), organizations: try row.decode(Int.self, "organizations"),
            accounts: try row.decode(Int.self, "accounts"), businessUnits: try row.decode(Int.self, "business_units"),
            declaredMemberships: try row.decode(Int.self, "declared"))
    }

    static let empty = RegistrySnapshot(ruleSets: 0, organizations: 0, accounts: 0, businessUnits: 0, declaredMemberships: 0)
}

extension TestDatabase {
    var ruleSets: RuleSets { RuleSets(client: client, logger: TestDatabase.logger) }

    /// Loads YAML and applies it.
    func apply(
        _ yaml: String, effectiveFrom: String? = nil, dryRun: Bool = false, note: String? = nil
    ) async throws -> ApplyResult {
        try await ruleSets.apply(
            try ConfigurationFormat.yaml.load(yaml), sourceText: yaml, effectiveFrom: effectiveFrom.flatMap(BillingPeriod.init),
            dryRun: dryRun, appliedBy: "tester", note: note)
    }
}

/// The documentation example changed: a BU added, one removed (with the default BU moved), a rule removed, the
/// credit policy changed.
enum ConfigExampleV2 {
    static let yaml = ConfigExample.yaml
        .replacingOccurrences(
            of: "          - { id: data, name: Data }\n", with: "          - { id: data, name: Data }\n          - { id: mobile, name: Mobile }\n")
        .replacingOccurrences(of: "  - { id: unallocated, name: Unallocated }\n", with: "")
        .replacingOccurrences(of: "default-bu: unallocated", with: "default-bu: finops     ")
        .replacingOccurrences(of: "    mode: as-billed ", with: "    mode: pooled-per-org ")
        .replacingOccurrences(
            of: """
                  - name: by cost centre
                    match: { orgs: [workload-a, workload-b] }
                    bu-from-tag:               # … or the BU named by a tag's value
                      tag: user_cost_center
                      values: { CC-100: web, CC-200: data }

                """, with: "")
}
