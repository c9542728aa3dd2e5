import Testing

@testable import AllotCore

/// Direct mapping: rule semantics, categories per basis, and what the engine refuses.
@Suite struct AllocationMappingTests {
    private let tree = [BusinessUnitDeclaration(id: "a"), BusinessUnitDeclaration(id: "b"), BusinessUnitDeclaration(id: "other")]

    private func allocate(_ rules: [MappingRule], _ groups: [CostGroup], basis: CostBasis = .amortized) throws -> AllocationResult {
        let configuration = AllotConfiguration(
            accounts: [AccountDeclaration(id: "1", name: "team-a-prod")], businessUnits: tree, defaultBU: "other", rules: rules,
            policies: AllocationPolicies(costBasis: basis))
        return try AllocationEngine(configuration: configuration).allocate(AllocationInput(groups: groups))
    }

    private func group(
        account: String = "1", product: String? = "AmazonEC2", type: LineItemType = .usage, tags: [String: String] = [:],
        costCategories: [String: String] = [:], amount: Int = 10
    ) -> CostGroup {
        CostGroup(
            org: "o", account: account, productCode: product, lineItemType: type, tags: tags, costCategories: costCategories, amount: Amount(amount))
    }

    @Test func firstMatchingRuleWins() throws {
        let rules = [
            MappingRule(name: "ec2", match: LineMatch(productCodes: ["AmazonEC2"]), bu: "a"),
            MappingRule(name: "all", match: LineMatch(), bu: "b"),
        ]
        let result = try allocate(rules, [group(), group(product: "AmazonS3", amount: 5)])
        #expect(result.ledger.map { "\($0.bu) \($0.source) \($0.amount)" } == ["a rule 'ec2' 10", "b rule 'all' 5"])
        #expect(result.unmapped.isEmpty)
    }

    @Test func allConditionsMustHold() throws {
        // Tag AND cost category AND line item type; lists are "any of".
        let rule = MappingRule(
            match: LineMatch(tags: ["user_team": ["x", "y"]], costCategories: ["unit": ["u1"]], lineItemTypes: ["Usage"]), bu: "a")
        let result = try allocate(
            [rule],
            [
                group(tags: ["user_team": "y"], costCategories: ["unit": "u1"], amount: 1),
                group(tags: ["user_team": "y"], costCategories: ["unit": "u2"], amount: 2),
                group(tags: ["user_team": "z"], costCategories: ["unit": "u1"], amount: 4),
                group(type: .tax, tags: ["user_team": "x"], costCategories: ["unit": "u1"], amount: 8),
            ])
        #expect(result.totalsByBU == ["a": Amount(1), "other": Amount(14)])
        #expect(result.ledger.first { $0.bu == "a" }?.source == "rule #1")
    }

    @Test func buFromTagFallsThroughWhenAbsentOrUnmapped() throws {
        let rules = [
            MappingRule(name: "tag", match: LineMatch(), buFromTag: TagToBU(tag: "user_cc", values: ["100": "a"])),
            MappingRule(name: "rest", match: LineMatch(productCodes: ["AmazonEC2"]), bu: "b"),
        ]
        let result = try allocate(
            rules,
            [
                group(tags: ["user_cc": "100"], amount: 1),  // → a by the tag
                group(tags: ["user_cc": "999"], amount: 2),  // value not mapped → falls through to 'rest'
                group(amount: 4),  // tag absent → 'rest'
                group(product: nil, amount: 8),  // no product code: 'rest' does not match → default
            ])
        #expect(result.totalsByBU == ["a": Amount(1), "b": Amount(6), "other": Amount(8)])
        #expect(result.unmapped == [UnmappedCost(org: "o", account: "1", productCode: nil, amount: Amount(8), bu: "other")])
    }

    @Test func accountNameGlob() throws {
        let rule = MappingRule(match: LineMatch(accountName: "team-?-*"), bu: "a")
        let result = try allocate([rule], [group(account: "1", amount: 1), group(account: "2", amount: 2)])
        // Account 1 is declared as team-a-prod; account 2 has no known name and never matches a name glob.
        #expect(result.totalsByBU == ["a": Amount(1), "other": Amount(2)])
    }

    @Test(arguments: [
        // (type, has ARN, amortized category, unblended category)
        ("Usage", false, "usage", "usage"),
        ("DiscountedUsage", true, "commitment-covered", "commitment-covered"),
        ("SavingsPlanCoveredUsage", true, "commitment-covered", "commitment-covered"),
        ("SavingsPlanNegation", true, "commitment-covered", "commitment-covered"),
        ("RIFee", true, "commitment-unused", "fee"),
        ("SavingsPlanRecurringFee", true, "commitment-unused", "fee"),
        ("SavingsPlanUpfrontFee", true, "fee", "fee"),
        ("Fee", true, "fee", "fee"),
        ("Fee", false, "fee", "fee"),
        ("Credit", false, "credit", "credit"),
        ("Refund", false, "credit", "credit"),
        ("Tax", false, "tax", "tax"),
        ("EdpDiscount", false, "other", "other"),
        ("FlatRateSubscription", false, "other", "other"),
    ])
    func categories(type: String, hasARN: Bool, amortized: String, unblended: String) {
        let group = CostGroup(
            org: "o", account: "1", lineItemType: LineItemType(rawValue: type), commitmentARN: hasARN ? "arn:x" : nil, amount: Amount(1))
        #expect(group.classify(basis: .amortized).category.rawValue == amortized)
        #expect(group.classify(basis: .netAmortized).category.rawValue == amortized)
        #expect(group.classify(basis: .unblended).category.rawValue == unblended)
    }

    @Test func commitmentLinesOfUndeclaredOwnersMapByRules() throws {
        // No holding account declared: the RIFee maps like any line.
        let fee = CostGroup(org: "o", account: "9", lineItemType: .riFee, commitmentARN: "arn:x", commitmentOwner: "9", amount: Amount(3))
        let result = try allocate([MappingRule(match: LineMatch(accounts: ["9"]), bu: "b")], [fee])
        #expect(result.ledger.map(\.bu) == ["b"])
        #expect(result.ledger.map(\.category) == [.commitmentUnused])
    }

    @Test func zeroGroupsAreSkipped() throws {
        let result = try allocate([], [group(amount: 0), group(amount: 1)])
        #expect(result.ledger.count == 1)
    }

    @Test(arguments: [
        ("default-bu", AllotConfiguration(businessUnits: [BusinessUnitDeclaration(id: "a")], defaultBU: "nope")),
        ("rules[0].bu", AllotConfiguration(businessUnits: [BusinessUnitDeclaration(id: "a")], defaultBU: "a", rules: [MappingRule(bu: "ops")])),
        (
            "policies.savings.central-bu",
            AllotConfiguration(
                businessUnits: [BusinessUnitDeclaration(id: "a")], defaultBU: "a",
                policies: AllocationPolicies(savings: SavingsPolicy(mode: .retainCentral)))
        ),
        (
            "policies.credits.bu",
            AllotConfiguration(
                businessUnits: [BusinessUnitDeclaration(id: "a")], defaultBU: "a",
                policies: AllocationPolicies(credits: CreditPolicy(mode: .directed, bu: "x")))
        ),
        (
            "share-percent",
            AllotConfiguration(
                businessUnits: [BusinessUnitDeclaration(id: "a")], defaultBU: "a",
                policies: AllocationPolicies(savings: SavingsPolicy(mode: .share, centralBU: "a", sharePercent: "101")))
        ),
    ])
    func refusesBrokenRuleSets(path: String, configuration: AllotConfiguration) {
        do {
            _ = try AllocationEngine(configuration: configuration)
            Issue.record("accepted a broken rule set (\(path))")
        } catch let error as AllocationError {
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains(path))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
