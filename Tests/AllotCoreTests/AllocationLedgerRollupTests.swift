import Testing

@testable import AllotCore

/// BU subtotals roll up the tree: a parent's subtotal includes its descendants'.
@Suite struct AllocationLedgerRollupTests {
    private let tree = BusinessUnitTree(
        AllotConfiguration(
            businessUnits: [
                BusinessUnitDeclaration(
                    id: "eng", name: "Engineering",
                    children: [
                        BusinessUnitDeclaration(id: "platform", children: [BusinessUnitDeclaration(id: "web"), BusinessUnitDeclaration(id: "data")]),
                        BusinessUnitDeclaration(id: "mobile"),
                    ]),
                BusinessUnitDeclaration(id: "finops"),
            ],
            defaultBU: "finops"))

    private let totals = [
        LedgerTotal(bu: "web", key: "usage", amount: Amount(100)),
        LedgerTotal(bu: "web", key: "credit", amount: Amount(-10)),
        LedgerTotal(bu: "data", key: "usage", amount: Amount(50)),
        LedgerTotal(bu: "platform", key: "shared:security", amount: Amount(5)),
        LedgerTotal(bu: "finops", key: "commitment-unused", amount: Amount(7)),
    ]

    @Test func subtotalsIncludeDescendants() {
        let rollup = LedgerRollup(totals: totals, tree: tree)
        // web 100 − 10 = 90; data 50; platform 5 + 90 + 50 = 145; eng = platform 145 (mobile has nothing);
        // finops 7; total 145 + 7 = 152.
        #expect(rollup.units.map(\.id) == ["eng", "platform", "web", "data", "finops"])
        #expect(rollup.units.map(\.subtotal) == [Amount(145), Amount(145), Amount(90), Amount(50), Amount(7)])
        #expect(rollup.units.map(\.own) == [.zero, Amount(5), Amount(90), Amount(50), Amount(7)])
        #expect(rollup.units.map(\.depth) == [0, 1, 2, 2, 0])
        #expect(rollup.total == Amount(152))
        #expect(rollup.units[2].lines.map(\.key) == ["credit", "usage"])
    }

    @Test func subtreeOfOneBU() {
        let rollup = LedgerRollup(totals: totals, tree: tree, root: "platform")
        #expect(rollup.units.map(\.id) == ["platform", "web", "data"])
        #expect(rollup.units.map(\.depth) == [0, 1, 1])
        #expect(rollup.total == Amount(145))
    }

    @Test func treeLookups() {
        #expect(tree.ancestors(of: "web") == ["platform", "eng"])
        #expect(tree.subtree(of: "eng") == ["eng", "platform", "web", "data", "mobile"])
        #expect(tree.subtree(of: "nope") == [])
    }
}
