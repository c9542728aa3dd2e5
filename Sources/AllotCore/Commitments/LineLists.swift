/// The line lists the phases walk, each in the engine's account/line order.
///
/// Built from a ``LineDigest`` by counting sorts over the lines in that order, so every list comes out
/// ordered without sorting and without growing arrays line by line.
struct LineLists {
    /// Lines of each numbered family (EC2 instances with usage): `familyLines[familyRanges[f]]`.
    let familyLines: [Int32]
    let familyRanges: [Range<Int>]
    /// Lines with usage that Compute plans, or SageMaker plans, may cover.
    let computeEligible: [Int32]
    let sageMakerEligible: [Int32]
    /// Per RI that leads its list (see ``LineDigest/reservedInstanceLeaders``): the lines its attributes
    /// match; empty for the others.
    let reservedInstanceLines: [[Int32]]

    /// Lays out the lists, walking the lines in `order` (positions in account/line order).
    init(_ digest: LineDigest, order: [Int32], orderRanks: [Int32], keyFacts: [KeyFacts], matches: [Int], reservedInstanceCount: Int) {
        let facts = digest.facts
        let familyCount = digest.familyNumbers.count
        var familyCounts = [Int](repeating: 0, count: familyCount + 1)
        var riCounts = [Int](repeating: 0, count: reservedInstanceCount)
        var computeCount = 0
        var sageMakerCount = 0
        for position in order {
            let fact = facts[Int(position)]
            if fact.eligibility.contains(.computeSavingsPlans) { computeCount += 1 }
            if fact.eligibility.contains(.sageMakerSavingsPlans) { sageMakerCount += 1 }
            guard fact.family >= 0 else { continue }
            familyCounts[Int(fact.family) + 1] += 1
            for index in keyFacts[Int(fact.key)].regional { riCounts[matches[index]] += 1 }
        }
        for family in 0..<familyCount { familyCounts[family + 1] += familyCounts[family] }
        familyRanges = (0..<familyCount).map { familyCounts[$0]..<familyCounts[$0 + 1] }

        var familyLines = [Int32](repeating: 0, count: familyCounts[familyCount])
        var next = familyCounts
        var compute: [Int32] = []
        var sageMaker: [Int32] = []
        compute.reserveCapacity(computeCount)
        sageMaker.reserveCapacity(sageMakerCount)
        var riLines = riCounts.map { count -> [Int32] in
            var list: [Int32] = []
            list.reserveCapacity(count)
            return list
        }
        for position in order {
            let fact = facts[Int(position)]
            if fact.eligibility.contains(.computeSavingsPlans) { compute.append(position) }
            if fact.eligibility.contains(.sageMakerSavingsPlans) { sageMaker.append(position) }
            guard fact.family >= 0 else { continue }
            familyLines[next[Int(fact.family)]] = position
            next[Int(fact.family)] += 1
            for index in keyFacts[Int(fact.key)].regional { riLines[matches[index]].append(position) }
        }
        // Zonal matches were found in input order; put them in account/line order.
        if !digest.zonalMatches.isEmpty {
            let zonal = digest.zonalMatches.sorted { orderRanks[Int($0.line)] < orderRanks[Int($1.line)] }
            for match in zonal { riLines[Int(match.reservedInstance)].append(match.line) }
        }
        self.familyLines = familyLines
        computeEligible = compute
        sageMakerEligible = sageMaker
        reservedInstanceLines = riLines
    }

    /// The lines of a numbered family.
    func lines(ofFamily family: Int) -> ArraySlice<Int32> {
        familyLines[familyRanges[family]]
    }
}
