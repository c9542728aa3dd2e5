import AllotCore
import AllotTestSupport
import Testing

@testable import AllotStore

/// Allocation of the real public CUR samples (`../shared/reference-data`), every policy switched on, on
/// each cost basis: the ledger reconciles with the line items exactly.
@Suite struct AllocationRealSampleTests {
    /// A rule set for data it was not written for: S3 to storage, everything else to the default BU;
    /// unused commitment to consumers, half of each saving to central, credits pooled, tax shared.
    private static func configuration(_ basis: CostBasis) -> AllotConfiguration {
        AllotConfiguration(
            businessUnits: [
                BusinessUnitDeclaration(id: "apps", children: [BusinessUnitDeclaration(id: "storage"), BusinessUnitDeclaration(id: "compute")]),
                BusinessUnitDeclaration(id: "central"),
            ],
            defaultBU: "compute",
            rules: [MappingRule(name: "s3", match: LineMatch(productCodes: ["AmazonS3"]), bu: "storage")],
            policies: AllocationPolicies(
                costBasis: basis, unusedCommitment: .consumers,
                savings: SavingsPolicy(mode: .share, centralBU: "central", sharePercent: "50"), credits: CreditPolicy(mode: .pooled)),
            sharedCosts: [
                SharedCostRule(
                    name: "tax", source: SharedCostSource(lineItemTypes: ["Tax"]), targets: SharedCostTargets(allWithSpend: true),
                    method: .proportional)
            ])
    }

    @Test(arguments: CostBasis.allCases)
    func samplesReconcile(basis: CostBasis) async throws {
        try await TestDatabase.migrated { db in
            // focus-converters: 1,269 Usage + 12 Tax rows, Σ 1.6823086974 on every basis (no commitments).
            // koku: 3 SavingsPlanCoveredUsage rows, Σ unblended 30, Σ amortized 0.3 (effective cost 0.1 each).
            _ = try await db.ingest([ProjectPaths.referenceFile("focus-converters/sample-anonymous-aws-export-dataset.csv")])
            _ = try await db.ingest([
                try ProjectPaths.referenceFile("koku/aws/2023-06-01.csv", accountIds: ProjectPaths.kokuAccountIds)
            ])
            let configuration = Self.configuration(basis)
            let version = try await RuleSets(client: db.client, logger: TestDatabase.logger).apply(
                configuration, sourceText: try ConfigurationText.json(configuration), effectiveFrom: RuleSets.beginning,
                appliedBy: "tests"
            ).version
            let runner = AllocationRunner(client: db.client, logger: TestDatabase.logger)

            let november = try await runner.run(period: try BillingPeriod(parsing: "2023-11"))
            #expect(november.ruleSetVersion == version)
            #expect(november.reconciliation?.holds == true)
            #expect(november.reconciliation?.organizations.map(\.ledger) == [try Amount(parsing: "1.6823086974")])
            let entries = try await AllocationLedger.entries(run: november.id, db.client)
            #expect(Set(entries.map(\.bu)) == ["storage", "compute"])
            #expect(entries.contains { $0.category == .shared("tax") })
            #expect(!entries.contains { $0.category == .tax })

            let june = try await runner.run(period: try BillingPeriod(parsing: "2023-06"))
            #expect(june.reconciliation?.holds == true)
            // Unblended: the covered rows at on-demand, 3 × 10 (no negation rows in this fixture); amortized: 3 × 0.1,
            // plus the saving shared with central, which nets to zero.
            #expect(june.reconciliation?.organizations.map(\.ledger) == [basis == .unblended ? Amount(30) : try Amount(parsing: "0.3")])
            if basis != .unblended {
                // Saving 3 × (10 − 0.1) = 29.7; half of it, 14.85, charged to compute and credited to central.
                let june = try await AllocationLedger.entries(run: june.id, db.client)
                #expect(june.filter { $0.bu == "central" }.map(\.amount).sum() == (try Amount(parsing: "-14.85")))
            }
        }
    }
}
