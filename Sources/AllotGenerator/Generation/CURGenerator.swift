import AllotCore
import Foundation

/// Generates synthetic but faithful CUR deliveries for a ``Scenario``: per organization and billing
/// period one delivery in the real layout (legacy CUR or CUR 2.0), gzip-compressed and deterministic
/// for a seed, plus `summary.json`.
///
/// ```swift
/// let scenario = try ScenarioPreset.demo.scenario()
/// let summary = try CURGenerator(scenario: scenario, options: GeneratorOptions(output: "out")).generate()
/// ```
///
/// Coverage and utilization come from the ``CommitmentEngine``, applied hour by hour per organization,
/// with each commitment applied only in the organization its owner is in at that hour (§3.4). The
/// numbers obey the identities of `reference/aws-billing-rules.md` §1.6 exactly; the generator checks
/// them as it goes and fails with ``GeneratorError/Code/inconsistent`` rather than write numbers
/// that do not balance. Generation blocks: call it from a thread of your own, not the cooperative pool.
public struct CURGenerator: Sendable {
    public let scenario: Scenario
    public let options: GeneratorOptions

    public init(scenario: Scenario, options: GeneratorOptions) {
        self.scenario = scenario
        self.options = options
    }

    /// The seed the run uses: the options', else the scenario's, else 1.
    public var seed: UInt64 { options.seed ?? scenario.seed ?? 1 }

    /// Writes every delivery and `summary.json`; returns the summary.
    ///
    /// - Parameter progress: called on the generating thread once per generated day of each delivery.
    public func generate(progress: (@Sendable (GenerationProgress) -> Void)? = nil) throws(GeneratorError) -> GenerationSummary {
        guard options.rowsPerFile > 0 else { throw GeneratorError(.invalidOptions, "rows per file must be positive") }
        guard (1...9).contains(options.compressionLevel) else {
            throw GeneratorError(.invalidOptions, "the compression level is 1 to 9")
        }
        do {
            try FileManager.default.createDirectory(atPath: options.output, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError(.io, "cannot create \(options.output): \(error.localizedDescription)")
        }
        let plan = try GenerationPlan(scenario: scenario, seed: seed)
        var deliveries: [DeliverySummary] = []
        for period in scenario.periods {
            for organization in scenario.organizations {
                let run = try DeliveryRun(
                    plan: plan, organization: organization, period: period, options: options, progress: progress)
                deliveries.append(try run.run())
            }
        }
        let summary = GenerationSummary(
            scenario: scenario.name, seed: String(seed), format: options.format.description, restated: options.restated,
            rows: deliveries.reduce(0) { $0 + $1.rows }, deliveries: deliveries)
        let path = (options.output as NSString).appendingPathComponent("summary.json")
        do {
            try summary.jsonData().write(to: URL(fileURLWithPath: path))
        } catch {
            throw GeneratorError(.io, "cannot write \(path): \(error.localizedDescription)")
        }
        return summary
    }
}
