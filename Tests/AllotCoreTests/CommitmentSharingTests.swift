import Testing

@testable import AllotCore

/// Discount sharing preferences (`reference/aws-billing-rules.md` §3.3). A = 1111…, B = 2222…, C = 3333….
@Suite struct CommitmentSharingTests {
    private typealias F = CommitmentFixtures
    private func amount(_ text: String) -> Amount { F.amount(text) }

    /// Rule: an account with sharing off receives no other account's RI hours.
    @Test func consumerWithSharingOffReceivesNothing() throws {
        let result = try F.apply(
            [F.instanceLine(1, account: F.accountB), F.instanceLine(2, account: F.accountC)],
            reservedInstances: [F.reservedInstance("ri-1", owner: F.accountA, count: 2)],
            sharing: .allExcept([F.accountB])
        )
        #expect(result.covered(1).isEmpty)
        #expect(result.covered(2) == [CoveredPart("ri-1", "1", "0.06")])
        // One of the two reserved hours is unused: 0.06 stays on the owner.
        #expect(result.reservedInstance("ri-1")?.unusedCost == amount("0.06"))
    }

    /// Rule: a commitment whose owner has sharing off applies to the owner only — and still to the owner.
    @Test func ownerWithSharingOffKeepsItsCommitmentsToItself() throws {
        let own = F.instanceLine(1, account: F.accountA)
        let other = F.instanceLine(2, account: F.accountB)
        let third = F.instanceLine(3, account: F.accountB, type: "c5.large", onDemand: "0.085")
        let result = try F.apply(
            [own, other, third],
            reservedInstances: [F.reservedInstance("ri-1", owner: F.accountA, count: 2)],
            savingsPlans: [F.savingsPlan("sp-1", owner: F.accountA, commitment: "1", rates: [(own, "0.05"), (third, "0.05")])],
            sharing: .allExcept([F.accountA])
        )
        #expect(result.covered(1) == [CoveredPart("ri-1", "1", "0.06")])
        #expect(result.covered(2).isEmpty)
        #expect(result.covered(3).isEmpty)
        #expect(result.reservedInstance("ri-1")?.unusedHours == 1)
        // The plan found no owner usage left after the RI and may not share: all 1 $ unused.
        #expect(result.savingsPlan("sp-1")?.unusedCommitment == 1)
    }

    /// Rule: an account with sharing off does not give its Savings Plan to others, nor take theirs.
    @Test func savingsPlansRespectSharing() throws {
        let b = F.instanceLine(1, account: F.accountB)
        let c = F.instanceLine(2, account: F.accountC)
        let rates = [(b, "0.06")]
        let result = try F.apply(
            [b, c],
            savingsPlans: [F.savingsPlan("sp-a", owner: F.accountA, commitment: "1", rates: rates)],
            sharing: SharingPreferences(sharesByDefault: false, exceptions: [F.accountA, F.accountB])
        )
        // A and B share; C does not: B's hour is covered (1 × 0.06), C's stays On-Demand.
        #expect(result.covered(1) == [CoveredPart("sp-a", "1", "0.06")])
        #expect(result.covered(2).isEmpty && result.line(2)?.uncoveredCost == amount("0.096"))
    }

    /// Rule: a zonal RI's billing discount is shared like any other (the capacity reservation is not).
    @Test func zonalReservedInstanceIsShared() throws {
        let result = try F.apply(
            [F.instanceLine(1, account: F.accountB)],
            reservedInstances: [F.reservedInstance("ri-z", owner: F.accountA, zone: "us-east-1a", hourlyCost: "0.05")]
        )
        #expect(result.covered(1) == [CoveredPart("ri-z", "1", "0.05")])
    }

    /// Rule: size-flexible RIs shared across accounts still go smallest size first, then by account ID.
    @Test func sharedFlexibleReservedInstanceGoesSmallestFirstAcrossAccounts() throws {
        let result = try F.apply(
            [
                F.instanceLine(1, account: F.accountB, type: "m5.xlarge", onDemand: "0.192"),
                F.instanceLine(2, account: F.accountC, type: "m5.large"),
                F.instanceLine(3, account: F.accountB, type: "m5.large"),
            ],
            reservedInstances: [F.reservedInstance("ri-1", owner: F.accountA, type: "m5.xlarge", hourlyCost: "0.16")]
        )
        // 8 units, 0.02 $ each. Smallest first, then account: B's large (4 units, 0.08), then C's large
        // (4 units, the rest 0.08). B's xlarge gets nothing.
        #expect(result.covered(3) == [CoveredPart("ri-1", "1", "0.08")])
        #expect(result.covered(2) == [CoveredPart("ri-1", "1", "0.08")])
        #expect(result.covered(1).isEmpty)
    }

    /// Rule: usage and commitments of accounts outside the organization are refused: a commitment
    /// applies only inside its owner's organization (§3.4).
    @Test func accountsOutsideTheOrganizationAreRefused() throws {
        let stranger = "999999999999"
        let lineError = try #require(throws: CommitmentError.self) {
            try F.apply([F.instanceLine(4, account: stranger), F.instanceLine(3, account: stranger)])
        }
        #expect(lineError.code == .accountOutsideOrganization && lineError.usageLineID == 3)
        #expect(lineError.description.contains(stranger))
        let ownerError = try #require(throws: CommitmentError.self) {
            try F.apply([F.instanceLine(1)], reservedInstances: [F.reservedInstance("ri-x", owner: stranger)])
        }
        #expect(ownerError.code == .accountOutsideOrganization && ownerError.commitmentID == "ri-x")
    }
}
