import Testing

@testable import AllotCore

/// Reserved Instance rules (`reference/aws-billing-rules.md` §3.1). Account A = 1111…, B = 2222….
@Suite struct CommitmentReservedInstanceTests {
    private typealias F = CommitmentFixtures
    private func amount(_ text: String) -> Amount { F.amount(text) }

    /// Rule: RI hours go first to the purchasing account, even when another account's usage would
    /// come first by account ID.
    @Test func ownerAccountIsCoveredFirst() throws {
        let result = try F.apply(
            [F.instanceLine(1, account: F.accountA), F.instanceLine(2, account: F.accountB)],
            reservedInstances: [F.reservedInstance("ri-1", owner: F.accountB)]
        )
        // B owns the only RI hour: B's line is covered at the RI's 0.06 $/h, A pays On-Demand 1 h × 0.096.
        #expect(result.covered(2) == [CoveredPart("ri-1", "1", "0.06")])
        #expect(result.covered(1).isEmpty)
        #expect(result.line(1)?.uncoveredCost == amount("0.096"))
        let ri = try #require(result.reservedInstance("ri-1"))
        #expect(ri.usedHours == 1 && ri.unusedHours == 0 && ri.usedCost == amount("0.06") && ri.unusedCost == 0)
    }

    /// Rule: hours the owner does not use go to the rest of the organization.
    @Test func leftoverHoursGoToTheRestOfTheOrganization() throws {
        let result = try F.apply(
            [F.instanceLine(1, account: F.accountA), F.instanceLine(2, account: F.accountB)],
            reservedInstances: [F.reservedInstance("ri-1", owner: F.accountB, count: 2, hourlyCost: "0.06")]
        )
        // 2 reservations × 0.06 = 0.12 $/h; each line takes one: 4 of 8 units → 0.06 × 4 ÷ 4 = 0.06,
        // the second uses the RI up and carries the rest, 0.12 − 0.06 = 0.06.
        #expect(result.covered(2) == [CoveredPart("ri-1", "1", "0.06")])
        #expect(result.covered(1) == [CoveredPart("ri-1", "1", "0.06")])
        let ri = try #require(result.reservedInstance("ri-1"))
        #expect(ri.totalCost == amount("0.12") && ri.usedCost == amount("0.12") && ri.unusedCost == 0)
        #expect(ri.reservedUnits == 8 && ri.usedUnits == 8 && ri.unusedUnits == 0)
    }

    /// Rule: a zonal RI covers only usage with the same Availability Zone, instance type (and size),
    /// platform and tenancy.
    @Test func zonalReservedInstanceNeedsAnExactMatch() throws {
        let result = try F.apply(
            [
                F.instanceLine(1, zone: "us-east-1b"),  // other AZ
                F.instanceLine(2, type: "m5.xlarge"),  // other size: zonal RIs are not size-flexible
                F.instanceLine(3, platform: .windows, onDemand: "0.188"),  // other platform
                F.instanceLine(4, tenancy: .dedicated, onDemand: "0.106"),  // other tenancy
                F.instanceLine(5),  // exact match
            ],
            reservedInstances: [F.reservedInstance("ri-zonal", zone: "us-east-1a", hourlyCost: "0.05")]
        )
        for id in 1...4 { #expect(result.covered(id).isEmpty, "line \(id)") }
        #expect(result.covered(5) == [CoveredPart("ri-zonal", "1", "0.05")])
        #expect(result.line(2)?.uncoveredQuantity == 1)
    }

    /// Decision: zonal RIs are applied before regional ones (most specific first; §3.1 ⚠), even when
    /// the regional RI's ID sorts first.
    @Test func zonalReservedInstancesGoBeforeRegionalOnes() throws {
        let result = try F.apply(
            [F.instanceLine(1)],
            reservedInstances: [
                F.reservedInstance("ri-a-regional", hourlyCost: "0.06"),
                F.reservedInstance("ri-b-zonal", zone: "us-east-1a", hourlyCost: "0.05"),
            ]
        )
        #expect(result.covered(1) == [CoveredPart("ri-b-zonal", "1", "0.05")])
        let regional = try #require(result.reservedInstance("ri-a-regional"))
        // Use it or lose it: the regional RI's hour is unused, 1 h and 0.06 $ on its owner.
        #expect(regional.usedHours == 0 && regional.unusedHours == 1 && regional.unusedCost == amount("0.06"))
        #expect(regional.unusedUnits == 4)
    }

    /// Rule: a regional RI that is not size-flexible (here Windows) needs the exact instance type,
    /// platform and tenancy, in any Availability Zone of its Region.
    @Test func nonFlexibleRegionalReservedInstanceNeedsTheExactType() throws {
        let result = try F.apply(
            [
                F.instanceLine(1, type: "m5.xlarge", platform: .windows, onDemand: "0.376"),
                F.instanceLine(2, zone: "us-east-1c", platform: .windows, onDemand: "0.188"),
                F.instanceLine(3),  // Linux
            ],
            reservedInstances: [F.reservedInstance("ri-win", platform: .windows, count: 2, hourlyCost: "0.12")]
        )
        #expect(result.covered(1).isEmpty)
        #expect(result.covered(2) == [CoveredPart("ri-win", "1", "0.12")])
        #expect(result.covered(3).isEmpty)
        let ri = try #require(result.reservedInstance("ri-win"))
        // 2 reservations, 1 used: hours 1 + 1, units 1 × 4 + 1 × 4, cost 0.12 used + 0.12 unused.
        #expect(ri.usedHours == 1 && ri.unusedHours == 1)
        #expect(ri.usedUnits == 4 && ri.unusedUnits == 4)
        #expect(ri.usedCost == amount("0.12") && ri.unusedCost == amount("0.12"))
    }

    /// Rule: dedicated-tenancy regional RIs are not size-flexible.
    @Test func dedicatedReservedInstanceIsNotSizeFlexible() throws {
        let result = try F.apply(
            [
                F.instanceLine(1, type: "m5.xlarge", tenancy: .dedicated, onDemand: "0.212"),
                F.instanceLine(2, zone: "us-east-1b", tenancy: .dedicated, onDemand: "0.106"),
            ],
            reservedInstances: [F.reservedInstance("ri-ded", tenancy: .dedicated, hourlyCost: "0.07")]
        )
        #expect(result.covered(1).isEmpty)
        #expect(result.covered(2) == [CoveredPart("ri-ded", "1", "0.07")])
    }

    /// Rule: one instance-hour can be split across several RIs and On-Demand; partial coverage gives
    /// fractional quantities.
    @Test func lineIsSplitAcrossReservedInstancesAndOnDemand() throws {
        let result = try F.apply(
            [F.instanceLine(1, type: "m5.2xlarge", onDemand: "0.384")],
            reservedInstances: [
                F.reservedInstance("ri-a", type: "m5.large", hourlyCost: "0.06"),
                F.reservedInstance("ri-b", type: "m5.xlarge", hourlyCost: "0.12"),
            ]
        )
        // The line needs 1 h × 16 = 16 units. ri-a has 4: covers 4 ÷ 16 = 0.25 h for its 0.06.
        // 0.75 h left need 12 units; ri-b has 8: covers 8 ÷ 16 = 0.5 h for its 0.12.
        // 0.25 h stays On-Demand: 0.25 × 0.384 = 0.096.
        #expect(result.covered(1) == [CoveredPart("ri-a", "0.25", "0.06"), CoveredPart("ri-b", "0.5", "0.12")])
        let line = try #require(result.line(1))
        #expect(result.coveredQuantity(of: line) == amount("0.75"))
        #expect(line.uncoveredQuantity == amount("0.25"))
        #expect(line.uncoveredCost == amount("0.096"))
        #expect(result.coverages(of: line).map(\.normalizedUnits) == [4, 8])
    }

    /// Rule: a size-flexible RI applies to the smallest size of its family first.
    @Test func sizeFlexibleReservedInstanceCoversTheSmallestSizeFirst() throws {
        let result = try F.apply(
            [
                F.instanceLine(1, type: "m5.2xlarge", onDemand: "0.384"),
                F.instanceLine(2, type: "m5.xlarge", onDemand: "0.192"),
                F.instanceLine(3, type: "m5.large", onDemand: "0.096"),
            ],
            reservedInstances: [F.reservedInstance("ri-x", type: "m5.xlarge", hourlyCost: "0.192")]
        )
        // 8 units at 0.192 $/h, 0.024 $ per unit. m5.large first: 4 units, 4 × 0.024 = 0.096.
        // m5.xlarge next: needs 8, 4 left → 4 ÷ 8 = 0.5 h for the remaining 0.192 − 0.096 = 0.096.
        // m5.2xlarge: nothing left, 1 h × 0.384 On-Demand.
        #expect(result.covered(3) == [CoveredPart("ri-x", "1", "0.096")])
        #expect(result.covered(2) == [CoveredPart("ri-x", "0.5", "0.096")])
        #expect(result.covered(1).isEmpty)
        #expect(result.line(2)?.uncoveredCost == amount("0.096"))  // 0.5 × 0.192
        #expect(result.line(1)?.uncoveredCost == amount("0.384"))
    }

    /// Rule: size flexibility counts normalized units; utilization is reported in hours and units.
    @Test func partlyUsedFlexibleReservedInstanceReportsHoursAndUnits() throws {
        let result = try F.apply(
            [F.instanceLine(1, type: "m5.large")],
            reservedInstances: [F.reservedInstance("ri-2x", type: "m5.2xlarge", hourlyCost: "0.40")]
        )
        let ri = try #require(result.reservedInstance("ri-2x"))
        // 16 units reserved, the m5.large uses 4: used hours 4 ÷ 16 = 0.25, cost 0.40 × 4 ÷ 16 = 0.10.
        #expect(ri.reservedUnits == 16 && ri.usedUnits == 4 && ri.unusedUnits == 12)
        #expect(ri.reservedHours == 1 && ri.usedHours == amount("0.25") && ri.unusedHours == amount("0.75"))
        #expect(ri.usedCost == amount("0.10") && ri.unusedCost == amount("0.30"))
        #expect(ri.onDemandCostOfUsedHours == amount("0.096"))
        #expect(result.covered(1) == [CoveredPart("ri-2x", "1", "0.10")])
    }

    /// Rule: size flexibility stays inside the family and Region, and works on fractional quantities.
    @Test func sizeFlexibilityStaysInTheFamilyAndRegion() throws {
        let result = try F.apply(
            [
                F.instanceLine(1, type: "c5.large", onDemand: "0.085"),  // other family
                F.instanceLine(2, zone: "us-west-2a", region: "us-west-2"),  // other Region
                F.instanceLine(3, type: "m5.xlarge", quantity: "0.5", onDemand: "0.192"),  // half an hour
            ],
            reservedInstances: [F.reservedInstance("ri-1", type: "m5.large", hourlyCost: "0.06")]
        )
        #expect(result.covered(1).isEmpty)
        #expect(result.covered(2).isEmpty)
        // 0.5 h × 8 = 4 units = the whole RI: 0.5 h covered for 0.06.
        #expect(result.covered(3) == [CoveredPart("ri-1", "0.5", "0.06")])
    }
}
