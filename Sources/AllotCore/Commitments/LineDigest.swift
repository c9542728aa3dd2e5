/// What the engine needs of the hour's usage lines, gathered in one pass over the input.
///
/// The pass (``Scan``) reads each ``UsageLine`` in place, once, and leaves plain numbers behind: later
/// phases never touch the lines' strings again. It checks the lines (values in range, unique IDs), numbers
/// the accounts and usage keys, finds each EC2 instance line's family and matches it against the Reserved
/// Instances of that family (`reference/aws-billing-rules.md` §3.1) — once per usage key and instance
/// attributes (``KeyFacts``), since lines of one SKU share them. ``organize(in:)`` then lays out the line
/// lists the phases walk, in the engine's account/line order.
struct LineDigest {
    /// Per line (input position).
    let facts: [LineFacts]
    /// The usage keys seen (this hour and, with a reused engine, before), numbered.
    let usageKeys: UsageKeyTable<Void>
    /// Account IDs by the numbers in ``LineFacts/account``.
    let accountNames: [String]
    /// The commitments' Regions, numbered as in ``LineFacts/region``.
    let regions: [String]
    /// Families that have an RI or an EC2 Instance Savings Plan, numbered as in ``LineFacts/family``.
    let familyNumbers: [String: Int]
    /// Per RI: the RI (itself, or the size-flexible RI with the smallest ID of its family and Region)
    /// whose candidate list it uses.
    let reservedInstanceLeaders: [Int]
    /// Zonal RI matches (line position, RI position), in input order: they depend on each line's zone.
    let zonalMatches: [(line: Int32, reservedInstance: Int32)]

    init(_ application: CommitmentApplication, reservedInstanceOrder: [Int], workspace: inout EngineWorkspace) throws(CommitmentError) {
        let reservedInstances = application.reservedInstances
        var families: [String: Int] = [:]
        var regions: [String] = []
        for family in reservedInstances.map(\.family) + application.savingsPlans.compactMap(\.kind.instanceFamily)
        where families[family] == nil {
            families[family] = families.count
        }
        for region in reservedInstances.map(\.region) + application.savingsPlans.compactMap(\.kind.region) where !regions.contains(region) {
            regions.append(region)
        }
        workspace.prepare(for: EngineWorkspace.Signature(reservedInstances: reservedInstances, families: families, regions: regions))

        // RIs per family; a size-flexible RI follows the first (smallest ID) of its family and Region.
        var leaders = Array(reservedInstances.indices)
        var risByFamily = [[Int]](repeating: [], count: families.count)
        var flexibleLeaders: [Int] = []
        for position in reservedInstanceOrder {
            let ri = reservedInstances[position]
            guard let family = families[ri.family] else { continue }
            if ri.isSizeFlexible {
                if let leader = flexibleLeaders.first(where: { reservedInstances[$0].family == ri.family && reservedInstances[$0].region == ri.region }) {
                    leaders[position] = leader
                    continue
                }
                flexibleLeaders.append(position)
            }
            risByFamily[family].append(position)
        }

        var scan = Scan(
            count: application.usage.count,
            families: families,
            regions: regions,
            reservedInstances: reservedInstances,
            risByFamily: risByFamily,
            workspace: &workspace
        )
        application.usage.withUnsafeBufferPointer { lines in
            for position in lines.indices { scan.read(lines, at: position) }
        }
        let problem = scan.problem(in: application.usage)
        scan.returnTables(to: &workspace)
        if let problem { throw problem }

        facts = scan.facts
        usageKeys = workspace.keys
        accountNames = scan.accountNames
        self.regions = regions
        familyNumbers = families
        reservedInstanceLeaders = leaders
        zonalMatches = scan.zonalMatches
    }
}
