import AllotCore

extension DeliveryRun {
    /// Generates one hour: usage lines, the engine's application, and the hour's rows.
    func generateHour(_ hour: Int, epoch: DeliveryEpoch) throws(GeneratorError) {
        let instant = hours.instant(hour)
        let seconds = instant.secondsSinceEpoch
        let hourOfDay = Int((seconds / 3600) % 24)
        let weekday = Int(((seconds / 86_400) + 4) % 7)  // 1970-01-01 was a Thursday; 0 is Sunday
        let isWeekend = weekday == 0 || weekday == 6
        let globalHour = UInt64(seconds / 3600)
        buildLines(epoch: epoch, hourOfDay: hourOfDay, isWeekend: isWeekend, globalHour: globalHour)
        let result: ApplicationResult
        do {
            result = try engine.apply(
                CommitmentApplication(
                    memberAccounts: epoch.members, sharing: sharing, usage: lines,
                    reservedInstances: epoch.engineReservedInstances, savingsPlans: epoch.engineSavingsPlans))
        } catch {
            throw GeneratorError(.commitments, error.description, context: "\(context), hour \(instant)")
        }
        negations.removeAll(keepingCapacity: true)
        negationIndex.removeAll(keepingCapacity: true)
        coveredPerPlan = Array(repeating: .zero, count: plan.savingsPlans.count)
        do {
            for (position, outcome) in result.lines.enumerated() {
                try writeLine(hour, line: lines[position], source: lineSources[position], outcome: outcome, result: result)
            }
            try writeNegations(hour)
            try writeSavingsPlanFees(hour, epoch: epoch, result: result)
            for (position, utilization) in result.reservedInstances.enumerated() {
                reservedInstanceTallies[epoch.reservedInstances[position]].addHour(hour, utilization: utilization)
            }
            try writeServices(hour, epoch: epoch, hourOfDay: hourOfDay, isWeekend: isWeekend, globalHour: globalHour)
        } catch let error as AmountError {
            throw .arithmetic(error, context: context)
        } catch let error as GeneratorError {
            throw error
        } catch {
            throw GeneratorError(.inconsistent, "\(error)", context: context)
        }
    }

    /// One engine line per running instance of every member's fleets.
    private func buildLines(epoch: DeliveryEpoch, hourOfDay: Int, isWeekend: Bool, globalHour: UInt64) {
        lines.removeAll(keepingCapacity: true)
        lineSources.removeAll(keepingCapacity: true)
        for workload in epoch.workloads {
            let percent = workload.profile.percent(hourOfDay: hourOfDay, isWeekend: isWeekend)
            for fleet in workload.fleets {
                var random = SeededRandom(seed: fleet.seed &+ globalHour &* 0xD1B5_4A32_D192_ED03)
                let running = fleet.running(percent: percent, random: &random)
                let sku = fleet.sku
                for slot in 0..<running {
                    var quantity: Amount = 1
                    if random.chance(percent: fleet.partialHourPercent) {
                        quantity = Amount(minorUnits: Int128(1_000 + random.below(9_000)), exponent: 4)
                    }
                    let zone = slot % fleet.zones.count
                    lines.append(
                        UsageLine(
                            id: lines.count, account: workload.account.id, key: sku.key, category: .ec2Instance,
                            availabilityZone: fleet.zones[zone], instance: sku.instance,
                            normalizationFactor: sku.normalizationFactor, quantity: quantity, onDemandRate: sku.onDemandRate))
                    lineSources.append(LineSource(account: workload.account, fleet: fleet, slot: slot, zone: zone))
                }
            }
        }
    }

    /// The rows of one usage line: a `DiscountedUsage` or `SavingsPlanCoveredUsage` row per coverage,
    /// and a `Usage` row for what is left at On-Demand.
    private func writeLine(
        _ hour: Int, line: UsageLine, source: LineSource, outcome: LineOutcome, result: ApplicationResult
    ) throws -> Void {
        let fleet = source.fleet
        let sku = fleet.sku
        for coverage in result.coverages(of: outcome) {
            var row = CURRow(
                kind: .discountedUsage, account: source.account, product: sku.product, tags: fleet.tags, start: hour,
                end: hour + 1, invoice: anniversaryInvoice, unblendedCost: .zero, description: [])
            row.availabilityZone = fleet.encodedZones[source.zone]
            row.resourceId = fleet.instanceIds[source.slot]
            row.usageAmount = coverage.quantity
            row.normalizationFactor = sku.normalizationFactor
            row.publicOnDemandRate = sku.onDemandRate
            row.publicOnDemandCost = coverage.onDemandCost
            if coverage.commitment.kind == .reservedInstance {
                guard let index = reservedInstanceIndex[coverage.commitment.id] else {
                    throw GeneratorError(.inconsistent, "unknown Reserved Instance \(coverage.commitment.id)")
                }
                let ri = plan.reservedInstances[index]
                let effective = ri.recurringHourly + ri.upfrontHourly
                let recurring = effective.isZero
                    ? Amount.zero : try coverage.effectiveCost.scaled(by: ri.recurringHourly, over: effective)
                var columns = ReservationColumns(commitment: ri.entry)
                columns.effectiveCost = coverage.effectiveCost
                columns.recurringFeeForUsage = recurring
                columns.amortizedUpfrontCostForUsage = coverage.effectiveCost - recurring
                row.unblendedRate = .zero
                row.description = ri.entry.coveredDescription
                row.pricingTerm = .reserved
                row.reservation = columns
                reservedInstanceTallies[index].recurringForUsage += recurring
                reservedInstanceTallies[index].upfrontForUsage += coverage.effectiveCost - recurring
                reservedInstanceTallies[index].effectiveCost += coverage.effectiveCost
                reservedInstanceTallies[index].coveredOnDemand += coverage.onDemandCost
            } else {
                guard let index = savingsPlanIndex[coverage.commitment.id] else {
                    throw GeneratorError(.inconsistent, "unknown Savings Plan \(coverage.commitment.id)")
                }
                var columns = SavingsPlanColumns(commitment: plan.savingsPlans[index].entry)
                columns.rate = coverage.savingsPlanRate
                columns.effectiveCost = coverage.effectiveCost
                row.kind = .savingsPlanCoveredUsage
                row.unblendedRate = sku.onDemandRate
                row.unblendedCost = coverage.onDemandCost
                row.description = sku.product.usageDescription
                row.pricingTerm = .onDemand
                row.savingsPlan = columns
                coveredPerPlan[index] += coverage.effectiveCost
                savingsPlanTallies[index].coveredOnDemand += coverage.onDemandCost
                addNegation(source: source, plan: index, quantity: coverage.quantity, onDemandCost: coverage.onDemandCost)
            }
            try emit(row)
        }
        guard !outcome.uncoveredQuantity.isZero else { return }
        var row = CURRow(
            kind: .usage, account: source.account, product: sku.product, tags: fleet.tags, start: hour, end: hour + 1,
            invoice: anniversaryInvoice, unblendedCost: outcome.uncoveredCost, description: sku.product.usageDescription)
        row.availabilityZone = fleet.encodedZones[source.zone]
        row.resourceId = fleet.instanceIds[source.slot]
        row.usageAmount = outcome.uncoveredQuantity
        row.normalizationFactor = sku.normalizationFactor
        row.unblendedRate = sku.onDemandRate
        row.publicOnDemandRate = sku.onDemandRate
        row.publicOnDemandCost = outcome.uncoveredCost
        row.pricingTerm = .onDemand
        if let netRate = netRates[sku.index] {
            row.discount = try outcome.uncoveredCost.scaled(by: organization.edpPercent, over: 100)
            row.netUnblendedRate = netRate
        }
        try emit(row)
    }

    private func addNegation(source: LineSource, plan index: Int, quantity: Amount, onDemandCost: Amount) {
        let key = NegationGroup.Key(
            account: source.account.index, sku: source.fleet.sku.index, plan: index, zone: source.zone,
            tags: ObjectIdentifier(source.fleet.tags))
        if let position = negationIndex[key] {
            negations[position].quantity += quantity
            negations[position].onDemandCost += onDemandCost
        } else {
            negationIndex[key] = negations.count
            negations.append(NegationGroup(source: source, plan: index, quantity: quantity, onDemandCost: onDemandCost))
        }
    }

    private func writeNegations(_ hour: Int) throws(GeneratorError) {
        for group in negations {
            let fleet = group.source.fleet
            let savingsPlan = plan.savingsPlans[group.plan]
            var row = CURRow(
                kind: .savingsPlanNegation, account: group.source.account, product: fleet.sku.product, tags: fleet.tags,
                start: hour, end: hour + 1, invoice: anniversaryInvoice, unblendedCost: -group.onDemandCost,
                description: savingsPlan.negationDescription)
            row.availabilityZone = fleet.encodedZones[group.source.zone]
            row.usageAmount = group.quantity
            row.normalizationFactor = fleet.sku.normalizationFactor
            row.unblendedRate = -fleet.sku.onDemandRate
            row.pricingTerm = .onDemand
            row.savingsPlan = SavingsPlanColumns(commitment: savingsPlan.entry)
            try emit(row)
        }
    }

    /// One `SavingsPlanRecurringFee` row per active plan and hour, with the engine's used commitment.
    private func writeSavingsPlanFees(_ hour: Int, epoch: DeliveryEpoch, result: ApplicationResult) throws {
        for (position, utilization) in result.savingsPlans.enumerated() {
            let index = epoch.savingsPlans[position]
            let savingsPlan = plan.savingsPlans[index]
            // The identity of §1.5: the plan's covered rows' effective costs are its used commitment.
            guard coveredPerPlan[index] == utilization.usedCommitment,
                utilization.commitment == savingsPlan.recurringHourly + savingsPlan.upfrontHourly
            else {
                throw GeneratorError(
                    .inconsistent, "Savings Plan \(savingsPlan.entry.arn) does not balance at hour \(hours.instant(hour))",
                    context: context)
            }
            guard let owner = plan.accountsById[savingsPlan.owner] else { continue }
            var columns = SavingsPlanColumns(commitment: savingsPlan.entry)
            columns.totalCommitment = utilization.commitment
            columns.usedCommitment = utilization.usedCommitment
            columns.amortizedUpfrontCommitment = savingsPlan.upfrontHourly
            columns.recurringCommitment = savingsPlan.recurringHourly
            var row = CURRow(
                kind: .savingsPlanRecurringFee, account: owner, product: savingsPlan.product, tags: plan.untagged,
                start: hour, end: hour + 1, invoice: anniversaryInvoice, unblendedCost: savingsPlan.recurringHourly,
                description: savingsPlan.entry.recurringDescription)
            row.usageAmount = 1
            row.unblendedRate = savingsPlan.recurringHourly
            row.savingsPlan = columns
            try emit(row)
            savingsPlanTallies[index].hours += 1
            savingsPlanTallies[index].commitment += utilization.commitment
            savingsPlanTallies[index].usedCommitment += utilization.usedCommitment
        }
    }

    /// One `Usage` row per member service and hour: the declared quantity at the hour's shape, ±10 %.
    private func writeServices(
        _ hour: Int, epoch: DeliveryEpoch, hourOfDay: Int, isWeekend: Bool, globalHour: UInt64
    ) throws {
        for workload in epoch.workloads {
            let percent = workload.profile.percent(hourOfDay: hourOfDay, isWeekend: isWeekend)
            for service in workload.services {
                var random = SeededRandom(seed: service.seed &+ globalHour &* 0xD1B5_4A32_D192_ED03)
                let jitter = 90 + random.below(21)
                let quantity = try service.quantity.scaled(by: Amount(percent * jitter), over: 10_000)
                guard !quantity.isZero else { continue }
                let cost = try quantity.multiplied(by: service.rate)
                var row = CURRow(
                    kind: .usage, account: workload.account, product: service.product, tags: service.tags, start: hour,
                    end: hour + 1, invoice: anniversaryInvoice, unblendedCost: cost, description: service.product.usageDescription)
                row.resourceId = service.resourceId
                row.usageAmount = quantity
                row.unblendedRate = service.rate
                row.publicOnDemandRate = service.rate
                row.publicOnDemandCost = cost
                row.pricingTerm = .onDemand
                if organization.hasDiscounts {
                    row.discount = try cost.scaled(by: organization.edpPercent, over: 100)
                    row.netUnblendedRate = service.rate - (try service.rate.scaled(by: organization.edpPercent, over: 100))
                }
                try emit(row)
            }
        }
    }
}
