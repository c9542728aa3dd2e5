import Testing

@testable import AllotCore

/// `Split`: largest-remainder splits, exact and deterministic (docs/configuration.md, "Exactness").
@Suite struct SplitTests {
    private func amounts(_ texts: [String]) throws -> [Amount] { try texts.map { try Amount(parsing: $0) } }

    @Test func hundredThreeWaysAtCents() throws {
        // 10000 cents / 3 = 3333 r 1 each; the one leftover cent goes to the first part (equal remainders,
        // input order): 33.34 / 33.33 / 33.33.
        for _ in 0..<100 {
            let parts = try Split.even(Amount(parsing: "100.00"), into: 3, places: 2)
            #expect(parts == (try amounts(["33.34", "33.33", "33.33"])))
        }
    }

    @Test func hundredThreeWaysAtFullPrecisionSumsExactly() throws {
        // 100 / 3 = 33.33333333333333333333 r 1e-20 each; the first part gets the leftover 1e-20.
        let parts = try Split.even(Amount(100), into: 3)
        #expect(parts == (try amounts(["33.33333333333333333334", "33.33333333333333333333", "33.33333333333333333333"])))
        #expect(parts.sum() == Amount(100))
    }

    @Test func creditsSplitByMagnitude() throws {
        // −100.00 splits like 100.00, negated: the leftover cent still goes to the first part.
        let parts = try Split.even(Amount(parsing: "-100.00"), into: 3, places: 2)
        #expect(parts == (try amounts(["-33.34", "-33.33", "-33.33"])))
    }

    @Test func largestRemainderWinsOverOrder() throws {
        // 10.00 by 1 : 2 : 3 at cents: exact shares 1.6666…, 3.3333…, 5.0 → floors 166, 333, 500 cents (999);
        // remainders 4/6, 2/6, 0 → the leftover cent goes to the first part: 1.67 / 3.33 / 5.00.
        let parts = try Split.largestRemainder(Amount(parsing: "10.00"), weights: try amounts(["1", "2", "3"]), places: 2)
        #expect(parts == (try amounts(["1.67", "3.33", "5.00"])))
        // 1.00 by 2 : 1 : 1 (reordered): shares 0.5, 0.25, 0.25 — exact, nothing left over.
        #expect(try Split.largestRemainder(Amount(1), weights: try amounts(["2", "1", "1"]), places: 2) == (try amounts(["0.5", "0.25", "0.25"])))
        // 0.05 by 1 : 1 : 2 at cents: 1.25, 1.25, 2.5 cents → floors 1, 1, 2 (4); remainders ¼, ¼, ½ → the third.
        #expect(
            try Split.largestRemainder(Amount(parsing: "0.05"), weights: try amounts(["1", "1", "2"]), places: 2)
                == (try amounts(["0.01", "0.01", "0.03"])))
    }

    @Test func equalRemaindersGoToTheFirstListed() throws {
        // 0.02 four ways: 0.5 cent each, 2 leftover cents to parts 1 and 2.
        #expect(try Split.even(Amount(parsing: "0.02"), into: 4, places: 2) == (try amounts(["0.01", "0.01", "0", "0"])))
    }

    @Test func zeroWeightsSplitEvenly() throws {
        #expect(try Split.largestRemainder(Amount(9), weights: [.zero, .zero, .zero], places: 2) == [Amount(3), Amount(3), Amount(3)])
    }

    @Test func zeroWeightGetsNothingBesideOthers() throws {
        #expect(try Split.largestRemainder(Amount(9), weights: [Amount(1), .zero, Amount(2)]) == [Amount(3), .zero, Amount(6)])
    }

    @Test func randomSplitsAlwaysSumToTheWhole() throws {
        var generator = SplitMix(seed: 42)
        for _ in 0..<500 {
            let total = Amount(units: Int128(Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator)) * 1_000_000_000)
            let count = Int.random(in: 1...7, using: &generator)
            let weights = (0..<count).map { _ in Amount(units: Int128(Int64.random(in: 0...1_000_000_000_000, using: &generator)) * 10_000) }
            let parts = try Split.largestRemainder(total, weights: weights)
            #expect(parts.sum() == total)
            #expect(parts.count == count)
        }
    }

    @Test func refusesWhatItCannotSplit() throws {
        #expect(throws: AllocationError.self) { try Split.largestRemainder(Amount(1), weights: []) }
        #expect(throws: AllocationError.self) { try Split.largestRemainder(Amount(1), weights: [Amount(1), Amount(-1)]) }
        #expect(throws: AllocationError.self) { try Split.even(Amount(parsing: "0.005"), into: 2, places: 2) }
        #expect(throws: AllocationError.self) { try Split.even(Amount(1), into: 2, places: 21) }
        #expect(throws: AllocationError.self) { try Split.even(Amount(1), into: 0) }
    }
}

/// A small deterministic generator, so the random test is the same every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
