import AllotCore
import Testing

/// What `allot apply` shows: the changes between two configurations, one line each.
@Suite struct ConfigDiffTests {
    static let base = AllotConfiguration(
        organizations: [OrganizationDeclaration(id: "mgmt", name: "Management", payer: "111111111111", customer: "acme")],
        accounts: [AccountDeclaration(id: "111111111112", name: "sec", kind: .shared)],
        accountPatterns: [AccountPattern(name: "sandbox-*", kind: .sandbox), AccountPattern(name: "lab-*", kind: .sandbox)],
        holdingAccounts: [HoldingAccountDeclaration(account: "333333333333", bu: "finops")],
        businessUnits: [
            BusinessUnitDeclaration(id: "eng", name: "Engineering", children: [BusinessUnitDeclaration(id: "web", name: "Web")]),
            BusinessUnitDeclaration(id: "finops", name: "FinOps"),
        ],
        defaultBU: "finops",
        rules: [
            MappingRule(name: "security", match: LineMatch(accounts: ["111111111112"]), bu: "finops"),
            MappingRule(match: LineMatch(orgs: ["mgmt"]), bu: "web"),
            MappingRule(name: "by team", buFromTag: TagToBU(tag: "user_team", values: ["w": "web"])),
        ],
        sharedCosts: [
            SharedCostRule(
                name: "support", source: SharedCostSource(lineItemTypes: ["Fee"]), targets: SharedCostTargets(allWithSpend: true),
                method: .even),
            SharedCostRule(
                name: "tax", source: SharedCostSource(lineItemTypes: ["Tax"]), targets: SharedCostTargets(bus: ["web"]),
                method: .proportional),
        ])

    @Test func identicalConfigurationsHaveNoChanges() {
        #expect(ConfigurationDiff(from: Self.base, to: Self.base).isEmpty)
    }

    @Test func everySectionReportsAddedRemovedAndChanged() {
        var new = Self.base
        new.currency = "EUR"
        new.organizations[0].name = "Mgmt"
        new.organizations.append(OrganizationDeclaration(id: "work", name: "Work", payer: "222222222222", customer: "acme"))
        new.accounts = [AccountDeclaration(id: "111111111112", name: "sec", kind: .workload), AccountDeclaration(id: "555555555555")]
        new.accountPatterns = [AccountPattern(name: "lab-*", kind: .sandbox), AccountPattern(name: "sandbox-*", kind: .workload)]
        new.holdingAccounts[0].history = [MembershipInterval(org: "mgmt", from: "2026-01-01")]
        new.businessUnits = [
            BusinessUnitDeclaration(id: "eng", name: "Engineering", children: [BusinessUnitDeclaration(id: "platform", name: "Platform", children: [
                BusinessUnitDeclaration(id: "web", name: "Web shop")
            ])]),
            BusinessUnitDeclaration(id: "finops", name: "FinOps"),
        ]
        new.policies.credits.mode = .pooledPerOrg
        new.policies.savings = SavingsPolicy(mode: .share, centralBU: "finops", sharePercent: "50")
        new.sharedCosts[1].method = .fixed
        new.sharedCosts[1].percentages = ["web": "100"]
        new.sharedCosts.remove(at: 0)
        #expect(ConfigurationDiff(from: Self.base, to: new).changes.map(\.description) == [
            "~ currency: USD → EUR",
            "~ organization mgmt name: Management → Mgmt",
            "+ organization work (Work, payer 222222222222, customer acme)",
            "~ account 111111111112 kind: shared → workload",
            "+ account 555555555555 (workload)",
            "~ account-pattern sandbox-* kind: sandbox → workload",
            "~ account-patterns order: sandbox-*, lab-* → lab-*, sandbox-*",
            "~ holding-account 333333333333 history: no history → mgmt from 2026-01-01",
            "+ bu platform (Platform) under eng",
            "~ bu web name: Web → Web shop",
            "~ bu web parent: eng → platform",
            "~ policies.savings.mode: pass-through → share",
            "~ policies.savings.central-bu: (none) → finops",
            "~ policies.savings.share-percent: (none) → 50",
            "~ policies.credits.mode: as-billed → pooled-per-org",
            "~ shared-costs 'tax' method: proportional → fixed",
            "~ shared-costs 'tax' percentages: (none) → web 100",
            "- shared-costs 'support'",
        ])
    }

    @Test func rulesAreMatchedByNameThenContentAndMovesAreReported() {
        var new = Self.base
        // Move "by team" up (changing its values), change the unnamed rule's target, add a rule at the end.
        new.rules = [
            MappingRule(name: "security", match: LineMatch(accounts: ["111111111112"]), bu: "finops"),
            MappingRule(name: "by team", buFromTag: TagToBU(tag: "user_team", values: ["w": "web", "f": "finops"])),
            MappingRule(match: LineMatch(orgs: ["mgmt"]), bu: "finops"),
            MappingRule(name: "catch-all", bu: "eng"),
        ]
        #expect(ConfigurationDiff(from: Self.base, to: new).changes.map(\.description) == [
            "~ rules[1] 'by team' moved from rules[2]",
            "~ rules[1] 'by team' target: bu-from-tag user_team (w → web) → bu-from-tag user_team (f → finops, w → web)",
            "~ rules[2] target: bu web → bu finops",
            "+ rules[3] 'catch-all': everything → bu eng",
        ])
    }

    @Test func reversedRulesReportTheTwoThatMoved() {
        var new = Self.base
        new.rules.reverse()
        #expect(ConfigurationDiff(from: Self.base, to: new).changes.map(\.description) == [
            "~ rules[0] 'by team' moved from rules[2]",
            "~ rules[2] 'security' moved from rules[0]",
        ])
    }

    @Test func removedRuleKeepsItsOldPosition() {
        var new = Self.base
        new.rules.remove(at: 1)
        #expect(ConfigurationDiff(from: Self.base, to: new).changes.map(\.description) == ["- rules[1]"])
    }

    @Test func firstVersionAddsEverything() {
        let lines = ConfigurationDiff(from: nil, to: Self.base).changes.map(\.description)
        #expect(lines.first == "+ currency USD, default-bu finops")
        #expect(lines.contains("+ rules[1]: orgs mgmt → bu web"))
        #expect(lines.contains("+ policies: cost-basis amortized, unused-commitment owner, savings pass-through, credits as-billed"))
        #expect(lines.contains("+ shared-costs 'support': even from line-item-types Fee over all BUs with spend"))
        #expect(lines.count == 15)
    }
}
