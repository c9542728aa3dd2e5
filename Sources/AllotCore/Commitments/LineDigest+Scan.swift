extension LineDigest {
    /// The accumulators of the digest's single pass.
    struct Scan {
        let families: [String: Int]
        let regions: [String]
        let reservedInstances: [ReservedInstance]
        let risByFamily: [[Int]]

        var facts: [LineFacts]
        /// The workspace's tables, moved in for the pass (see ``returnTables(to:)``).
        private var keys: UsageKeyTable<Void>
        private var keyFacts: [KeyFacts]
        private var keyInstances: [InstanceAttributes?]
        private var matches: [Int]
        var accountNames: [String] = []
        private var accountNumbers: [String: Int32] = [:]
        private var previousAccount: (name: String, number: Int32)?
        var zonalMatches: [(line: Int32, reservedInstance: Int32)] = []

        /// The smallest ID of a line with a value out of range, and what is wrong with it.
        private var invalid: (id: Int, reason: String)?
        /// IDs seen, while every ID is a small non-negative number (``idsAreSmall``).
        private var seen: [Bool]
        private var idsAreSmall = true
        /// The smallest ID seen twice (while ``idsAreSmall``).
        private var duplicate: Int?

        init(
            count: Int,
            families: [String: Int],
            regions: [String],
            reservedInstances: [ReservedInstance],
            risByFamily: [[Int]],
            workspace: inout EngineWorkspace
        ) {
            self.families = families
            self.regions = regions
            self.reservedInstances = reservedInstances
            self.risByFamily = risByFamily
            keys = workspace.keys
            keyFacts = workspace.keyFacts
            keyInstances = workspace.keyInstances
            matches = workspace.matches
            facts = workspace.facts
            seen = workspace.seen
            workspace.keys = UsageKeyTable<Void>(capacity: 0)
            workspace.keyFacts = []
            workspace.keyInstances = []
            workspace.matches = []
            workspace.facts = []
            workspace.seen = []
            facts.removeAll(keepingCapacity: true)
            facts.reserveCapacity(count)
            let bitmap = count * 4 + 64
            if seen.count == bitmap {
                seen.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
            } else {
                seen = [Bool](repeating: false, count: bitmap)
            }
        }

        /// Gives the workspace its tables back (with this hour's keys and facts) and the bitmap.
        mutating func returnTables(to workspace: inout EngineWorkspace) {
            workspace.keys = keys
            workspace.keyFacts = keyFacts
            workspace.keyInstances = keyInstances
            workspace.matches = matches
            workspace.seen = seen
        }

        /// Reads the line at `position`: its numbers, checks, buckets and RI matches.
        ///
        /// Fields are read one by one from the buffer (a whole-line copy would retain all its references).
        mutating func read(_ lines: UnsafeBufferPointer<UsageLine>, at position: Int) {
            let id = lines[position].id
            let quantity = lines[position].quantity
            let onDemandRate = lines[position].onDemandRate
            let factor = lines[position].normalizationFactor
            if idsAreSmall {
                if id >= 0, id < seen.count {
                    if seen[id] { duplicate = min(duplicate ?? id, id) } else { seen[id] = true }
                } else {
                    idsAreSmall = false
                }
            }
            if quantity.isNegative {
                report(id, "negative quantity \(quantity)")
            } else if onDemandRate.isNegative {
                report(id, "negative On-Demand rate \(onDemandRate)")
            } else if let factor, factor <= .zero {
                report(id, "normalization factor \(factor) is not positive")
            }
            let usageKey = lines[position].key
            let key = keys.insert(usageKey, ())
            while keyFacts.count <= key {
                keyFacts.append(KeyFacts())
                keyInstances.append(nil)
            }
            if !keyFacts[key].isKnown {
                keyFacts[key].region = Int32(regions.firstIndex(of: usageKey.region) ?? -1)
                keyFacts[key].isKnown = true
            }
            let account = number(ofAccount: lines[position].account)
            var family: Int32 = -1
            var eligibility: LineFacts.Eligibility = []
            if quantity > .zero {
                let category = lines[position].category
                if category.isComputeSavingsPlanEligible { eligibility.insert(.computeSavingsPlans) }
                if category.isSageMakerSavingsPlanEligible { eligibility.insert(.sageMakerSavingsPlans) }
                if category.isEC2Instance, !families.isEmpty, let instance = lines[position].instance {
                    if !(keyInstances[key]?.isIdentical(to: instance) ?? false) { describe(key, instance) }
                    family = keyFacts[key].family
                    if family >= 0, !keyFacts[key].zonal.isEmpty {
                        let zone = lines[position].availabilityZone
                        for index in keyFacts[key].zonal where zone == reservedInstances[matches[index]].availabilityZone {
                            zonalMatches.append((Int32(position), Int32(matches[index])))
                        }
                    }
                }
            }
            facts.append(
                LineFacts(
                    quantity: quantity,
                    onDemandRate: onDemandRate,
                    normalizationFactor: factor ?? .zero,
                    id: id,
                    key: Int32(key),
                    account: account,
                    region: keyFacts[key].region,
                    family: family,
                    eligibility: eligibility
                )
            )
        }

        /// Works out the family and RI matches of a usage key's lines with these instance attributes.
        private mutating func describe(_ key: Int, _ instance: InstanceAttributes) {
            keyInstances[key] = instance
            var described = keyFacts[key]
            described.family = -1
            described.regional = 0..<0
            described.zonal = 0..<0
            if let family = families[instance.family] {
                described.family = Int32(family)
                if described.region >= 0 {
                    let region = regions[Int(described.region)]
                    var zonal: [Int] = []
                    let start = matches.count
                    for position in risByFamily[family] {
                        let ri = reservedInstances[position]
                        guard ri.region == region, instance.platform == ri.platform, instance.tenancy == ri.tenancy else { continue }
                        if ri.isZonal {
                            if instance.instanceType == ri.instanceType { zonal.append(position) }
                        } else if ri.isSizeFlexible || instance.instanceType == ri.instanceType {
                            matches.append(position)
                        }
                    }
                    described.regional = start..<matches.count
                    matches += zonal
                    described.zonal = described.regional.upperBound..<matches.count
                }
            }
            keyFacts[key] = described
        }

        private mutating func number(ofAccount account: String) -> Int32 {
            if let previousAccount, previousAccount.name == account { return previousAccount.number }
            let number: Int32
            if let known = accountNumbers[account] {
                number = known
            } else {
                number = Int32(accountNames.count)
                accountNumbers[account] = number
                accountNames.append(account)
            }
            previousAccount = (account, number)
            return number
        }

        private mutating func report(_ id: Int, _ reason: @autoclosure () -> String) {
            if let invalid, invalid.id <= id { return }
            invalid = (id, reason())
        }

        /// The error for the smallest line ID with a problem: a duplicate ID or a value out of range.
        func problem(in usage: [UsageLine]) -> CommitmentError? {
            var duplicate = self.duplicate
            if !idsAreSmall {
                var ids = Set<Int>(minimumCapacity: facts.count)
                for fact in facts where !ids.insert(fact.id).inserted { duplicate = min(duplicate ?? fact.id, fact.id) }
            }
            if let duplicate, duplicate <= invalid?.id ?? .max {
                return CommitmentError(code: .duplicateUsageLine, message: "usage line \(duplicate) appears more than once", usageLineID: duplicate)
            }
            guard let invalid else { return nil }
            let key = usage.first { $0.id == invalid.id }.map { " (\($0.key))" } ?? ""
            return CommitmentError(code: .invalidInput, message: "usage line \(invalid.id)\(key): \(invalid.reason)", usageLineID: invalid.id)
        }
    }
}
