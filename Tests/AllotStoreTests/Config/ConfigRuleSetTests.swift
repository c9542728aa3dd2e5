import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Postgres
import Testing

/// `RuleSets` against a real database: versions, the rule set in force per period, dry runs, refusals, and the
/// registry kept in step (organizations, accounts, BUs, declared memberships).
@Suite struct ConfigRuleSetTests {
    @Test func firstVersionAppliesToEveryPeriodAndRegistersEverything() async throws {
        try await TestDatabase.migrated { database in
            // An account a CUR named, which an account pattern makes a sandbox.
            try await database.client.execute("INSERT INTO accounts (account_id, name) VALUES ('555555555555', 'sandbox-bob')")
            let result = try await database.apply(ConfigExample.yaml, note: "initial")
            #expect(result.status == .applied)
            #expect(result.version == 1)
            #expect(result.effectiveFrom == RuleSets.beginning)
            #expect(result.baseVersion == nil)
            #expect(result.warnings == [])
            #expect(result.diff.changes.map(\.description) == [
                "+ currency USD, default-bu unallocated",
                "+ organization mgmt (Management, payer 111111111111, customer acme)",
                "+ organization workload-a (Workload A, payer 222222222222, customer acme)",
                "+ organization workload-b (Workload B, payer 444444444444, customer acme)",
                "+ account 111111111112 sec-tooling (shared)",
                "+ account-pattern sandbox-* → sandbox",
                "+ holding-account 333333333333 (bu finops; workload-a from 2026-01-01 to 2026-10-15T00:00:00Z, "
                    + "workload-b from 2026-10-15T00:00:00Z)",
                "+ bu engineering (Engineering)",
                "+ bu platform (Platform) under engineering",
                "+ bu web (Web) under platform",
                "+ bu data (Data) under platform",
                "+ bu security (Security)",
                "+ bu finops (FinOps)",
                "+ bu unallocated (Unallocated)",
                "+ rules[0] 'security tooling': accounts 111111111112; account-name sec-*; orgs mgmt; "
                    + "tags user_team=security|secops; cost-categories bu=security; product-codes AmazonGuardDuty; "
                    + "line-item-types Usage → bu security",
                "+ rules[1] 'by cost centre': orgs workload-a, workload-b → bu-from-tag user_cost_center (CC-100 → web, CC-200 → data)",
                "+ policies: cost-basis amortized, unused-commitment owner, savings pass-through (central-bu finops, "
                    + "share-percent 50), credits as-billed (bu finops)",
                "+ shared-costs 'security': fixed from accounts 111111111112; bus security; product-codes AWSSupportEnterprise; "
                    + "line-item-types Tax over bus web, data (data 40, web 60)",
            ])
            #expect(try await RegistrySnapshot.take(database.client) == RegistrySnapshot(
                ruleSets: 1, organizations: 3, accounts: 6, businessUnits: 7, declaredMemberships: 2))

            let organizations = try await OrganizationRecord.all(database.client)
            #expect(organizations.map { "\($0.id) \($0.name) \($0.payerAccountId) \($0.customer) \($0.currency)" } == [
                "mgmt Management 111111111111 acme USD", "workload-a Workload A 222222222222 acme USD",
                "workload-b Workload B 444444444444 acme USD",
            ])
            let accounts = try await database.client.query("SELECT account_id, name, kind FROM accounts ORDER BY account_id")
                .map { row in
                    "\(try row.decode(String.self, "account_id")) \(try row.decode(String?.self, "name") ?? "-") "
                        + (try row.decode(String.self, "kind"))
                }
            #expect(accounts == [
                "111111111111 - management", "111111111112 sec-tooling shared", "222222222222 - management",
                "333333333333 - holding", "444444444444 - management", "555555555555 sandbox-bob sandbox",
            ])
            let units = try await BusinessUnitRecord.all(database.client)
            #expect(units.map { "\($0.id)<\($0.parentId ?? "") \($0.firstVersion)-\($0.lastVersion)" } == [
                "data<platform 1-1", "engineering< 1-1", "finops< 1-1", "platform<engineering 1-1", "security< 1-1",
                "unallocated< 1-1", "web<platform 1-1",
            ])
            let memberships = try await database.client.query(
                """
                SELECT account_id, org_id, lower(during) AS starts, upper(during) AS ends, rule_set_version
                FROM account_memberships WHERE source = 'declared' ORDER BY lower(during)
                """
            ).map { row in
                "\(try row.decode(String.self, "account_id")) \(try row.decode(String.self, "org_id")) "
                    + "\(try row.decode(Timestamp.self, "starts"))…\(try row.decode(Timestamp?.self, "ends").map(\.description) ?? "") "
                    + "v\(try row.decode(Int.self, "rule_set_version"))"
            }
            #expect(memberships == [
                "333333333333 workload-a 2026-01-01T00:00:00Z…2026-10-15T00:00:00Z v1",
                "333333333333 workload-b 2026-10-15T00:00:00Z… v1",
            ])

            let stored = try await database.ruleSets.version(1)
            #expect(stored.configuration == (try ConfigurationFormat.yaml.load(ConfigExample.yaml)))
            #expect(stored.sourceText == ConfigExample.yaml)
            #expect(stored.summary.note == "initial")
            #expect(stored.summary.appliedBy == "tester")
            #expect(stored.summary.sha256.count == 64)
        }
    }

    @Test func laterVersionIsInForceFromItsPeriodOnly() async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.apply(ConfigExample.yaml)
            let second = try await database.apply(ConfigExampleV2.yaml, effectiveFrom: "2026-09", note: "mobile team")
            #expect(second.status == .applied)
            #expect(second.version == 2)
            #expect(second.baseVersion == 1)
            #expect(second.diff.changes.map(\.description) == [
                "~ default-bu: unallocated → finops",
                "+ bu mobile (Mobile) under platform",
                "- bu unallocated (Unallocated)",
                "- rules[1] 'by cost centre'",
                "~ policies.credits.mode: as-billed → pooled-per-org",
            ])
            for (period, version) in [("2000-01", 1), ("2026-08", 1), ("2026-09", 2), ("2027-01", 2)] {
                let inForce = try await database.ruleSets.inForce(period: try BillingPeriod(parsing: period))
                #expect(inForce?.version == version, "\(period)")
            }
            #expect(try await database.ruleSets.inForce(period: try BillingPeriod(parsing: "2026-09"))?.configuration.defaultBU == "finops")

            let history = try await database.ruleSets.history()
            #expect(history.map { "\($0.version) \(RuleSets.label($0.effectiveFrom)) \($0.appliedBy) \($0.note ?? "-")" } == [
                "1 beginning tester -", "2 2026-09 tester mobile team",
            ])
            let units = try await BusinessUnitRecord.all(database.client)
            #expect(units.map { "\($0.id) \($0.firstVersion)-\($0.lastVersion)" } == [
                "data 1-2", "engineering 1-2", "finops 1-2", "mobile 2-2", "platform 1-2", "security 1-2", "unallocated 1-1", "web 1-2",
            ])

            // The same file again, in force from the same period: nothing new.
            let again = try await database.apply(ConfigExampleV2.yaml, effectiveFrom: "2026-09")
            #expect(again.status == .unchanged)
            #expect(again.version == 2)
            #expect(again.diff.isEmpty)
            // The same file effective earlier does change what is in force there: a new version.
            let earlier = try await database.apply(ConfigExampleV2.yaml, effectiveFrom: "2026-03")
            #expect(earlier.status == .applied)
            #expect(earlier.version == 3)
            #expect(earlier.baseVersion == 1)
            #expect(try await database.ruleSets.inForce(period: try BillingPeriod(parsing: "2026-02"))?.version == 1)
            #expect(try await database.ruleSets.inForce(period: try BillingPeriod(parsing: "2026-03"))?.version == 3)
        }
    }

    @Test func laterVersionWithoutEffectivePeriodStartsInTheCurrentMonth() async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.apply(ConfigExample.yaml)
            let result = try await database.apply(ConfigExampleV2.yaml)
            let now = BillingPeriod(containing: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
            #expect(result.effectiveFrom == now)
            #expect(result.baseVersion == 1)
        }
    }

    @Test func dryRunStoresNothing() async throws {
        try await TestDatabase.migrated { database in
            let result = try await database.apply(ConfigExample.yaml, dryRun: true)
            #expect(result.status == .dryRun)
            #expect(result.version == nil)
            #expect(result.effectiveFrom == RuleSets.beginning)
            #expect(result.diff.changes.count == 18)
            #expect(try await RegistrySnapshot.take(database.client) == .empty)

            _ = try await database.apply(ConfigExample.yaml)
            // The same file again: the dry run answers what the apply would, that nothing is to be stored.
            let again = try await database.apply(ConfigExample.yaml, dryRun: true)
            #expect(again.status == .unchanged && again.version == 1)
            let before = try await RegistrySnapshot.take(database.client)
            let second = try await database.apply(ConfigExampleV2.yaml, effectiveFrom: "2026-09", dryRun: true)
            #expect(second.status == .dryRun)
            #expect(second.baseVersion == 1)
            #expect(second.diff.changes.count == 5)
            #expect(try await RegistrySnapshot.take(database.client) == before)
            #expect(try await database.ruleSets.history().count == 1)
        }
    }

    @Test func fixedPercentagesSummingTo99AreRejectedAndNothingIsStored() async throws {
        try await TestDatabase.migrated { database in
            let yaml = ConfigExample.yaml.replacingOccurrences(of: "{ web: 60, data: 40 }", with: "{ web: 60, data: 39 }")
            // The document decodes (its shape is right); `apply` validates it and refuses it.
            let configuration = try AllotConfiguration(document: try ConfigurationFormat.yaml.read(yaml))
            let error = await #expect(throws: ConfigurationError.self) {
                try await database.ruleSets.apply(configuration, sourceText: yaml, appliedBy: "tester")
            }
            #expect(error?.code == .invalid)
            #expect(error?.issues.map(\.description) == ["shared-costs[0].percentages: sum to 99, must be exactly 100"])
            #expect(try await RegistrySnapshot.take(database.client) == .empty)
        }
    }

    @Test func declaredIntervalContradictingAnObservedOneIsReported() async throws {
        try await TestDatabase.migrated { database in
            _ = try await database.apply(ConfigExample.yaml)
            // The holding account is declared in workload-a until 2026-10-15, but workload-b's CUR bills it in June.
            let path = try TinyCUR.write([TinyCUR.Row(payer: "444444444444", account: "333333333333")])
            let ingested = try await database.ingest([path], create: false)
            #expect(ingested.delivery.organization == "workload-b")

            let changed = ConfigExample.yaml.replacingOccurrences(of: "name: Management", with: "name: Management org")
            let result = try await database.apply(changed, effectiveFrom: "2026-07")
            #expect(result.status == .applied)
            #expect(result.diff.changes.map(\.description) == ["~ organization mgmt name: Management → Management org"])
            #expect(result.warnings == [
                "holding-accounts[0].history[0]: account 333333333333 is declared in workload-a from 2026-01-01T00:00:00Z "
                    + "to 2026-10-15T00:00:00Z, but CUR deliveries show it in workload-b from 2026-06-01T00:00:00Z to 2026-06-01T01:00:00Z"
            ])
            // The declared rows are those of the newest version; the observed one is kept beside them.
            let rows = try await database.client.query(
                "SELECT source, org_id, rule_set_version FROM account_memberships ORDER BY source, lower(during)"
            ).map { row in
                "\(try row.decode(String.self, "source")) \(try row.decode(String.self, "org_id")) "
                    + (try row.decode(Int?.self, "rule_set_version").map(String.init) ?? "-")
            }
            #expect(rows == ["declared workload-a 2", "declared workload-b 2", "observed workload-b -"])
        }
    }

    @Test func payerRegisteredUnderAnotherIdIsRefused() async throws {
        try await TestDatabase.migrated { database in
            // `allot ingest --create-org` registered the management payer under its account id.
            _ = try await database.ingest([try TinyCUR.write([TinyCUR.Row(payer: "111111111111")])], create: true)
            let before = try await RegistrySnapshot.take(database.client)
            let error = await #expect(throws: RuleSetError.self) { try await database.apply(ConfigExample.yaml) }
            #expect(error?.code == .organizationConflict)
            #expect(error?.description == "organizations[0] (mgmt): payer account 111111111111 is already registered as "
                + "organization '111111111111'; organizations are not renamed — declare it with id '111111111111'")
            #expect(try await RegistrySnapshot.take(database.client) == before)

            // Declared under the registered id, the file applies; the registered organization takes its name.
            let renamed = ConfigExample.yaml.replacingOccurrences(of: "id: mgmt ", with: "id: \"111111111111\" ")
                .replacingOccurrences(of: "orgs: [mgmt]", with: "orgs: [\"111111111111\"]")
            let result = try await database.apply(renamed)
            #expect(result.version == 1)
            #expect(try await OrganizationRecord.find(id: "111111111111", database.client)?.name == "Management")
        }
    }

    @Test func unknownVersionIsNotFound() async throws {
        try await TestDatabase.migrated { database in
            let none = await #expect(throws: RuleSetError.self) { try await database.ruleSets.version(1) }
            #expect(none?.description == "no rule set version 1 (none is applied yet)")
            _ = try await database.apply(ConfigExample.yaml)
            let missing = await #expect(throws: RuleSetError.self) { try await database.ruleSets.version(7) }
            #expect(missing?.code == .notFound)
            #expect(missing?.description == "no rule set version 7 (the newest is 1)")
        }
    }
}
