/// How invoices are cut (`invoices:` in the configuration file; `docs/configuration.md`).
///
/// ```yaml
/// invoices:
///   level: top        # own (default) | top | a depth 0, 1, …
/// ```
public struct InvoicePolicy: Sendable, Hashable, Codable {
    /// The level as written (`own`, `top`, or a depth such as `1`); validation checks it (see ``InvoiceLevel``).
    public var level: String

    public init(level: InvoiceLevel = .own) {
        self.level = level.description
    }

    /// The parsed level; `own` when the text is not a level (validation reports that).
    public var invoiceLevel: InvoiceLevel { InvoiceLevel(level) ?? .own }

    enum CodingKeys: String, CodingKey { case level }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A String accepts a plain number in the configuration (`level: 1`); stored documents hold text.
        level = try container.decodeIfPresent(String.self, forKey: .level) ?? InvoiceLevel.own.description
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
    }
}
