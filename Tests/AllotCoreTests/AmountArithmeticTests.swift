import Testing

@testable import AllotCore

@Suite struct AmountArithmeticTests {
    private func amount(_ text: String) -> Amount { Amount(text)! }

    @Test(arguments: [
        // (value, places, half-even result)
        ("1.225", 2, "1.22"),  // tie, 2 is even
        ("1.235", 2, "1.24"),  // tie, 4 is even
        ("1.2251", 2, "1.23"),  // above the tie
        ("-1.225", 2, "-1.22"),
        ("-1.235", 2, "-1.24"),
        ("0.5", 0, "0"),
        ("1.5", 0, "2"),
        ("2.5", 0, "2"),
        ("-2.5", 0, "-2"),
        ("0.005", 2, "0"),
        ("0.015", 2, "0.02"),
        ("33.3333333333", 2, "33.33"),
        ("12.3456", 20, "12.3456"),
    ])
    func roundsHalfEven(value: String, places: Int, expected: String) {
        #expect(amount(value).rounded(toPlaces: places) == amount(expected))
    }

    @Test func otherRulesRoundAsNamed() {
        let value = amount("-1.225")
        #expect(value.rounded(toPlaces: 2, rule: .halfAwayFromZero) == amount("-1.23"))
        #expect(value.rounded(toPlaces: 2, rule: .towardZero) == amount("-1.22"))
        #expect(value.rounded(toPlaces: 2, rule: .awayFromZero) == amount("-1.23"))
        #expect(value.rounded(toPlaces: 2, rule: .floor) == amount("-1.23"))
        #expect(value.rounded(toPlaces: 2, rule: .ceiling) == amount("-1.22"))
        #expect(amount("1.221").rounded(toPlaces: 2, rule: .ceiling) == amount("1.23"))
    }

    @Test func formatsWithFixedPlaces() {
        #expect(amount("12.5").formatted(places: 2) == "12.50")
        #expect(amount("-0.005").formatted(places: 2) == "0.00")
        #expect(amount("-0.015").formatted(places: 2) == "-0.02")
        #expect(amount("1234").formatted(places: 0) == "1234")
        #expect(amount("0.125").formatted(places: 2) == "0.12")
        #expect(amount("7").minorUnits(places: 2) == 700)
        #expect(amount("-12.345").minorUnits(places: 2) == -1234)
    }

    @Test func addsAndSubtractsExactly() {
        // 0.1 + 0.2 is 0.3 exactly, unlike binary floating point.
        #expect(amount("0.1") + amount("0.2") == amount("0.3"))
        #expect(amount("0.00000000000000000001") + amount("999999.99999999999999999999") == amount("1000000"))
        #expect(amount("5") - amount("7.25") == amount("-2.25"))
        #expect([amount("1.1"), amount("2.2"), amount("-0.3")].sum() == amount("3"))
        #expect(-amount("4") == amount("-4"))
    }

    @Test func multipliesAndDividesWithOneRounding() throws {
        // 0.0416 $/h × 744 h = 30.9504
        #expect(try amount("0.0416").multiplied(by: 744) == amount("30.9504"))
        // 1 / 3 = 0.333… to 20 places, last digit rounded down (…3|33)
        #expect(try Amount(1).divided(by: 3) == amount("0.33333333333333333333"))
        // 2 / 3 = 0.666…67 (…6|66 rounds up)
        #expect(try Amount(2).divided(by: 3) == amount("0.66666666666666666667"))
        #expect(try Amount(2).divided(by: 3, rounding: .towardZero) == amount("0.66666666666666666666"))
        #expect(try amount("-10").divided(by: amount("4")) == amount("-2.5"))
        // 100 × 1 ÷ 3 with a single rounding
        #expect(try Amount(100).scaled(by: 1, over: 3) == amount("33.33333333333333333333"))
        // Products of tiny numbers round at the 20th place: 1e-11 × 1e-11 = 1e-22 → 0
        #expect(try amount("0.00000000001").multiplied(by: amount("0.00000000001")) == .zero)
        // Full-width intermediate: 10^17 × 10 = 10^18 is just out of range but fits Int128.
        #expect(try amount("100000000000000000").multiplied(by: 10) == Amount(units: Amount.limit))
    }

    @Test func reportsDivisionByZeroAndOverflow() {
        #expect(throws: AmountError.divisionByZero("1 ÷ 0")) { try Amount(1).divided(by: .zero) }
        let huge = amount("999999999999999999")
        #expect(throws: AmountError.overflow("\(huge) × \(huge)")) { try huge.multiplied(by: huge) }
    }

    @Test func comparesAndHashesByValue() {
        #expect(amount("1.50") == amount("1.5"))
        #expect(amount("-2") < amount("1"))
        #expect(Set([amount("1.0"), amount("1")]).count == 1)
        #expect(amount("-3").magnitude == amount("3"))
    }
}
