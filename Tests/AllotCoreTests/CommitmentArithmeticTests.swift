import Testing

@testable import AllotCore

/// The engine's fast arithmetic paths give exactly what `Amount`'s general operations give.
@Suite struct CommitmentArithmeticTests {
    /// Values with few and with many decimals, small and large, both signs.
    private static func values(seed: UInt64, count: Int) -> [Amount] {
        var random = CommitmentRandom(seed: seed)
        let decimals = [0, 1, 2, 3, 4, 6, 10, 11, 15, 20]
        return (0..<count).map { _ in
            let places = random.pick(decimals)
            let integer = Int128(random.below(5_000))
            let fraction = Int128(random.next() % 1_000_000_000_000_000_000)
            var units = integer * Amount.one + fraction
            // Keep only `places` decimals.
            var step: Int128 = 1
            for _ in 0..<(20 - places) { step *= 10 }
            units = units / step * step
            return Amount(units: random.below(4) == 0 ? -units : units)
        }
    }

    @Test func productsMatchTheGeneralOperation() throws {
        let values = Self.values(seed: 7, count: 300)
        for (x, y) in zip(values, values.reversed()) {
            #expect(try x.times(y, "test") == x.multiplied(by: y), "\(x) × \(y)")
        }
    }

    @Test func sharesMatchTheGeneralOperation() throws {
        let values = Self.values(seed: 8, count: 300)
        let denominators: [Amount] = [1, 2, 3, 4, 7, 8, 16, 72, 96, 256, Amount("0.25")!, Amount("0.5")!, Amount("1.5")!]
        for (index, (x, y)) in zip(values, values.reversed()).enumerated() {
            let denominator = denominators[index % denominators.count]
            #expect(try x.share(y.magnitude, of: denominator, "test") == x.scaled(by: y.magnitude, over: denominator), "\(x) × \(y) ÷ \(denominator)")
            #expect(try x.over(denominator, "test") == x.divided(by: denominator), "\(x) ÷ \(denominator)")
        }
    }

    @Test func halfwayCasesRoundToEven() throws {
        // 0.00000000005 (10 places) × 0.0000000001 = 5 × 10⁻²¹: halfway between 0 and 10⁻²⁰ → 0 (even).
        #expect(try Amount("0.00000000005")!.times(Amount("0.0000000001")!, "test") == .zero)
        // 0.00000000015 × 0.0000000001 = 1.5 × 10⁻²⁰ → 2 × 10⁻²⁰.
        #expect(try Amount("0.00000000015")!.times(Amount("0.0000000001")!, "test") == Amount(units: 2))
    }
}
