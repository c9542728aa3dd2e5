import Foundation
import Testing

@testable import AllotCore

/// The four FOCUS "commitment discount flexibility" examples (`reference/aws-billing-rules.md` §7.3), read
/// at test time from `../shared/reference-data/focus-spec/commitment_discount_flexibility/` (override the
/// reference-data directory with `ALLOT_REFERENCE_DATA`).
///
/// TinyCloud's catalog (FOCUS appendix): VM_SMALL, VM_MEDIUM, VM_LARGE, VM_XLARGE with normalization
/// factors 1, 2, 3, 4 and On-Demand rates 1, 2, 3, 4 $/h. A no-upfront commitment is modelled as an RI
/// bought in account A: "Normalized Hour" commitments as size-flexible (regional Linux) RIs, "Hour"
/// commitments as exact-match (regional Windows) RIs. Each example's usage is the scenario of its
/// appendix page; the commitment (SKU, quantity, unit, price) comes from the Purchase row; the expected
/// outcome is every other row:
///
/// - Committed/Used rows: the coverages (EffectiveCost, CommitmentDiscountQuantity, PricingQuantity);
/// - Committed/Unused rows: the RI's unused hours and cost;
/// - Standard usage rows: the On-Demand remainder (PricingQuantity, BilledCost);
/// - the file name: 100 % or 0 % utilization.
@Suite struct CommitmentFocusExamplesTests {
    /// One appendix example: its file and the usage of its scenario.
    struct Example: Sendable, CustomTestStringConvertible {
        let file: String
        /// (SKU, normalization factor of the running VM) per VM running for the hour.
        let resources: [(sku: String, factor: String)]
        /// Expected utilization of the commitment, in percent.
        let utilization: Int
        /// Whether the Committed row's PricingQuantity is consistent with the example's other rows.
        let committedQuantityIsConsistent: Bool

        var testDescription: String { file }
    }

    static let examples: [Example] = [
        // Asserts: a 1-unit VM_SMALL commitment fully used by one VM_LARGE, covering 25 % of it for $0.50,
        // the other 0.75 h On-Demand at 0.75 × $3 = $2.25. The scenario gives VM_LARGE factor 4 (not the
        // catalog's 3), which the On-Demand row needs: 1 − 1 ÷ 4 = 0.75. The Committed row's PricingQuantity
        // 0.333 is the catalog-factor figure (1 ÷ 3) and contradicts that row, so it is not compared.
        Example(
            file: "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv",
            resources: [("VM_LARGE", "4")],
            utilization: 100,
            committedQuantityIsConsistent: false
        ),
        // Asserts: a VM_XLARGE commitment (4 normalized units) fully used by two VM_MEDIUMs (2 units each),
        // each covered 1 h for $1.00, $2.00 in all, nothing On-Demand. (The page's prose says factors 8 and 4;
        // the rows use the catalog's 4 and 2: the same ratio.)
        Example(
            file: "one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv",
            resources: [("VM_MEDIUM", "2"), ("VM_MEDIUM", "2")],
            utilization: 100,
            committedQuantityIsConsistent: true
        ),
        // Asserts: a VM_LARGE commitment without flexibility fully used by one VM_LARGE: 1 h for $1.50.
        Example(
            file: "one_hundred_percent_utilization_without_commitment_discount_flexibility.csv",
            resources: [("VM_LARGE", "3")],
            utilization: 100,
            committedQuantityIsConsistent: true
        ),
        // Asserts: a VM_LARGE commitment without flexibility does not cover a VM_MEDIUM: the commitment is
        // unused ($1.50 lost) and the VM_MEDIUM pays 1 h On-Demand, $2.00.
        Example(
            file: "zero_percent_utilization_without_commitment_discount_flexibility.csv",
            resources: [("VM_MEDIUM", "2")],
            utilization: 0,
            committedQuantityIsConsistent: true
        ),
    ]

    @Test(arguments: examples)
    func reproducesTheExample(_ example: Example) throws {
        let rows = try Self.rows(of: example.file)
        let purchase = try #require(rows.first { $0["ChargeCategory"] == "Purchase" })
        let commitmentSKU = try #require(purchase["SkuId"])
        let flexible = purchase["CommitmentDiscountUnit"] == "Normalized Hour"
        let quantity = try Self.amount(purchase["CommitmentDiscountQuantity"])
        let price = try Self.amount(purchase["BilledCost"])
        let ri = ReservedInstance(
            id: "commitment",
            owner: CommitmentFixtures.accountA,
            region: "tiny-1",
            instanceType: Self.instanceType(commitmentSKU),
            platform: flexible ? .linuxUnix : .windows,
            count: 1,
            // Normalized Hour: the quantity is the commitment's units; Hour: one instance (factor unused).
            normalizationFactor: flexible ? quantity : 1,
            effectiveHourlyCost: price
        )
        var usage: [UsageLine] = []
        for (index, resource) in example.resources.enumerated() {
            let listPrice = try Self.amount(rows.first { $0["SkuId"] == resource.sku && $0["ChargeCategory"] == "Usage" }?["ListUnitPrice"])
            usage.append(
                UsageLine.ec2Instance(
                    id: index + 1,
                    account: CommitmentFixtures.accountA,
                    usageType: "BoxUsage:\(Self.instanceType(resource.sku))",
                    region: "tiny-1",
                    instanceType: Self.instanceType(resource.sku),
                    platform: flexible ? .linuxUnix : .windows,
                    normalizationFactor: CommitmentFixtures.amount(resource.factor),
                    quantity: 1,
                    onDemandRate: listPrice
                )
            )
        }
        let result = try CommitmentApplication(
            memberAccounts: [CommitmentFixtures.accountA],
            usage: usage,
            reservedInstances: [ri]
        ).apply()
        let utilization = try #require(result.reservedInstances.first)

        #expect(utilization.totalCost == price, "Purchase BilledCost")

        func column(_ name: String, of rows: [[String: String]]) throws -> [Amount] {
            try rows.map { try Self.amount($0[name]) }.sorted()
        }
        let used = rows.filter { $0["PricingCategory"] == "Committed" && $0["CommitmentDiscountStatus"] == "Used" }
        let unused = rows.filter { $0["CommitmentDiscountStatus"] == "Unused" }
        let onDemand = rows.filter { $0["PricingCategory"] == "Standard" && $0["ChargeCategory"] == "Usage" }

        #expect(result.coverages.count == used.count, "one coverage per Committed/Used row")
        #expect(result.coverages.map(\.effectiveCost).sorted() == (try column("EffectiveCost", of: used)))
        let coveredUnits = result.coverages.map { flexible ? ($0.normalizedUnits ?? .zero) : $0.quantity }
        #expect(coveredUnits.sorted() == (try column("CommitmentDiscountQuantity", of: used)))
        if example.committedQuantityIsConsistent {
            #expect(result.coverages.map(\.quantity).sorted() == (try column("PricingQuantity", of: used)))
        }
        #expect(utilization.unusedCost == (try column("EffectiveCost", of: unused)).sum())
        #expect(utilization.unusedHours == (try column("PricingQuantity", of: unused)).sum())
        #expect(result.lines.map(\.uncoveredQuantity).sum() == (try column("PricingQuantity", of: onDemand)).sum())
        #expect(result.lines.map(\.uncoveredCost).sum() == (try column("BilledCost", of: onDemand)).sum())

        let expectedUsedUnits = utilization.reservedUnits.scaledForTest(percent: example.utilization)
        #expect(utilization.usedUnits == expectedUsedUnits, "\(example.utilization) % utilization")
    }

    // MARK: Reading the reference data

    /// The reference-data directory: `ALLOT_REFERENCE_DATA`, else `../shared/reference-data` next to the package.
    static func referenceData() -> URL {
        if let override = ProcessInfo.processInfo.environment["ALLOT_REFERENCE_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference-data")
    }

    /// The rows of an example file as column → value (`null` and empty fields are absent). The files have
    /// no quoted fields; rows are separated by blank lines.
    static func rows(of file: String) throws -> [[String: String]] {
        let url = referenceData().appendingPathComponent("focus-spec/commitment_discount_flexibility/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            var row: [String: String] = [:]
            for (column, value) in zip(header, line.split(separator: ",", omittingEmptySubsequences: false)) where value != "null" && !value.isEmpty {
                row[column] = String(value)
            }
            return row
        }
    }

    private static func amount(_ text: String?) throws -> Amount {
        try Amount(parsing: try #require(text))
    }

    /// `VM_LARGE` → `vm.large`: family `vm`, so all four SKUs are one family.
    private static func instanceType(_ sku: String) -> String {
        sku.lowercased().replacingOccurrences(of: "_", with: ".")
    }
}

extension Amount {
    /// `self × percent ÷ 100` for the whole percentages the examples use.
    fileprivate func scaledForTest(percent: Int) -> Amount {
        Amount(units: units * Int128(percent) / 100)
    }
}
