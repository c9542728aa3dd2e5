import Testing

@testable import AllotCore

/// Savings Plan rules (`reference/aws-billing-rules.md` §3.2). Account A = 1111…, B = 2222….
@Suite struct CommitmentSavingsPlanTests {
    private typealias F = CommitmentFixtures
    private func amount(_ text: String) -> Amount { F.amount(text) }

    /// Rule: Savings Plans apply only to usage the Reserved Instances left.
    @Test func reservedInstancesGoBeforeSavingsPlans() throws {
        let line = F.instanceLine(1)
        let result = try F.apply(
            [line],
            reservedInstances: [F.reservedInstance("ri-1", hourlyCost: "0.06")],
            savingsPlans: [F.savingsPlan("sp-1", commitment: "1", rates: [(line, "0.05")])]
        )
        #expect(result.covered(1) == [CoveredPart("ri-1", "1", "0.06")])
        let plan = try #require(result.savingsPlan("sp-1"))
        #expect(plan.usedCommitment == 0 && plan.unusedCommitment == 1)
    }

    /// Rule: EC2 Instance plans are applied before Compute plans, whatever their IDs.
    @Test func ec2InstancePlansGoBeforeComputePlans() throws {
        let line = F.instanceLine(1, onDemand: "0.10")
        let result = try F.apply(
            [line],
            savingsPlans: [
                F.savingsPlan("sp-a-compute", commitment: "1", rates: [(line, "0.07")]),
                F.savingsPlan("sp-z-ec2", kind: .ec2Instance(family: "m5", region: F.region), commitment: "0.03", rates: [(line, "0.06")]),
            ]
        )
        // EC2 Instance plan: 1 h × 0.06 = 0.06 > 0.03 left → covers 0.03 ÷ 0.06 = 0.5 h for 0.03.
        // Compute plan: the other 0.5 h × 0.07 = 0.035; unused 1 − 0.035 = 0.965.
        #expect(result.covered(1) == [CoveredPart("sp-z-ec2", "0.5", "0.03"), CoveredPart("sp-a-compute", "0.5", "0.035")])
        #expect(result.savingsPlan("sp-z-ec2")?.unusedCommitment == 0)
        #expect(result.savingsPlan("sp-a-compute")?.usedCommitment == amount("0.035"))
        #expect(result.savingsPlan("sp-a-compute")?.unusedCommitment == amount("0.965"))
        #expect(result.line(1)?.uncoveredQuantity == 0)
    }

    /// Rule: an EC2 Instance plan covers only its family in its Region (any size, platform, AZ); usage
    /// it is not eligible for needs no rate.
    @Test func ec2InstancePlanCoversItsFamilyAndRegionOnly() throws {
        let m5 = F.instanceLine(1, type: "m5.xlarge", platform: .windows, onDemand: "0.376")
        let result = try F.apply(
            [m5, F.instanceLine(2, type: "c5.large", onDemand: "0.085"), F.instanceLine(3, zone: "eu-west-1a", region: "eu-west-1")],
            savingsPlans: [F.savingsPlan("sp-ec2", kind: .ec2Instance(family: "m5", region: F.region), commitment: "1", rates: [(m5, "0.30")])]
        )
        #expect(result.covered(1) == [CoveredPart("sp-ec2", "1", "0.30")])
        #expect(result.covered(2).isEmpty && result.covered(3).isEmpty)
        #expect(result.savingsPlan("sp-ec2")?.onDemandCostEquivalent == amount("0.376"))
    }

    /// Rule: a plan covers its owner's usage first, even when another account's usage saves more.
    @Test func ownerAccountIsCoveredFirst() throws {
        let a = F.instanceLine(1, account: F.accountA, onDemand: "0.10")
        let b = F.instanceLine(2, account: F.accountB, type: "c5.large", onDemand: "0.10")
        let result = try F.apply(
            [a, b],
            // A's line would save 80 %, B's (the owner's) 40 %.
            savingsPlans: [F.savingsPlan("sp-b", owner: F.accountB, commitment: "0.06", rates: [(a, "0.02"), (b, "0.06")])]
        )
        #expect(result.covered(2) == [CoveredPart("sp-b", "1", "0.06")])
        #expect(result.covered(1).isEmpty)
    }

    /// Rule: among candidates, the highest savings percentage first; a line the remaining commitment
    /// cannot pay in full is covered for `left ÷ rate` of its quantity, and the plan is used up.
    @Test func highestSavingsPercentageFirst() throws {
        let thirty = F.instanceLine(1, type: "m5.large", onDemand: "0.10")  // 1 − 0.07 / 0.10 = 30 %
        let forty = F.instanceLine(2, type: "m5.xlarge", onDemand: "0.20")  // 1 − 0.12 / 0.20 = 40 %
        let sixty = F.instanceLine(3, type: "t3.small", onDemand: "0.05")  // 1 − 0.02 / 0.05 = 60 %
        let result = try F.apply(
            [thirty, forty, sixty],
            savingsPlans: [F.savingsPlan("sp-1", commitment: "0.10", rates: [(thirty, "0.07"), (forty, "0.12"), (sixty, "0.02")])]
        )
        // 60 % first: 1 × 0.02 = 0.02, 0.08 left. 40 % next: 1 × 0.12 > 0.08 → 0.08 ÷ 0.12 = 0.666…
        // = 0.66666666666666666667 (20 places, half-even); × 0.12 = 0.0800000000000000000004 → 0.08.
        #expect(result.covered(3) == [CoveredPart("sp-1", "1", "0.02")])
        #expect(result.covered(2) == [CoveredPart("sp-1", "0.66666666666666666667", "0.08")])
        #expect(result.covered(1).isEmpty)
        let plan = try #require(result.savingsPlan("sp-1"))
        #expect(plan.usedCommitment == amount("0.10") && plan.unusedCommitment == 0)
        // The 40 % line's rest: 1 − 0.66666666666666666667 = 0.33333333333333333333 h at 0.20
        // = 0.066666666666666666666 (21 places) → 0.06666666666666666667.
        #expect(result.line(2)?.uncoveredQuantity == amount("0.33333333333333333333"))
        #expect(result.line(2)?.uncoveredCost == amount("0.06666666666666666667"))
    }

    /// Rule: on equal savings percentage, the lowest Savings Plan rate first.
    @Test func equalSavingsGoToTheLowestRate() throws {
        let dear = F.instanceLine(1, type: "m5.xlarge", onDemand: "0.20")  // 1 − 0.10 / 0.20 = 50 %
        let cheap = F.instanceLine(2, type: "m5.large", onDemand: "0.10")  // 1 − 0.05 / 0.10 = 50 %
        let result = try F.apply(
            [dear, cheap],
            savingsPlans: [F.savingsPlan("sp-1", commitment: "0.05", rates: [(dear, "0.10"), (cheap, "0.05")])]
        )
        #expect(result.covered(2) == [CoveredPart("sp-1", "1", "0.05")])
        #expect(result.covered(1).isEmpty)
    }

    /// Rule: the commitment is per hour, use it or lose it; used + unused = commitment exactly.
    @Test func unusedCommitmentIsLost() throws {
        let line = F.instanceLine(1, quantity: "3", onDemand: "0.096")
        let result = try F.apply([line], savingsPlans: [F.savingsPlan("sp-1", commitment: "1", rates: [(line, "0.1")])])
        // 3 h × 0.1 = 0.3 used, 1 − 0.3 = 0.7 unused; On-Demand equivalent 3 × 0.096 = 0.288.
        let plan = try #require(result.savingsPlan("sp-1"))
        #expect(plan.usedCommitment == amount("0.3") && plan.unusedCommitment == amount("0.7"))
        #expect(plan.onDemandCostEquivalent == amount("0.288"))
    }

    /// Rule: partial coverage is `left ÷ rate` rounded half-even at 20 places; when that rounding makes
    /// `quantity × rate` exceed what is left, the quantity is lowered by 10⁻²⁰, so used never exceeds the
    /// commitment and used = Σ quantity × rate exactly.
    @Test(arguments: [
        // (commitment, rate, covered quantity, used commitment)
        // 1 ÷ 3 = 0.33333333333333333333|3 → …333; × 3 = 0.99999999999999999999.
        ("1", "3", "0.33333333333333333333", "0.99999999999999999999"),
        // 2 ÷ 3 = 0.66666666666666666666|6 → …667, × 3 = 2.00000000000000000001 > 2 → …666, × 3 = 1.99999999999999999998.
        ("2", "3", "0.66666666666666666666", "1.99999999999999999998"),
        // 0.05 ÷ 0.07 = 0.71428571428571428571|4 → …571; × 0.07 = 0.0499999999999999999997 → 0.05.
        ("0.05", "0.07", "0.71428571428571428571", "0.05"),
    ])
    func partialCoverageIsExact(commitment: String, rate: String, quantity: String, used: String) throws {
        let line = F.instanceLine(1, quantity: "1", onDemand: "10")
        let result = try F.apply([line], savingsPlans: [F.savingsPlan("sp-1", commitment: commitment, rates: [(line, rate)])])
        #expect(result.covered(1) == [CoveredPart("sp-1", quantity, used)])
        let plan = try #require(result.savingsPlan("sp-1"))
        #expect(plan.usedCommitment == amount(used))
        #expect(plan.usedCommitment + plan.unusedCommitment == amount(commitment))
        #expect(result.line(1)?.uncoveredQuantity == 1 - amount(quantity))
    }

    /// Rule: plans of one type are pooled — every plan covers its owner's usage before any plan
    /// covers another account's.
    @Test func plansOfOneTypeServeAllOwnersFirst() throws {
        let a = F.instanceLine(1, account: F.accountA, onDemand: "0.10")
        let b = F.instanceLine(2, account: F.accountB, onDemand: "0.10")
        let rates = [(a, "0.06"), (b, "0.06")]
        let result = try F.apply(
            [a, b],
            savingsPlans: [
                F.savingsPlan("sp-1", owner: F.accountA, commitment: "0.09", rates: rates),
                F.savingsPlan("sp-2", owner: F.accountB, commitment: "0.03", rates: rates),
            ]
        )
        // Owners: sp-1 covers A's hour for 0.06 (0.03 left); sp-2 covers 0.03 ÷ 0.06 = 0.5 of B's hour.
        // Then sharing: sp-1's 0.03 covers B's other 0.5 h. B's line shows sp-2 before sp-1.
        #expect(result.covered(1) == [CoveredPart("sp-1", "1", "0.06")])
        #expect(result.covered(2) == [CoveredPart("sp-2", "0.5", "0.03"), CoveredPart("sp-1", "0.5", "0.03")])
        #expect(result.savingsPlan("sp-1")?.unusedCommitment == 0)
        #expect(result.savingsPlan("sp-2")?.unusedCommitment == 0)
    }

    /// Rule: SageMaker plans cover only SageMaker usage, and Compute plans do not cover it.
    @Test func sageMakerPlansCoverSageMakerUsageOnly() throws {
        let notebook = UsageLine(
            id: 1,
            account: F.accountA,
            key: UsageKey(productCode: "AmazonSageMaker", usageType: "USE1-Notebk:ml.t3.medium", operation: "RunInstance", region: F.region),
            category: .sageMakerInstance,
            quantity: 1,
            onDemandRate: amount("0.05")
        )
        let ec2 = F.instanceLine(2)
        let result = try F.apply(
            [notebook, ec2],
            savingsPlans: [
                F.savingsPlan("sp-compute", commitment: "0.5", rates: [(ec2, "0.06"), (notebook, "0.01")]),
                F.savingsPlan("sp-sagemaker", kind: .sageMaker, commitment: "0.5", rates: [(notebook, "0.035"), (ec2, "0.01")]),
            ]
        )
        #expect(result.covered(1) == [CoveredPart("sp-sagemaker", "1", "0.035")])
        #expect(result.covered(2) == [CoveredPart("sp-compute", "1", "0.06")])
    }

    /// Rule: Compute plans cover Fargate and Lambda; other usage (storage, Spot) is never covered.
    @Test func computePlansCoverFargateAndLambda() throws {
        func line(_ id: Int, _ product: String, _ usageType: String) -> UsageLine {
            let key = UsageKey(productCode: product, usageType: usageType, operation: "", region: F.region)
            return UsageLine(
                id: id,
                account: F.accountA,
                key: key,
                category: .inferred(productCode: product, usageType: usageType),
                quantity: 10,
                onDemandRate: amount("0.04")
            )
        }
        let fargate = line(1, "AmazonECS", "USE1-Fargate-vCPU-Hours:perCPU")
        let lambda = line(2, "AWSLambda", "USE1-Lambda-GB-Second")
        let storage = line(3, "AmazonS3", "TimedStorage-ByteHrs")
        let result = try F.apply(
            [fargate, lambda, storage],
            savingsPlans: [F.savingsPlan("sp-1", commitment: "1", rates: [(fargate, "0.03"), (lambda, "0.034")])]
        )
        // 10 × 0.03 = 0.3 and 10 × 0.034 = 0.34; S3 needs no rate and stays On-Demand, 10 × 0.04 = 0.4.
        #expect(result.covered(1) == [CoveredPart("sp-1", "10", "0.3")])
        #expect(result.covered(2) == [CoveredPart("sp-1", "10", "0.34")])
        #expect(result.covered(3).isEmpty && result.line(3)?.uncoveredCost == amount("0.4"))
    }

    /// Rule: a missing rate for eligible usage is an error naming the plan and the line, not a guess.
    @Test func missingRateIsAnError() throws {
        let priced = F.instanceLine(1)
        let unpriced = F.instanceLine(7, type: "m5.xlarge", onDemand: "0.192")
        let error = try #require(throws: CommitmentError.self) {
            try F.apply([priced, unpriced], savingsPlans: [F.savingsPlan("sp-1", commitment: "1", rates: [(priced, "0.06")])])
        }
        #expect(error.code == .missingSavingsPlanRate)
        #expect(error.commitmentID == "sp-1" && error.usageLineID == 7)
        #expect(error.description.contains("sp-1") && error.description.contains("usage line 7"))
        #expect(error.description.contains("BoxUsage:m5.xlarge"))
    }
}
