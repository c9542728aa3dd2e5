extension AllocationEngine {
    /// Step 4, the credit policy (`reference/aws-billing-rules.md` §6), on every cost basis.
    ///
    /// - `as-billed`: credit and refund rows stay with the BU their line mapped to.
    /// - `directed`: all of them go to the named BU.
    /// - `pooled-per-org`: each credit row is split over the BUs with credit-eligible spend in the
    ///   organization it was billed in, in proportion to that spend.
    /// - `pooled`: the same over the eligible spend in every organization of the run.
    ///
    /// Eligible spend is a BU's usage, covered usage and unused commitment (on the unblended basis also
    /// recurring RI/SP fees) after steps 1–3, excluding AWS Marketplace; tax, fees, credits, savings
    /// adjustments and other types are not eligible. BUs with zero or negative eligible spend get
    /// nothing; ties go by BU id. A credit with no eligible spend to go to stays as billed (and the run
    /// says so). Split rows keep the organization, account and product of the credit line, so every
    /// organization still reconciles.
    func applyCredits(_ work: inout AllocationWork) throws {
        let credits = configuration.policies.credits
        switch credits.mode {
        case .asBilled:
            return
        case .directed:
            guard let bu = credits.bu else { return }
            for index in work.entries.indices where work.entries[index].category == .credit {
                work.entries[index].bu = bu
                work.entries[index].source = "credits directed to \(bu)"
            }
        case .pooledPerOrg, .pooled:
            let perOrg = credits.mode == .pooledPerOrg
            let source = perOrg ? "credits pooled per org" : "credits pooled across orgs"
            func scope(_ entry: WorkingEntry) -> String { perOrg ? work.groups[entry.group].org : "" }
            var spend: [String: [String: Amount]] = [:]
            for entry in work.entries where work.isCreditEligible(entry) {
                spend[scope(entry), default: [:]][entry.bu, default: .zero] += entry.amount
            }
            let pools = spend.mapValues { bus in bus.filter { $0.value > .zero }.sorted { $0.key < $1.key } }
            var result: [WorkingEntry] = []
            result.reserveCapacity(work.entries.count)
            for entry in work.entries {
                guard entry.category == .credit else {
                    result.append(entry)
                    continue
                }
                let pool = pools[scope(entry)] ?? []
                guard !pool.isEmpty else {
                    let org = work.groups[entry.group].org
                    work.warn(
                        perOrg
                            ? "credits of \(org): no credit-eligible spend in the organization; left as billed"
                            : "credits: no credit-eligible spend in the run; left as billed")
                    result.append(entry)
                    continue
                }
                let parts = try Split.largestRemainder(entry.amount, weights: pool.map(\.value))
                for (target, part) in zip(pool, parts) {
                    result.append(WorkingEntry(bu: target.key, group: entry.group, category: .credit, amount: part, source: source))
                }
            }
            work.entries = result
        }
    }
}
