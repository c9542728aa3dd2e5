import Foundation

/// What a generation wrote, as `<output>/summary.json`: per organization and period the generator's
/// own totals, which tests of the ingest compare the database against.
public struct GenerationSummary: Sendable, Codable, Hashable {
    /// The scenario's name.
    public var scenario: String
    /// The seed used (as text: JSON numbers cannot hold every 64-bit value).
    public var seed: String
    /// `legacy-csv` or `cur2-csv`.
    public var format: String
    /// Whether these are the restated deliveries (with the late credits).
    public var restated: Bool
    /// Rows over every delivery.
    public var rows: Int
    /// One entry per organization and period, in scenario order.
    public var deliveries: [DeliverySummary]

    /// The delivery of an organization and period (`2026-10`), if any.
    public func delivery(organization: String, period: String) -> DeliverySummary? {
        deliveries.first { $0.organization == organization && $0.billingPeriod == period }
    }

    /// The JSON text: pretty-printed with sorted keys, so the same run gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a `summary.json`.
    public static func read(contentsOf path: String) throws -> GenerationSummary {
        try JSONDecoder().decode(GenerationSummary.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
