import Testing

@testable import AllotCore

/// `InvoiceBuilder`: documents per invoiced BU, grouping, shares, explanations, memos.
@Suite struct InvoiceBuilderTests {
    static let configuration = AllotConfiguration(
        organizations: [OrganizationDeclaration(id: "wl", name: "Workload", payer: "200000000000")],
        businessUnits: [
            BusinessUnitDeclaration(
                id: "engineering", name: "Engineering",
                children: [
                    BusinessUnitDeclaration(
                        id: "platform", name: "Platform",
                        children: [BusinessUnitDeclaration(id: "web", name: "Web"), BusinessUnitDeclaration(id: "data", name: "Data")])
                ]),
            BusinessUnitDeclaration(id: "central", name: "Central"),
        ],
        defaultBU: "central",
        sharedCosts: [
            SharedCostRule(
                name: "support", source: SharedCostSource(productCodes: ["AWSSupportBusiness"]),
                targets: SharedCostTargets(bus: ["web", "data"]), method: .fixed, percentages: ["web": "60", "data": "40"])
        ])

    static func context(level: InvoiceLevel = .own, disclose: Bool = false) -> InvoiceContext {
        var configuration = configuration
        configuration.invoices = InvoicePolicy(level: level, discloseSharedCostPeers: disclose)
        return InvoiceContext(
            period: BillingPeriod(year: 2026, month: 6) ?? BillingPeriod(containing: .epoch), runId: 7, ruleSetVersion: 3,
            costBasis: .amortized, configuration: configuration, tree: BusinessUnitTree(configuration),
            organizationNames: ["wl": "Workload"], accountNames: ["200000000001": "web-prod"], issueDate: "2026-07-02")
    }

    static func ledger() throws -> RoundedLedger {
        func row(_ bu: String, _ account: String, _ product: String?, _ category: AllocationCategory, _ amount: String, _ source: String)
            throws -> LedgerEntry
        {
            LedgerEntry(bu: bu, org: "wl", account: account, productCode: product, category: category, source: source, amount: try Amount(parsing: amount))
        }
        return try RoundedLedger(
            entries: [
                try row("web", "200000000001", "AmazonEC2", .usage, "10.004", "rule 'team'"),
                try row("web", "200000000001", "AmazonEC2", .credit, "-0.505", "rule 'team'"),
                try row("data", "200000000002", "AmazonRDS", .usage, "7.777", "rule 'team'"),
                try row("web", "200000000000", "AWSSupportBusiness", .shared("support"), "1.8", "shared 'support' (fixed, 60 %)"),
                try row("data", "200000000000", "AWSSupportBusiness", .shared("support"), "1.2", "shared 'support' (fixed, 40 %)"),
                try row("central", "200000000009", "AmazonEC2", .commitmentUnused, "0.4994", "holding account 200000000009"),
            ], places: 2)
    }

    @Test func oneInvoicePerBUWithItsOwnLines() throws {
        // Σ exact 10.004 − 0.505 + 7.777 + 3 + 0.4994 = 20.7754 → 20.78. Floors 10.00, −0.51, 7.77, 1.80, 1.20, 0.49
        // (Σ 20.75): three cents to the remainders .0094 (central), .007 (data), .005 (web credit).
        let documents = InvoiceBuilder(context: Self.context()).invoices(try Self.ledger())
        #expect(documents.map(\.businessUnit.id) == ["web", "data", "central"])
        #expect(documents.map(\.total.description) == ["11.30", "8.98", "0.50"])
        #expect(documents.allSatisfy { $0.number == "DRAFT" && $0.status == .draft && $0.kind == .invoice })
        let web = try #require(documents.first)
        #expect(web.businessUnit.path.map(\.id) == ["engineering", "platform", "web"])
        #expect(web.businessUnit.pathText == "Engineering › Platform › Web")
        #expect(web.includedBusinessUnits == ["web"])
        // Grouped org → account (by id) → service; lines of a service by category order (usage before credits).
        #expect(web.organizations.map(\.id) == ["wl"])
        #expect(web.organizations[0].accounts.map(\.id) == ["200000000000", "200000000001"])
        #expect(web.organizations[0].accounts[1].name == "web-prod")
        #expect(web.organizations[0].accounts[1].services[0].lines.map(\.label) == ["Usage", "Credits"])
        #expect(web.organizations[0].accounts[1].subtotal.description == "9.50")
        #expect(web.flatLines.map(\.line.amount.amount).sum() == web.total.amount)
        let share = try #require(web.flatLines.first { $0.line.category == .shared("support") }?.line.share)
        #expect(share == InvoiceDocument.Share(rule: "support", method: "fixed", percent: "60"))
    }

    @Test func explanationsCoverBasisSharedRulesCreditsAndRounding() throws {
        let web = try #require(InvoiceBuilder(context: Self.context(disclose: true)).invoices(try Self.ledger()).first)
        #expect(web.explanations.map(\.topic) == ["cost-basis", "credits", "shared:support", "rounding"])
        let shared = try #require(web.explanations.first { $0.topic == "shared:support" })
        #expect(shared.text.contains("the service AWSSupportBusiness"))
        #expect(shared.text.contains("split over the BUs web, data"))
        #expect(shared.text.contains("by fixed percentages (data 40 %, web 60 %)"))
        #expect(shared.text.hasSuffix("This BU's share: 60 %."))
        #expect(web.explanations[0].text.contains("amortized"))
        #expect(web.explanations.last?.text.contains("largest-remainder") == true)
    }

    /// By default (`invoices.disclose-shared-cost-peers: false`) a document names only the BUs it is addressed to,
    /// and a proportional share shows no percentage (with the BU's own cost it would give the others' total).
    @Test func sharedCostPeersAreNotDisclosedByDefault() throws {
        let web = try #require(InvoiceBuilder(context: Self.context()).invoices(try Self.ledger()).first)
        let shared = try #require(web.explanations.first { $0.topic == "shared:support" })
        #expect(shared.text.contains("split over the BUs web, 1 other BU"), "\(shared.text)")
        #expect(shared.text.contains("by fixed percentages (web 60 %, the other BUs the rest)"), "\(shared.text)")
        #expect(!shared.text.contains("data"), "\(shared.text)")
        #expect(shared.text.hasSuffix("This BU's share: 60 %."))

        // A proportional split: the percentage is gone from the line's sources, its share and the note.
        func entry(_ bu: String, _ category: AllocationCategory, _ amount: String, _ source: String) throws -> LedgerEntry {
            LedgerEntry(
                bu: bu, org: "wl", account: "200000000001", productCode: "AWSSupportBusiness", category: category, source: source,
                amount: try Amount(parsing: amount))
        }
        let proportional = try RoundedLedger(
            entries: [
                try entry("web", .shared("support"), "1.8", "shared 'support' (proportional, 37.5 %)"),
                try entry("data", .shared("support"), "3", "shared 'support' (proportional, 62.5 %)"),
            ], places: 2)
        for disclose in [false, true] {
            let document = try #require(InvoiceBuilder(context: Self.context(disclose: disclose)).invoices(proportional).first)
            let line = try #require(document.flatLines.first?.line)
            let note = try #require(document.explanations.first { $0.topic == "shared:support" })
            if disclose {
                #expect(line.sources == ["shared 'support' (proportional, 37.5 %)"])
                #expect(line.share?.percent == "37.5")
                #expect(note.text.hasSuffix("This BU's share: 37.5 %."))
            } else {
                #expect(line.sources == ["shared 'support' (proportional)"])
                #expect(line.share == nil)
                #expect(!note.text.contains("37.5") && !note.text.contains("62.5") && !note.text.contains("data"), "\(note.text)")
                #expect(note.text.hasSuffix("this BU's percentage, are not shown."), "\(note.text)")
            }
        }
    }

    @Test func levelTopInvoicesWholeSubtrees() throws {
        let documents = InvoiceBuilder(context: Self.context(level: .top)).invoices(try Self.ledger())
        #expect(documents.map(\.businessUnit.id) == ["engineering", "central"])
        #expect(documents.map(\.total.description) == ["20.28", "0.50"])
        #expect(documents[0].includedBusinessUnits == ["web", "data"])
        // Depth 1: platform carries web and data.
        let byPlatform = InvoiceBuilder(context: Self.context(level: InvoiceLevel.depth(1) ?? .own)).invoices(try Self.ledger())
        #expect(byPlatform.map(\.businessUnit.id) == ["platform", "central"])
        #expect(InvoiceLevel("2")?.subtreeDepth == 2)
        #expect(InvoiceLevel("top") == .top && InvoiceLevel("own") == .own && InvoiceLevel("middle") == nil)
    }

    @Test func memosCarryOnlyTheLinesThatChanged() throws {
        let context = Self.context()
        let builder = InvoiceBuilder(context: context)
        let before = try Self.ledger()
        var issued = IssuedLines()
        for line in before.lines { issued.amounts[line.key] = line.amount }
        let original = InvoiceDocument.Reference(
            number: "ALLOT-2026-000001", kind: .invoice, issueDate: "2026-07-02", runId: 7, total: InvoiceMoney(Amount(9), places: 2))
        issued.documents["data"] = [original]
        #expect(builder.memos(before, issued: issued).isEmpty)

        // A late credit of −1.25 on data's RDS: one credit memo for data, one line, previous 0.00 → −1.25.
        var entries = before.lines.map {
            LedgerEntry(
                bu: $0.key.bu, org: $0.key.org, account: $0.key.account, productCode: $0.key.productCode, category: $0.key.category,
                source: $0.sources.first ?? "", amount: $0.exact)
        }
        entries.append(
            LedgerEntry(
                bu: "data", org: "wl", account: "200000000002", productCode: "AmazonRDS", category: .credit, source: "rule 'team'",
                amount: try Amount(parsing: "-1.25")))
        let memos = builder.memos(try RoundedLedger(entries: entries, places: 2), issued: issued)
        #expect(memos.count == 1)
        let memo = try #require(memos.first)
        #expect(memo.kind == .creditMemo && memo.businessUnit.id == "data" && memo.total.description == "-1.25")
        #expect(memo.adjusts == original)
        #expect(memo.flatLines.map { [$0.line.previousAmount?.description, $0.line.currentAmount?.description, $0.line.amount.description] }
            == [["0.00", "-1.25", "-1.25"]])
        #expect(memo.explanations.first?.topic == "adjustment")
    }

    @Test func sharesAreReadFromLedgerSources() {
        #expect(InvoiceDocument.Share(source: "shared 'security' (proportional, 37.5 %)") == .init(rule: "security", method: "proportional", percent: "37.5"))
        #expect(InvoiceDocument.Share(source: "shared 'a' (b)' (even, 33.33 %)") == .init(rule: "a' (b)", method: "even", percent: "33.33"))
        #expect(InvoiceDocument.Share(source: "rule 'team'") == nil)
        #expect(InvoiceDocument.Share(source: "shared 'x' (even, many %)") == nil)
    }
}
