import AllotCore

/// A stretch of a delivery during which nothing but usage changes: the same member accounts and the
/// same active commitments. Epochs end where an account moves or a commitment starts or ends.
struct DeliveryEpoch {
    /// Boundary indices: hours `from..<to` of the span.
    let from: Int
    let to: Int
    /// The organization's accounts during the epoch, as the engine wants them.
    let members: Set<String>
    /// Workloads of the members, in account order.
    let workloads: [AccountWorkload]
    /// Positions in the plan's RI and SP lists of the commitments whose owner is a member and whose term covers the epoch.
    let reservedInstances: [Int]
    let savingsPlans: [Int]
    /// Their engine values, in the same order.
    let engineReservedInstances: [ReservedInstance]
    let engineSavingsPlans: [SavingsPlan]

    /// The epochs of `organization` over the span of `hours`.
    static func epochs(plan: GenerationPlan, organization: String, hours: HourTable) -> [DeliveryEpoch] {
        let start = hours.start
        let end = hours.instant(hours.hours)
        var cuts = Set<Int>([0, hours.hours])
        var instants = plan.membership.changes
        instants += plan.reservedInstances.flatMap { [$0.start, $0.end] }
        instants += plan.savingsPlans.flatMap { [$0.start, $0.end] }
        for instant in instants where instant > start && instant < end {
            cuts.insert(hours.index(of: instant))
        }
        let ordered = cuts.sorted()
        var epochs: [DeliveryEpoch] = []
        for (from, to) in zip(ordered, ordered.dropFirst()) where to > from {
            let instant = hours.instant(from)
            let members = plan.accounts.filter { plan.membership.organization(of: $0.id, at: instant) == organization }
            let memberIds = Set(members.map(\.id))
            let ris = plan.reservedInstances.indices.filter { index in
                let ri = plan.reservedInstances[index]
                return ri.start <= instant && instant < ri.end && memberIds.contains(ri.owner)
            }
            let sps = plan.savingsPlans.indices.filter { index in
                let sp = plan.savingsPlans[index]
                return sp.start <= instant && instant < sp.end && memberIds.contains(sp.owner)
            }
            epochs.append(
                DeliveryEpoch(
                    from: from, to: to, members: memberIds, workloads: members.compactMap { plan.workload(of: $0.id) },
                    reservedInstances: ris, savingsPlans: sps,
                    engineReservedInstances: ris.map { plan.reservedInstances[$0].engineValue },
                    engineSavingsPlans: sps.map { plan.savingsPlans[$0].engineValue }))
        }
        return epochs
    }
}
