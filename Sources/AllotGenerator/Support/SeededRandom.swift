/// A seeded pseudo-random stream (SplitMix64): the generator's only source of variation.
///
/// Every random choice of a run comes from a stream derived from the run's seed and a label
/// (``derived(_:)``), never from system randomness or from iteration order, so the same seed and
/// scenario give the same bytes. It produces integers only; fractional quantities are built from them
/// as exact decimals (`Amount(minorUnits: n, exponent: 4)`).
public struct SeededRandom: Sendable {
    private var state: UInt64

    /// A stream starting from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0; 0 for anything else).
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next() % UInt64(bound))
    }

    /// Whether an event of probability `percent` ÷ 100 happens.
    public mutating func chance(percent: Int) -> Bool {
        below(100) < percent
    }

    /// An independent stream for one purpose: the same seed and labels always give the same stream.
    public func derived(_ labels: some Sequence<UInt64>) -> SeededRandom {
        var mixed = SeededRandom(seed: state ^ 0x5EED_0F_A110)
        var value = mixed.next()
        for label in labels {
            mixed = SeededRandom(seed: value ^ label &* 0xD6E8_FEB8_6659_FD93)
            value = mixed.next()
        }
        return SeededRandom(seed: value)
    }

    /// An independent stream for one purpose, named by text (an account id, an organization id).
    public func derived(_ labels: String...) -> SeededRandom {
        derived(labels.map(SeededRandom.hash))
    }

    /// A stable 64-bit hash of text (FNV-1a): unlike `Hasher`, the same in every process.
    public static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }
}
