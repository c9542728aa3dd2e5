/// Exact splits of an amount by the largest-remainder method (`docs/configuration.md`, "Exactness").
///
/// The parts always sum exactly to the whole. Each part first gets the floor of its exact share,
/// counted in quanta of `10^-places`; the quanta left over (fewer than the number of parts) go one
/// each to the parts with the largest remainders, ties to the part listed first. The result is a
/// pure function of the inputs: the same split every run.
///
/// ```swift
/// try Split.even(Amount(parsing: "100.00"), into: 3, places: 2)   // 33.34, 33.33, 33.33
/// try Split.largestRemainder(total, weights: [3, 1])               // ¾ and ¼ at 20 places
/// ```
///
/// A negative total (a credit) is split by its magnitude and the parts negated, so −100.00 three
/// ways is −33.34 / −33.33 / −33.33. Allocation splits at full precision (20 places); rounding to the
/// currency's minor unit happens once, where amounts are presented (invoices).
public enum Split {
    /// Splits `total` in proportion to `weights`.
    ///
    /// - Parameters:
    ///   - total: the amount to split; it must have at most `places` fractional digits.
    ///   - weights: one non-negative weight per part, in tie-break order. When they are all zero the
    ///     split is even (every part weighs the same).
    ///   - places: the fractional digits of the parts, 0…20 (default 20: full precision).
    /// - Returns: one part per weight, each a multiple of `10^-places`, summing exactly to `total`.
    /// - Throws: `AllocationError` with code `invalidSplit` for no weights, a negative weight, places
    ///   outside 0…20 or a total finer than `places`; `overflow` if the weights sum beyond range.
    public static func largestRemainder(_ total: Amount, weights: [Amount], places: Int = Amount.scale) throws -> [Amount] {
        guard !weights.isEmpty else { throw AllocationError(.invalidSplit, "cannot split \(total) into no parts") }
        guard (0...Amount.scale).contains(places) else {
            throw AllocationError(.invalidSplit, "cannot split at \(places) places (0…\(Amount.scale))")
        }
        if let negative = weights.first(where: { $0.isNegative }) {
            throw AllocationError(.invalidSplit, "cannot split \(total) by a negative weight (\(negative))")
        }
        let quantum = Amount.powerOfTen(Amount.scale - places)
        guard total.units % quantum == 0 else {
            throw AllocationError(.invalidSplit, "cannot split \(total) at \(places) places: round it first")
        }
        let quanta = UInt128(total.units.magnitude / UInt128(quantum))
        var weightUnits = weights.map { UInt128($0.units) }
        var weightTotal: UInt128 = 0
        for weight in weightUnits {
            let (sum, overflow) = weightTotal.addingReportingOverflow(weight)
            guard !overflow else { throw AllocationError(.overflow, "the weights of a split of \(total) sum beyond range") }
            weightTotal = sum
        }
        if weightTotal == 0 {
            weightUnits = Array(repeating: 1, count: weights.count)
            weightTotal = UInt128(weights.count)
        }

        var floors: [UInt128] = []
        var remainders: [UInt128] = []
        floors.reserveCapacity(weights.count)
        remainders.reserveCapacity(weights.count)
        var assigned: UInt128 = 0
        for weight in weightUnits {
            // quanta × weight ÷ Σ weights, exactly: the quotient is at most `quanta`, so it fits.
            let product = quanta.multipliedFullWidth(by: weight)
            let (quotient, remainder) = weightTotal.dividingFullWidth(product)
            floors.append(quotient)
            remainders.append(remainder)
            assigned += quotient
        }
        // Fewer quanta are left than there are parts; largest remainder first, then input order.
        let leftover = Int(quanta - assigned)
        if leftover > 0 {
            let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
            for index in order.prefix(leftover) { floors[index] += 1 }
        }
        let sign: Int128 = total.isNegative ? -1 : 1
        return floors.map { Amount(units: sign * Int128($0) * quantum) }
    }

    /// Splits `total` into `count` equal parts (the first parts get the leftover quanta).
    public static func even(_ total: Amount, into count: Int, places: Int = Amount.scale) throws -> [Amount] {
        guard count > 0 else { throw AllocationError(.invalidSplit, "cannot split \(total) into \(count) parts") }
        return try largestRemainder(total, weights: Array(repeating: Amount(1), count: count), places: places)
    }
}
