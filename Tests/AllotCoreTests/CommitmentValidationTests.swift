import Testing

@testable import AllotCore

/// Input the engine refuses, and the normalization factor table (`reference/aws-billing-rules.md` §3.1).
@Suite struct CommitmentValidationTests {
    private typealias F = CommitmentFixtures

    @Test func duplicateLineIDsAreRefused() throws {
        let error = try #require(throws: CommitmentError.self) {
            try F.apply([F.instanceLine(5), F.instanceLine(9), F.instanceLine(9), F.instanceLine(5)])
        }
        // The smallest duplicated ID is reported, whatever the order.
        #expect(error.code == .duplicateUsageLine && error.usageLineID == 5)
    }

    @Test func duplicateLineIDsOutsideTheSmallRangeAreRefused() throws {
        let error = try #require(throws: CommitmentError.self) {
            try F.apply([F.instanceLine(-3), F.instanceLine(1_000_000), F.instanceLine(-3)])
        }
        #expect(error.code == .duplicateUsageLine && error.usageLineID == -3)
    }

    @Test func duplicateCommitmentIDsAreRefused() throws {
        let line = F.instanceLine(1)
        let error = try #require(throws: CommitmentError.self) {
            try F.apply(
                [line],
                reservedInstances: [F.reservedInstance("same")],
                savingsPlans: [F.savingsPlan("same", commitment: "1", rates: [(line, "0.05")])]
            )
        }
        #expect(error.code == .duplicateCommitment && error.commitmentID == "same")
    }

    @Test func negativeQuantitiesAndRatesAreRefused() throws {
        let negative = try #require(throws: CommitmentError.self) {
            try F.apply([F.instanceLine(2, quantity: "-1"), F.instanceLine(1, onDemand: "-0.1")])
        }
        // Both lines are wrong: the smaller ID is reported.
        #expect(negative.code == .invalidInput && negative.usageLineID == 1)
        let count = try #require(throws: CommitmentError.self) {
            try F.apply([F.instanceLine(1)], reservedInstances: [F.reservedInstance("ri-1", count: -1)])
        }
        #expect(count.code == .invalidInput && count.commitmentID == "ri-1")
    }

    /// Rule: a size-flexible RI needs the line's normalization factor; it is never guessed from the type.
    @Test func flexibleReservedInstanceNeedsTheLineFactor() throws {
        var line = F.instanceLine(3)
        line.normalizationFactor = nil
        let error = try #require(throws: CommitmentError.self) {
            try F.apply([line], reservedInstances: [F.reservedInstance("ri-1")])
        }
        #expect(error.code == .missingNormalizationFactor && error.commitmentID == "ri-1" && error.usageLineID == 3)
        // An exact-match RI does not need it.
        let windows = F.instanceLine(4, platform: .windows, factor: nil)
        var unfactored = windows
        unfactored.normalizationFactor = nil
        let result = try F.apply([unfactored], reservedInstances: [F.reservedInstance("ri-w", platform: .windows)])
        #expect(result.covered(4) == [CoveredPart("ri-w", "1", "0.06")])
    }

    @Test(arguments: [
        ("nano", "0.25"), ("micro", "0.5"), ("small", "1"), ("medium", "2"), ("large", "4"), ("xlarge", "8"),
        ("2xlarge", "16"), ("4xlarge", "32"), ("8xlarge", "64"), ("9xlarge", "72"), ("10xlarge", "80"),
        ("12xlarge", "96"), ("16xlarge", "128"), ("24xlarge", "192"), ("32xlarge", "256"),
    ])
    func normalizationFactorTable(size: String, factor: String) {
        #expect(NormalizationFactor.forSize(size) == F.amount(factor))
        #expect(NormalizationFactor.forInstanceType("m5.\(size)") == F.amount(factor))
    }

    @Test func unknownSizesHaveNoFactor() {
        #expect(NormalizationFactor.forSize("metal") == nil)
        #expect(NormalizationFactor.forSize("1xlarge") == nil)
        #expect(NormalizationFactor.forSize("xxlarge") == nil)
        #expect(NormalizationFactor.forInstanceType("m5") == nil)
        #expect(InstanceAttributes.family(ofInstanceType: "c6gd.2xlarge") == "c6gd")
    }
}
