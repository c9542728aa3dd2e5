/// How invoices are cut (`invoices:` in the configuration file; `docs/configuration.md`).
///
/// ```yaml
/// invoices:
///   level: top        # own (default) | top | a depth 0, 1, …
///   disclose-shared-cost-peers: false   # default
/// ```
public struct InvoicePolicy: Sendable, Hashable, Codable {
    /// The level as written (`own`, `top`, or a depth such as `1`); validation checks it (see ``InvoiceLevel``).
    public var level: String

    /// Whether a document's notes and lines may tell its readers about other BUs: name the BUs a shared cost is
    /// split over or comes from, their fixed percentages, and this BU's percentage of a proportional split (from
    /// which, with this BU's own cost, the others' total follows). False by default: a document tells only of the
    /// BUs it is addressed to, since a BU-scoped token may read it.
    public var discloseSharedCostPeers: Bool

    public init(level: InvoiceLevel = .own, discloseSharedCostPeers: Bool = false) {
        self.level = level.description
        self.discloseSharedCostPeers = discloseSharedCostPeers
    }

    /// The parsed level; `own` when the text is not a level (validation reports that).
    public var invoiceLevel: InvoiceLevel { InvoiceLevel(level) ?? .own }

    enum CodingKeys: String, CodingKey {
        case level
        case discloseSharedCostPeers = "disclose-shared-cost-peers"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A String accepts a plain number in the configuration (`level: 1`); stored documents hold text.
        level = try container.decodeIfPresent(String.self, forKey: .level) ?? InvoiceLevel.own.description
        discloseSharedCostPeers = try container.decodeIfPresent(Bool.self, forKey: .discloseSharedCostPeers) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(level, forKey: .level)
        if discloseSharedCostPeers { try container.encode(true, forKey: .discloseSharedCostPeers) }
    }
}
