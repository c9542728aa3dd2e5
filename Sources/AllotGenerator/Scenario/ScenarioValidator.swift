import AllotCore

/// Checks that a scenario makes sense as a whole: unique ids, references that resolve, moves that
/// follow the accounts' memberships, prices for every instance, commitments the engine can apply.
///
/// Errors name the path of the offending value: `accounts[3].profile: unknown profile 'webb'`.
struct ScenarioValidator {
    let scenario: Scenario

    init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    func validate() throws(ScenarioError) {
        try validatePeriods()
        try validateOrganizations()
        try validateAccounts()
        try validateProfiles()
        try validateHoldingAccounts()
        try validateMoves()
        try validateCredits()
    }

    private func fail(_ code: ScenarioError.Code, _ path: String, _ message: String) -> ScenarioError {
        ScenarioError(code, path: path, message)
    }

    private func validatePeriods() throws(ScenarioError) {
        guard !scenario.periods.isEmpty else { throw fail(.missingKey, "periods", "name at least one billing period") }
        for index in scenario.periods.indices.dropFirst()
        where scenario.periods[index].period <= scenario.periods[index - 1].period {
            throw fail(.invalidValue, "periods[\(index)]", "periods must be listed in order, each month once")
        }
    }

    private func validateOrganizations() throws(ScenarioError) {
        guard !scenario.organizations.isEmpty else {
            throw fail(.missingKey, "organizations", "declare at least one organization")
        }
        var ids = Set<String>()
        var payers = Set<String>()
        for (index, organization) in scenario.organizations.enumerated() {
            let path = "organizations[\(index)]"
            guard ids.insert(organization.id).inserted else {
                throw fail(.duplicate, "\(path).id", "organization '\(organization.id)' is declared twice")
            }
            guard payers.insert(organization.payer).inserted else {
                throw fail(.duplicate, "\(path).payer", "account \(organization.payer) is already another organization's payer")
            }
            if let payer = scenario.account(organization.payer), payer.organization != organization.id {
                throw fail(
                    .inconsistent, "\(path).payer",
                    "payer \(organization.payer) is declared in organization '\(payer.organization)'")
            }
            for (position, account) in organization.sharingOff.enumerated() where scenario.account(account) == nil {
                throw fail(.unknownReference, "\(path).sharingOff[\(position)]", "unknown account \(account)")
            }
        }
    }

    private func validateAccounts() throws(ScenarioError) {
        var ids = Set<String>()
        for (index, account) in scenario.accounts.enumerated() {
            let path = "accounts[\(index)]"
            guard ids.insert(account.id).inserted else {
                throw fail(.duplicate, "\(path).id", "account \(account.id) is declared twice")
            }
            guard scenario.organization(account.organization) != nil else {
                throw fail(.unknownReference, "\(path).org", "unknown organization '\(account.organization)'")
            }
            if let profile = account.profile, scenario.profile(profile) == nil {
                throw fail(.unknownReference, "\(path).profile", "unknown profile '\(profile)'")
            }
        }
    }

    private func validateProfiles() throws(ScenarioError) {
        for profile in scenario.profiles {
            let path = "profiles.\(profile.name)"
            for (index, fleet) in profile.instances.enumerated() {
                try validateInstance(
                    at: "\(path).ec2[\(index)]", type: fleet.instanceType, region: fleet.region,
                    zone: fleet.availabilityZone, platform: fleet.platform, tenancy: fleet.tenancy,
                    hasRate: fleet.rate != nil)
            }
            for (index, usage) in profile.services.enumerated() {
                let item = "\(path).services[\(index)]"
                guard ServiceCatalog.service(usage.service) != nil else {
                    throw fail(
                        .unknownReference, "\(item).service",
                        "unknown service '\(usage.service)' (known: \(ServiceCatalog.names))")
                }
                guard RegionCatalog.region(usage.region) != nil else {
                    throw fail(.invalidValue, "\(item).region", "unknown Region '\(usage.region)' (known: \(RegionCatalog.codes))")
                }
            }
        }
    }

    private func validateInstance(
        at path: String, type: String, region: String, zone: String?, platform: InstancePlatform,
        tenancy: InstanceTenancy, hasRate: Bool
    ) throws(ScenarioError) {
        guard let known = RegionCatalog.region(region) else {
            throw fail(.invalidValue, "\(path).region", "unknown Region '\(region)' (known: \(RegionCatalog.codes))")
        }
        if let zone, !(zone.hasPrefix(region) && zone.count == region.count + 1) {
            throw fail(.invalidValue, "\(path).availabilityZone", "'\(zone)' is not a zone of \(region)")
        }
        guard NormalizationFactor.forInstanceType(type) != nil, type.contains(".") else {
            throw fail(.invalidValue, "\(path).instanceType", "'\(type)' is not an instance type of a known size (m5.large)")
        }
        let overridden = scenario.prices.contains { $0.instanceType == type && $0.region == region && $0.platform == platform }
        guard hasRate || overridden
            || InstanceCatalog.onDemandRate(type, region: known, platform: platform, tenancy: tenancy) != nil
        else {
            throw fail(
                .invalidValue, "\(path).instanceType",
                "no built-in On-Demand rate for \(platform) \(type) in \(region); give rate: or a prices: entry")
        }
    }

    private func validateHoldingAccounts() throws(ScenarioError) {
        var owners = Set<String>()
        var ids = Set<String>()
        for (index, holding) in scenario.holdingAccounts.enumerated() {
            let path = "holdingAccounts[\(index)]"
            guard scenario.account(holding.account) != nil else {
                throw fail(.unknownReference, "\(path).account", "unknown account \(holding.account)")
            }
            guard owners.insert(holding.account).inserted else {
                throw fail(.duplicate, "\(path).account", "account \(holding.account) is listed twice")
            }
            for (position, ri) in holding.reservedInstances.enumerated() {
                let item = "\(path).reservedInstances[\(position)]"
                try validateInstance(
                    at: item, type: ri.instanceType, region: ri.region, zone: ri.availabilityZone, platform: ri.platform,
                    tenancy: ri.tenancy, hasRate: ri.effectiveHourlyRate != nil)
                if let id = ri.id, !ids.insert(id).inserted {
                    throw fail(.duplicate, "\(item).id", "commitment id '\(id)' is used twice")
                }
            }
            for (position, plan) in holding.savingsPlans.enumerated() {
                let item = "\(path).savingsPlans[\(position)]"
                if let region = plan.kind.region, RegionCatalog.region(region) == nil {
                    throw fail(.invalidValue, "\(item).region", "unknown Region '\(region)' (known: \(RegionCatalog.codes))")
                }
                if let id = plan.id, !ids.insert(id).inserted {
                    throw fail(.duplicate, "\(item).id", "commitment id '\(id)' is used twice")
                }
            }
        }
    }

    private func validateMoves() throws(ScenarioError) {
        var organizationOf = Dictionary(uniqueKeysWithValues: scenario.accounts.map { ($0.id, $0.organization) })
        let ordered = scenario.moves.enumerated().sorted { ($0.element.leaves, $0.offset) < ($1.element.leaves, $1.offset) }
        var lastJoin: [String: Timestamp] = [:]
        for (index, move) in ordered {
            let path = "moves[\(index)]"
            guard let current = organizationOf[move.account] else {
                throw fail(.unknownReference, "\(path).account", "unknown account \(move.account)")
            }
            guard let from = scenario.organization(move.from) else {
                throw fail(.unknownReference, "\(path).from", "unknown organization '\(move.from)'")
            }
            guard let to = scenario.organization(move.to) else {
                throw fail(.unknownReference, "\(path).to", "unknown organization '\(move.to)'")
            }
            guard current == move.from else {
                throw fail(.inconsistent, "\(path).from", "account \(move.account) is in '\(current)' at that time, not '\(move.from)'")
            }
            guard move.from != move.to else { throw fail(.inconsistent, "\(path).to", "the account already is in '\(move.to)'") }
            guard from.customer == to.customer else {
                throw fail(.inconsistent, "\(path).to", "'\(move.from)' and '\(move.to)' belong to different customers")
            }
            guard scenario.organizations.allSatisfy({ $0.payer != move.account }) else {
                throw fail(.inconsistent, "\(path).account", "a payer account cannot leave its organization")
            }
            if let previous = lastJoin[move.account], move.leaves < previous {
                throw fail(.inconsistent, "\(path).at", "the account leaves before it has joined '\(move.from)'")
            }
            organizationOf[move.account] = move.to
            lastJoin[move.account] = move.joins
        }
    }

    private func validateCredits() throws(ScenarioError) {
        for (index, credit) in scenario.credits.enumerated() where scenario.account(credit.account) == nil {
            throw fail(.unknownReference, "credits[\(index)].account", "unknown account \(credit.account)")
        }
    }
}
