extension AllocationEngine {
    /// Step 2, `unused-commitment: consumers`: the unused amount of each commitment (its RIFee /
    /// SavingsPlanRecurringFee rows on the amortized bases, `reference/aws-billing-rules.md` §3.7) is
    /// split over the BUs whose covered usage references that commitment's ARN, in proportion to
    /// their covered cost on the cost basis. Ties go by BU id. A commitment nobody used (no BU with a
    /// positive covered cost) stays with its owner. The rows keep the holding account's organization,
    /// account and product code.
    func spreadUnusedCommitment(_ work: inout AllocationWork) throws {
        var covered: [String: [String: Amount]] = [:]
        for entry in work.entries where work.classes[entry.group].isCoveredUsage {
            guard let arn = work.groups[entry.group].commitmentARN else { continue }
            covered[arn, default: [:]][entry.bu, default: .zero] += entry.amount
        }
        var result: [WorkingEntry] = []
        result.reserveCapacity(work.entries.count)
        for entry in work.entries {
            guard entry.category == .commitmentUnused, let arn = work.groups[entry.group].commitmentARN else {
                result.append(entry)
                continue
            }
            let consumers = (covered[arn] ?? [:]).filter { $0.value > .zero }.sorted { $0.key < $1.key }
            guard !consumers.isEmpty else {
                result.append(entry)
                continue
            }
            let parts = try Split.largestRemainder(entry.amount, weights: consumers.map(\.value))
            for (consumer, part) in zip(consumers, parts) {
                result.append(
                    WorkingEntry(
                        bu: consumer.key, group: entry.group, category: .commitmentUnused, amount: part,
                        source: "unused commitment \(arn)"))
            }
        }
        work.entries = result
    }

    /// Step 3, the savings policy on the amortized bases. The saving of covered usage is its public
    /// on-demand cost − its effective cost. `retain-central` charges the consumer BU the whole saving
    /// (so it pays on-demand) and credits the central BU the same; `share` does so for
    /// `share-percent` % of it (exact decimal, one half-even rounding at 20 places). Both rows are
    /// `savings-adjustment` in the consumer's organization, account and product; nothing moves for
    /// covered usage the central BU consumes itself.
    func applySavings(_ work: inout AllocationWork) throws {
        let savings = configuration.policies.savings
        guard savings.mode != .passThrough, let central = savings.centralBU else { return }
        let percent = savings.mode == .share ? try Self.sharePercent(savings) : Amount(100)
        let source =
            savings.mode == .share ? "savings shared \(percent) % with \(central)" : "savings retained by \(central)"
        var adjustments: [WorkingEntry] = []
        // Covered groups are never split before this step: one entry per group, so each saving counts once.
        for entry in work.entries where work.classes[entry.group].isCoveredUsage && entry.bu != central {
            let group = work.groups[entry.group]
            let saving = group.onDemandCost - group.amount
            guard !saving.isZero else { continue }
            let charged: Amount
            do {
                charged = try saving.scaled(by: percent, over: Amount(100))
            } catch {
                throw AllocationError(.overflow, "the saving \(saving) of \(group.account) cannot be shared: \(error)")
            }
            guard !charged.isZero else { continue }
            adjustments.append(
                WorkingEntry(
                    bu: entry.bu, group: entry.group, category: .savingsAdjustment, amount: charged, source: source))
            adjustments.append(
                WorkingEntry(
                    bu: central, group: entry.group, category: .savingsAdjustment, amount: -charged, source: source))
        }
        work.entries.append(contentsOf: adjustments)
    }
}
