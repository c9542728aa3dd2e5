import AllotCore
import Testing

/// The pieces configuration code is built from: globs, instants, canonical keys, the BU tree, account kinds.
@Suite struct ConfigPartsTests {
    @Test(arguments: [
        ("sandbox-*", "sandbox-alice", true), ("sandbox-*", "sandbox-", true), ("sandbox-*", "prod-sandbox-1", false),
        ("*-prod", "web-prod", true), ("*-prod", "web-prod-2", false), ("a?c", "abc", true), ("a?c", "ac", false),
        ("*a*b*", "xxaxxbxx", true), ("*a*b*", "xxbxxaxx", false), ("Sec-*", "sec-tools", false), ("*", "", true),
        ("é?", "éx", true),
    ])
    func globMatchesWholeNames(_ pattern: String, _ name: String, _ matches: Bool) throws {
        let glob = try #require(NameGlob(pattern))
        #expect(glob.matches(name) == matches)
    }

    @Test func globRefusesSyntaxItDoesNotSupport() {
        #expect(NameGlob("sandbox-[ab]") == nil)
        #expect(NameGlob.problem(in: "a{b,c}") == "'a{b,c}' is not a valid glob: '{' is not supported (only * and ? are special)")
        #expect(NameGlob.problem(in: "") == "an empty pattern matches no name")
        #expect(NameGlob.problem(in: "ok-*") == nil)
    }

    @Test(arguments: [
        ("2026-01-01", "2026-01-01T00:00:00Z"), ("2026-10-15T00:00:00Z", "2026-10-15T00:00:00Z"),
        ("2026-10-15T02:00:00+02:00", "2026-10-15T00:00:00Z"), ("2026-10-15t00:00:00.5z", "2026-10-15T00:00:00.5Z"),
        ("2026-10-15 12:30:00-01:30", "2026-10-15T14:00:00Z"),
    ])
    func membershipInstantsParse(_ text: String, _ expected: String) throws {
        #expect(MembershipInterval.instant(text)?.description == expected)
    }

    @Test(arguments: ["2026-10-15T00:00:00", "2026-13-01", "20261015", "2026-10-15T00:00Z", "2026-02-30", "2026-10-15T00:00:00+0200", ""])
    func membershipInstantsRejectAmbiguousOrInvalidText(_ text: String) {
        #expect(MembershipInterval.instant(text) == nil)
    }

    @Test(arguments: [
        ("user_cost_center", "user_cost_center"), ("resourceTags/user:cost_center", "user_cost_center"),
        ("resource_tags_user_cost_center", "user_cost_center"), ("user:CostCenter", "user_cost_center"),
        ("ResourceTags/user:Team", "user_team"), ("aws:createdBy", "aws_created_by"), (":::", ""),
    ])
    func tagKeysCanonicalise(_ raw: String, _ canonical: String) {
        #expect(AttributeKey.tagKey(raw) == canonical)
    }

    @Test func costCategoryNamesCanonicalise() {
        #expect(AttributeKey.costCategoryName("costCategory/Charge type") == "charge_type")
        #expect(AttributeKey.costCategoryName("cost_category_charge_type") == "charge_type")
        #expect(AttributeKey.costCategoryName("Charge type") == "charge_type")
    }

    @Test func businessUnitTreeFlattensParentsFirst() {
        let configuration = AllotConfiguration(
            businessUnits: [
                BusinessUnitDeclaration(id: "eng", children: [
                    BusinessUnitDeclaration(id: "platform", name: "Platform", children: [BusinessUnitDeclaration(id: "web")])
                ]),
                BusinessUnitDeclaration(id: "finops"),
            ],
            defaultBU: "finops")
        #expect(configuration.businessUnitNodes == [
            BusinessUnitNode(id: "eng", name: "eng"),
            BusinessUnitNode(id: "platform", name: "Platform", parentId: "eng", depth: 1),
            BusinessUnitNode(id: "web", name: "web", parentId: "platform", depth: 2),
            BusinessUnitNode(id: "finops", name: "finops"),
        ])
        #expect(configuration.businessUnitLineage(of: "web") == ["web", "platform", "eng"])
        #expect(configuration.businessUnitLineage(of: "finops") == ["finops"])
        #expect(configuration.businessUnitLineage(of: "nope") == [])
    }

    @Test func accountKindsFollowDeclarationsThenPatterns() {
        let configuration = AllotConfiguration(
            organizations: [OrganizationDeclaration(id: "mgmt", name: "M", payer: "111")],
            accounts: [AccountDeclaration(id: "222", name: "sandbox-shared", kind: .shared), AccountDeclaration(id: "333")],
            accountPatterns: [AccountPattern(name: "sandbox-*", kind: .sandbox), AccountPattern(name: "*", kind: .workload)],
            holdingAccounts: [HoldingAccountDeclaration(account: "333", bu: "finops")],
            defaultBU: "finops")
        #expect(configuration.accountKind(account: "111", name: "sandbox-root") == .management)
        #expect(configuration.accountKind(account: "222", name: "sandbox-shared") == .shared)
        #expect(configuration.accountKind(account: "333", name: nil) == .holding)
        #expect(configuration.accountKind(account: "444", name: "sandbox-bob") == .sandbox)
        #expect(configuration.accountKind(account: "555", name: nil, isPayer: true) == .management)
        #expect(configuration.accountKind(account: "666", name: nil) == .workload)
    }

    @Test func validationSumsPercentagesExactly() {
        // 33.33 + 33.33 + 33.34 = 100 exactly; 0.1 + 0.2 would not be 0.3 in binary floating point;
        // 3 × 33.333333333333333333 (18 decimals) = 99.999999999999999999, not 100.
        func rule(_ percentages: [String: String]) -> AllotConfiguration {
            AllotConfiguration(
                businessUnits: [BusinessUnitDeclaration(id: "a"), BusinessUnitDeclaration(id: "b"), BusinessUnitDeclaration(id: "c")],
                defaultBU: "a",
                sharedCosts: [
                    SharedCostRule(
                        name: "s", source: SharedCostSource(bus: ["a"]), targets: SharedCostTargets(bus: ["a", "b", "c"]),
                        method: .fixed, percentages: percentages)
                ])
        }
        #expect(rule(["a": "33.33", "b": "33.33", "c": "33.34"]).validationIssues() == [])
        #expect(rule(["a": "0.1", "b": "0.2", "c": "99.7"]).validationIssues() == [])
        #expect(rule(["a": "33.333333333333333333", "b": "33.333333333333333333", "c": "33.333333333333333333"])
            .validationIssues().map(\.description) == ["shared-costs[0].percentages: sum to 99.999999999999999999, must be exactly 100"])
    }
}
