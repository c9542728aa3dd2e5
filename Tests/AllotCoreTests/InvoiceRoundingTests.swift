import Testing

@testable import AllotCore

/// `RoundedLedger`: each invoice line rounded once, largest remainder per organization across all BUs.
@Suite struct InvoiceRoundingTests {
    private func entry(_ bu: String, _ org: String, _ product: String, _ amount: String, category: AllocationCategory = .usage, source: String = "rule")
        throws -> LedgerEntry
    {
        LedgerEntry(bu: bu, org: org, account: "111111111111", productCode: product, category: category, source: source, amount: try Amount(parsing: amount))
    }

    private func amounts(_ ledger: RoundedLedger) -> [String] { ledger.lines.map { $0.amount.formatted(places: ledger.places) } }

    @Test func thirdsOfAHundredGiveTheLeftoverCentToTheFirstLine() throws {
        // 33.333… × 3 (exact shares at 20 places, Σ 100): floors 33.33 each (Σ 99.99), target 100.00, one cent
        // left; the remainders tie except the last (…334 vs …333) → the first line gets it: 33.34 / 33.33 / 33.33.
        let ledger = try RoundedLedger(
            entries: [
                try entry("a", "o", "p1", "33.33333333333333333334"), try entry("b", "o", "p2", "33.33333333333333333333"),
                try entry("c", "o", "p3", "33.33333333333333333333"),
            ], places: 2)
        #expect(amounts(ledger) == ["33.34", "33.33", "33.33"])
        #expect(ledger.organizations.map(\.rounded) == [Amount(100)])
    }

    @Test func organizationTotalIsRoundedHalfEven() throws {
        // 0.0125 + 0.0125 = 0.025 → half-even 0.02; floors 0.01 + 0.01 = 0.02: nothing left over.
        let even = try RoundedLedger(entries: [try entry("a", "o", "p1", "0.0125"), try entry("b", "o", "p2", "0.0125")], places: 2)
        #expect(amounts(even) == ["0.01", "0.01"])
        // 0.0175 + 0.0175 = 0.035 → half-even 0.04; floors 0.02 (Σ 0.02), two cents to the two 0.0075 remainders.
        let odd = try RoundedLedger(entries: [try entry("a", "o", "p1", "0.0175"), try entry("b", "o", "p2", "0.0175")], places: 2)
        #expect(amounts(odd) == ["0.02", "0.02"])
        #expect(odd.organizations.map(\.rounded) == [try Amount(parsing: "0.04")])
    }

    @Test func creditsRoundDownTowardMinusInfinityFirst() throws {
        // −1.005 floors to −1.01 (remainder 0.005), 2 is exact; Σ 0.995 → half-even 1.00 (99.5 cents → 100); one
        // cent left → the credit: −1.00 + 2.00 = 1.00.
        let ledger = try RoundedLedger(
            entries: [try entry("a", "o", "p1", "-1.005", category: .credit), try entry("a", "o", "p2", "2")], places: 2)
        #expect(amounts(ledger) == ["-1.00", "2.00"])
    }

    @Test func organizationsAreRoundedEachOnTheirOwn() throws {
        // Org x: 0.004 + 0.004 = 0.008 → 0.01, to the first line; org y: 0.006 → 0.01.
        let ledger = try RoundedLedger(
            entries: [try entry("a", "x", "p", "0.004"), try entry("b", "x", "q", "0.004"), try entry("a", "y", "p", "0.006")],
            places: 2)
        #expect(ledger.lines.map(\.key.org) == ["x", "x", "y"])
        #expect(amounts(ledger) == ["0.01", "0.00", "0.01"])
        #expect(ledger.organizations.map(\.rounded) == [try Amount(parsing: "0.01"), try Amount(parsing: "0.01")])
    }

    @Test func rowsOfOneKeyMakeOneLineAndZeroLinesDisappear() throws {
        // Two sources of one key sum to one line; a key whose rows cancel is left out.
        let ledger = try RoundedLedger(
            entries: [
                try entry("a", "o", "p", "1.111", source: "rule 'x'"), try entry("a", "o", "p", "2.222", source: "default BU"),
                try entry("b", "o", "p", "5", source: "x"), try entry("b", "o", "p", "-5", source: "y"),
            ], places: 2)
        #expect(ledger.lines.count == 1)
        #expect(ledger.lines.first?.exact == (try Amount(parsing: "3.333")))
        #expect(ledger.lines.first?.amount == (try Amount(parsing: "3.33")))
        #expect(ledger.lines.first?.sources == ["default BU", "rule 'x'"])
    }

    @Test func everyLineIsWithinOneUnitAndOrganizationsSumExactly() throws {
        // A deterministic pseudo-random ledger: 4 BUs × 3 orgs × 25 products, amounts with up to 6 decimals, some
        // negative. Per org Σ rounded lines = round-half-even(Σ exact); each line is its floor or its ceiling.
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var entries: [LedgerEntry] = []
        for org in ["o1", "o2", "o3"] {
            for bu in ["a", "b", "c", "d"] {
                for product in 0..<25 {
                    let micros = Int128(next() % 9_000_000) - 1_000_000
                    entries.append(
                        LedgerEntry(
                            bu: bu, org: org, account: "1", productCode: "p\(product)", category: .usage, source: "s",
                            amount: Amount(minorUnits: micros, exponent: 6)))
                }
            }
        }
        let ledger = try RoundedLedger(entries: entries, places: 2)
        let again = try RoundedLedger(entries: entries.reversed(), places: 2)
        #expect(ledger == again)
        let cent = try Amount(parsing: "0.01")
        for line in ledger.lines {
            #expect((line.amount - line.exact).magnitude < cent)
            #expect(line.amount.rounded(toPlaces: 2) == line.amount)
        }
        for organization in ledger.organizations {
            let lines = ledger.lines.filter { $0.key.org == organization.org }
            #expect(lines.map(\.amount).sum() == organization.exact.rounded(toPlaces: 2, rule: .halfEven))
            #expect(lines.map(\.exact).sum() == organization.exact)
        }
    }

    @Test func currenciesWithoutCentsRoundToWholeUnits() throws {
        // JPY has no minor unit: 100.4 + 100.4 + 100.4 = 301.2 → 301; floors 100 × 3, one yen to the first line.
        #expect(InvoiceCurrency(code: "JPY").minorUnit == 0)
        #expect(InvoiceCurrency(code: "KWD").minorUnit == 3)
        #expect(InvoiceCurrency(code: "EUR").minorUnit == 2)
        let ledger = try RoundedLedger(
            entries: [try entry("a", "o", "p1", "100.4"), try entry("b", "o", "p2", "100.4"), try entry("c", "o", "p3", "100.4")],
            places: 0)
        #expect(ledger.lines.map(\.amount) == [Amount(101), Amount(100), Amount(100)])
    }
}
