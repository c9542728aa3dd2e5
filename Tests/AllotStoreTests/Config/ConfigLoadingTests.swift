import AllotCore
import AllotStore
import Foundation
import Testing

/// Loading `allot.yaml`: the documentation's example, and a table of broken documents with their exact issues.
@Suite struct ConfigLoadingTests {
    @Test func documentationExampleLoadsAndValidates() throws {
        let configuration = try ConfigurationFormat.yaml.load(ConfigExample.yaml)
        #expect(configuration.version == 1)
        #expect(configuration.currency == "USD")
        #expect(configuration.organizations.map(\.id) == ["mgmt", "workload-a", "workload-b"])
        #expect(configuration.organizations[0] == OrganizationDeclaration(id: "mgmt", name: "Management", payer: "111111111111", customer: "acme"))
        #expect(configuration.accounts == [AccountDeclaration(id: "111111111112", name: "sec-tooling", kind: .shared)])
        #expect(configuration.accountPatterns == [AccountPattern(name: "sandbox-*", kind: .sandbox)])
        #expect(configuration.holdingAccounts == [
            HoldingAccountDeclaration(account: "333333333333", bu: "finops", history: [
                MembershipInterval(org: "workload-a", from: "2026-01-01", to: "2026-10-15T00:00:00Z"),
                MembershipInterval(org: "workload-b", from: "2026-10-15T00:00:00Z"),
            ])
        ])
        #expect(configuration.businessUnitNodes.map { "\($0.id)<\($0.parentId ?? "")" } == [
            "engineering<", "platform<engineering", "web<platform", "data<platform", "security<", "finops<", "unallocated<",
        ])
        #expect(configuration.defaultBU == "unallocated")
        #expect(configuration.rules.count == 2)
        #expect(configuration.rules[0].match == LineMatch(
            accounts: ["111111111112"], accountName: "sec-*", orgs: ["mgmt"], tags: ["user_team": ["security", "secops"]],
            costCategories: ["bu": ["security"]], productCodes: ["AmazonGuardDuty"], lineItemTypes: ["Usage"]))
        #expect(configuration.rules[0].bu == "security")
        #expect(configuration.rules[1].buFromTag == TagToBU(tag: "user_cost_center", values: ["CC-100": "web", "CC-200": "data"]))
        #expect(configuration.policies == AllocationPolicies(
            costBasis: .amortized, unusedCommitment: .owner,
            savings: SavingsPolicy(mode: .passThrough, centralBU: "finops", sharePercent: "50"),
            credits: CreditPolicy(mode: .asBilled, bu: "finops")))
        #expect(configuration.sharedCosts == [
            SharedCostRule(
                name: "security",
                source: SharedCostSource(
                    accounts: ["111111111112"], bus: ["security"], productCodes: ["AWSSupportEnterprise"], lineItemTypes: ["Tax"]),
                targets: SharedCostTargets(bus: ["web", "data"]), method: .fixed, percentages: ["web": "60", "data": "40"])
        ])
    }

    /// `invoices.disclose-shared-cost-peers`: false unless set, a boolean only, and a change the diff names.
    @Test func invoiceDisclosureOption() throws {
        let plain = BrokenDocument.document("")
        #expect(try ConfigurationFormat.yaml.load(plain).invoices.discloseSharedCostPeers == false)
        let disclosing = try ConfigurationFormat.yaml.load(plain + "invoices:\n  disclose-shared-cost-peers: true\n")
        #expect(disclosing.invoices.discloseSharedCostPeers)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationFormat.yaml.load(plain + "invoices:\n  disclose-shared-cost-peers: sometimes\n")
        }
        let diff = ConfigurationDiff(from: try ConfigurationFormat.yaml.load(plain), to: disclosing)
        #expect(diff.description.contains("invoices.disclose-shared-cost-peers: false → true"), "\(diff)")
    }

    @Test(arguments: BrokenDocument.malformed)
    func malformedDocumentIsRefused(_ document: BrokenDocument) {
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationFormat.yaml.load(document.yaml) }
        #expect(error?.code == .malformed)
        #expect(error?.issues.map(\.description) == document.issues)
    }

    @Test(arguments: BrokenDocument.invalid)
    func invalidDocumentReportsEveryIssue(_ document: BrokenDocument) throws {
        // The shape is right: it decodes, and validation finds exactly these issues.
        let decoded = try AllotConfiguration(document: try ConfigurationFormat.yaml.read(document.yaml))
        #expect(decoded.validationIssues().map(\.description) == document.issues)
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationFormat.yaml.load(document.yaml) }
        #expect(error?.code == .invalid)
        #expect(error?.issues.map(\.description) == document.issues)
    }

    @Test func issuesCarryTheirSourceLines() throws {
        let yaml = BrokenDocument.document("rules:\n  - match: { orgs: [mgmt] }\n    bu: ops\n  - match: { orgz: [mgmt] }\n    bu: web\n")
        // Lines 1–3 organizations, 4–11 business units, 12 default-bu, 13 rules.
        let invalid = try AllotConfiguration(document: try ConfigurationFormat.yaml.read(yaml.replacingOccurrences(of: "orgz", with: "orgs")))
        #expect(invalid.validationIssues().map(\.description) == ["rules[0].bu: unknown BU 'ops'"])
        let located = #expect(throws: ConfigurationError.self) {
            try ConfigurationFormat.yaml.load(yaml.replacingOccurrences(of: "orgz", with: "orgs"))
        }
        #expect(located?.issues.map(\.line) == [15])
        let unknown = #expect(throws: ConfigurationError.self) { try ConfigurationFormat.yaml.load(yaml) }
        // An unknown key comes with what validation finds, in document order.
        #expect(unknown?.code == .malformed)
        #expect(unknown?.issues.map(\.description) == ["rules[0].bu: unknown BU 'ops'", "rules[1].match: unknown key 'orgz'"])
        #expect(unknown?.issues.map(\.line) == [15, 16])
    }

    @Test func yamlSyntaxErrorNamesLineAndColumn() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFormat.yaml.load("default-bu: web\nrules: [\n  { bu: web\n")
        }
        #expect(error?.code == .syntax)
        #expect(error?.issues.map(\.description) == [
            "line 4, column 1: did not find expected ',' or '}' (while parsing a flow mapping at line 3)"
        ])
    }

    @Test func duplicateKeysAreRefused() {
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFormat.yaml.load("default-bu: web\ndefault-bu: data\n")
        }
        #expect(error?.code == .syntax)
        #expect(error?.issues.first?.message.contains("duplicate key 'default-bu'") == true)
    }

    @Test func scalarsKeepTheirText() throws {
        // Unquoted ids keep leading zeros, percentages keep every digit, YAML 1.1 words stay text.
        let yaml = BrokenDocument.document(
            organizations: "  - { id: mgmt, name: yes, payer: 012345678901 }\n",
            """
            shared-costs:
              - { name: s, source: { line-item-types: [Fee] }, targets: { bus: [web, data] }, method: fixed,
                  percentages: { web: 33.3350, data: "66.6650" } }

            """)
        let configuration = try ConfigurationFormat.yaml.load(yaml)
        #expect(configuration.organizations == [OrganizationDeclaration(id: "mgmt", name: "yes", payer: "012345678901")])
        #expect(configuration.sharedCosts[0].percentages == ["web": "33.3350", "data": "66.6650"])
    }

    @Test func tagKeysAreStoredCanonical() throws {
        let yaml = BrokenDocument.document(
            """
            rules:
              - match: { tags: { "resourceTags/user:CostCenter": [a] }, cost-categories: { "costCategory/Charge type": [b] } }
                bu-from-tag: { tag: resource_tags_user_team, values: { w: web } }

            """)
        let rule = try ConfigurationFormat.yaml.load(yaml).rules[0]
        #expect(rule.match.tags == ["user_cost_center": ["a"]])
        #expect(rule.match.costCategories == ["charge_type": ["b"]])
        #expect(rule.buFromTag?.tag == "user_team")
    }

    @Test func jsonDocumentLoadsLikeTheYAML() throws {
        let yaml = try ConfigurationFormat.yaml.load(ConfigExample.yaml)
        let json = try ConfigurationFormat.json.load(try ConfigurationFormat.yaml.read(ConfigExample.yaml).jsonText)
        #expect(json == yaml)
        let error = #expect(throws: ConfigurationError.self) {
            try ConfigurationFormat.json.load(#"{"default-bu": "web", "business-units": [{"id": "web", "nmae": "Web"}]}"#)
        }
        #expect(error?.issues.map(\.description) == [#"business-units[0]: unknown key 'nmae'"#])
    }

    @Test func renderedTextReadsBackToTheSameConfiguration() throws {
        let configuration = try ConfigurationFormat.yaml.load(ConfigExample.yaml)
        let yaml = try ConfigurationText.yaml(configuration)
        #expect(try ConfigurationFormat.yaml.load(yaml) == configuration)
        #expect(try ConfigurationFormat.json.load(try ConfigurationText.json(configuration)) == configuration)
        #expect(yaml.hasPrefix("version: 1\ncurrency: USD\norganizations:\n- id: mgmt\n  name: Management\n  payer: \"111111111111\"\n"))
        #expect(try ConfigurationText.yaml(configuration) == yaml)
    }
}
