/// The savings order under one rate table, kept by a ``CommitmentEngine`` between hours.
///
/// Usage with one key and On-Demand rate has one priority under a rate table: its ``SavingsRatio``
/// (`reference/aws-billing-rules.md` §3.2). The distinct priorities are kept sorted and each key remembers
/// its rank, so an hour whose keys were all seen before ranks its lines without looking up rates,
/// dividing or comparing ratios. Equal priorities share a rank. Ranks are only compared, never shown.
struct SavingsOrder: Sendable {
    /// What a usage key was ranked with; rank −1: not ranked; −3 − i: the i-th new key of the current call.
    private struct Entry: Sendable {
        var onDemandRate: Amount = .zero
        var rank: Int32 = -1
    }

    /// A line's rank when its key has no rate in the table.
    static let unpriced: Int32 = -1
    /// A line's rank when the table's rate for its key is negative.
    static let negativeRate: Int32 = -2

    /// The table; kept so that its identity cannot pass to another table.
    let rates: SavingsPlanRates
    /// Distinct priorities in savings order; a rank is an index here.
    private var priorities: [SavingsRatio] = []
    /// Per usage key number.
    private var entries: [Entry] = []

    init(rates: SavingsPlanRates) {
        self.rates = rates
    }

    /// The number of ranks.
    var rankCount: Int { priorities.count }

    /// The plans' rate for usage of this rank.
    func rate(ofRank rank: Int32) -> Amount { priorities[Int(rank)].rate }

    /// The rank of each line (positions into `facts`), or ``unpriced`` / ``negativeRate``.
    mutating func ranks(of lines: [Int32], facts: [LineFacts], keys: UsageKeyTable<Void>) -> [Int32] {
        if entries.count < keys.count { entries += repeatElement(Entry(), count: keys.count - entries.count) }
        var ranks = [Int32](repeating: 0, count: lines.count)
        // Keys not ranked yet (or seen with another On-Demand rate): −3 − index into `fresh`.
        var fresh: [(key: Int32, ratio: SavingsRatio)] = []
        for (index, line) in lines.enumerated() {
            let key = facts[Int(line)].key
            let onDemandRate = facts[Int(line)].onDemandRate
            let entry = entries[Int(key)]
            if entry.rank != -1, entry.onDemandRate == onDemandRate {
                ranks[index] = entry.rank
                continue
            }
            if let known = fresh.lastIndex(where: { $0.key == key && $0.ratio.onDemandRate == onDemandRate }) {
                // Same key with two On-Demand rates in one call: rare, found by search.
                ranks[index] = -3 - Int32(known)
                continue
            }
            guard let rate = rates[keys.keys[Int(key)]] else {
                ranks[index] = Self.unpriced
                continue
            }
            guard !rate.isNegative else {
                ranks[index] = Self.negativeRate
                continue
            }
            fresh.append((key, SavingsRatio(rate: rate, onDemandRate: onDemandRate)))
            ranks[index] = -3 - Int32(fresh.count - 1)
            entries[Int(key)] = Entry(onDemandRate: onDemandRate, rank: ranks[index])
        }
        guard !fresh.isEmpty else { return ranks }

        let (renumbered, freshRanks) = merge(fresh.map(\.ratio))
        if !renumbered.isEmpty {
            for key in entries.indices where entries[key].rank >= 0 { entries[key].rank = renumbered[Int(entries[key].rank)] }
        }
        // Provisional entries of keys seen with two rates are overwritten below by the last one.
        for (index, (key, ratio)) in fresh.enumerated() {
            entries[Int(key)] = Entry(onDemandRate: ratio.onDemandRate, rank: freshRanks[index])
        }
        for index in ranks.indices {
            let rank = ranks[index]
            if rank >= 0 {
                if !renumbered.isEmpty { ranks[index] = renumbered[Int(rank)] }
            } else if rank <= -3 {
                ranks[index] = freshRanks[Int(-3 - rank)]
            }
        }
        return ranks
    }

    /// Merges new ratios into the sorted priorities. Returns the new rank of each old priority and of
    /// each new ratio.
    private mutating func merge(_ ratios: [SavingsRatio]) -> (renumbered: [Int32], fresh: [Int32]) {
        let order = ratios.indices.sorted { SavingsRatio.compare(ratios[$0], ratios[$1]) < 0 }
        var merged: [SavingsRatio] = []
        merged.reserveCapacity(priorities.count + ratios.count)
        var renumbered = [Int32](repeating: 0, count: priorities.count)
        var freshRanks = [Int32](repeating: 0, count: ratios.count)
        var old = 0
        var new = 0
        while old < priorities.count || new < order.count {
            let takeOld =
                new == order.count
                || (old < priorities.count && SavingsRatio.compare(priorities[old], ratios[order[new]]) <= 0)
            let ratio = takeOld ? priorities[old] : ratios[order[new]]
            if merged.last.map({ SavingsRatio.compare($0, ratio) != 0 }) ?? true { merged.append(ratio) }
            if takeOld {
                renumbered[old] = Int32(merged.count - 1)
                old += 1
            } else {
                freshRanks[order[new]] = Int32(merged.count - 1)
                new += 1
            }
        }
        priorities = merged
        return (renumbered, freshRanks)
    }
}
