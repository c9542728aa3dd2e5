/// The mutable state of one ``CommitmentApplication``: what is left of each line and commitment, and
/// the coverages recorded so far.
///
/// Lines, RIs and plans are addressed by their position in the input arrays; every ordering decision
/// uses IDs (account ranks from ``AccountIndex``, line IDs, commitment IDs), never those positions. The
/// lines themselves are read once, by ``LineDigest``; the phases work on its arrays.
struct ApplicationLedger {
    let reservedInstances: [ReservedInstance]
    let savingsPlans: [SavingsPlan]
    let accounts: AccountIndex

    /// Per line (input position): ID, quantity, rates, usage key, account and Region numbers.
    let facts: [LineFacts]
    /// The hour's distinct usage keys, and the commitments' Regions.
    let usageKeys: UsageKeyTable<Void>
    let regions: [String]
    /// Per line: its rank in the order by account ID, then line ID — the last tie-break of every ordering.
    let orderRanks: [Int32]
    /// Families with an RI or an EC2 Instance Savings Plan, numbered.
    let familyNumbers: [String: Int]
    /// The line lists the phases walk (per family, per eligibility, per RI), in account/line order.
    let lists: LineLists
    /// Per RI: the RI whose candidate list it shares (see ``LineDigest``).
    let reservedInstanceLeaders: [Int]
    /// The RIs in application order: zonal, regional exact-match, size-flexible; each class by ID.
    let reservedInstanceOrder: [Int]

    /// Quantity of each line not yet covered.
    var remaining: [Amount]
    /// Coverages in application order.
    var records: [CoverageRecord]

    /// Per RI: capacity of the hour and capacity left, in normalized units when size-flexible, else
    /// instance-hours; `count × effectiveHourlyCost` and the part not yet carried by covered usage; the
    /// On-Demand equivalent of the covered usage.
    let riCapacity: [Amount]
    var riCapacityLeft: [Amount]
    let riTotalCost: [Amount]
    var riCostLeft: [Amount]
    var riOnDemand: [Amount]

    /// Per plan: commitment not yet used this hour, and On-Demand equivalent of the covered usage.
    var spCommitmentLeft: [Amount]
    var spOnDemand: [Amount]

    init(_ application: CommitmentApplication, workspace: inout EngineWorkspace) throws(CommitmentError) {
        reservedInstances = application.reservedInstances
        savingsPlans = application.savingsPlans
        let riOrder = application.reservedInstances.indices.sorted {
            let (lhs, rhs) = (application.reservedInstances[$0], application.reservedInstances[$1])
            return (Self.classRank(of: lhs), lhs.id) < (Self.classRank(of: rhs), rhs.id)
        }
        reservedInstanceOrder = riOrder
        let digest = try LineDigest(application, reservedInstanceOrder: riOrder, workspace: &workspace)
        try application.validateCommitments()
        accounts = try AccountIndex(application, digest: digest)

        let order = Self.accountLineOrder(ranks: accounts.lineRanks, facts: digest.facts)
        var orderRanks = [Int32](repeating: 0, count: order.count)
        for (rank, position) in order.enumerated() { orderRanks[Int(position)] = Int32(rank) }
        self.orderRanks = orderRanks
        lists = LineLists(
            digest,
            order: order,
            orderRanks: orderRanks,
            keyFacts: workspace.keyFacts,
            matches: workspace.matches,
            reservedInstanceCount: application.reservedInstances.count
        )

        facts = digest.facts
        usageKeys = digest.usageKeys
        regions = digest.regions
        familyNumbers = digest.familyNumbers
        reservedInstanceLeaders = digest.reservedInstanceLeaders
        remaining = workspace.remaining
        records = workspace.records
        workspace.remaining = []
        workspace.records = []
        remaining.removeAll(keepingCapacity: true)
        remaining.reserveCapacity(facts.count)
        for fact in facts { remaining.append(fact.quantity) }
        records.removeAll(keepingCapacity: true)
        records.reserveCapacity(facts.count / 2)

        var capacity: [Amount] = []
        var totalCost: [Amount] = []
        for ri in application.reservedInstances {
            let hours = ri.reservedHours
            capacity.append(ri.isSizeFlexible ? try hours.times(ri.normalizationFactor, "normalized units of \(ri.id)") : hours)
            totalCost.append(try hours.times(ri.effectiveHourlyCost, "hourly cost of \(ri.id)"))
        }
        riCapacity = capacity
        riCapacityLeft = capacity
        riTotalCost = totalCost
        riCostLeft = totalCost
        riOnDemand = Array(repeating: .zero, count: application.reservedInstances.count)
        spCommitmentLeft = application.savingsPlans.map(\.hourlyCommitment)
        spOnDemand = Array(repeating: .zero, count: application.savingsPlans.count)
    }

    /// Hands the reusable buffers back to the workspace once the result is built.
    consuming func returnBuffers(to workspace: inout EngineWorkspace) {
        workspace.facts = facts
        workspace.remaining = remaining
        workspace.records = records
    }

    /// Zonal 0, regional exact-match 1, size-flexible 2. Zonal RIs are the most specific (and reserve
    /// capacity); the rules doc notes practitioners report them matched first (§3.1 ⚠).
    private static func classRank(of ri: ReservedInstance) -> Int {
        if ri.isZonal { return 0 }
        return ri.isSizeFlexible ? 2 : 1
    }

    /// Line positions ordered by account rank, then line ID; input already in that order (the usual
    /// delivery order) is recognised without sorting.
    private static func accountLineOrder(ranks: [Int32], facts: [LineFacts]) -> [Int32] {
        func before(_ lhs: Int, _ rhs: Int) -> Bool {
            ranks[lhs] != ranks[rhs] ? ranks[lhs] < ranks[rhs] : facts[lhs].id < facts[rhs].id
        }
        let positions = (0..<Int32(facts.count)).map { $0 }
        if facts.indices.dropFirst().allSatisfy({ before($0 - 1, $0) }) { return positions }
        return positions.sorted { before(Int($0), Int($1)) }
    }

    /// Records a covered part of a line and takes it off the line's remaining quantity.
    mutating func record(_ coverage: CoverageRecord) {
        remaining[Int(coverage.line)] -= coverage.quantity
        records.append(coverage)
    }
}
