import AllotCore

/// What `apply` did, or would do for a dry run: the new version, the changes against the rule set in force at
/// the effective period, and warnings.
public struct ApplyResult: Sendable, Hashable, Encodable {
    /// Applied, dry run, or unchanged.
    public struct Status: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case applied
            case dryRun = "dry_run"
            case unchanged
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A new version was stored.
        public static let applied = Status(.applied)
        /// Nothing was stored (`dryRun`); the result shows what an apply would do.
        public static let dryRun = Status(.dryRun)
        /// The same text is the newest version and already in force from the effective period: nothing stored.
        public static let unchanged = Status(.unchanged)

        public var description: String { base.rawValue }
    }

    public var status: Status
    /// The new version; the existing one when unchanged; nil for a dry run.
    public var version: Int?
    public var effectiveFrom: BillingPeriod
    /// The version the diff is against (in force at `effectiveFrom` before this apply); nil if none was.
    public var baseVersion: Int?
    public var diff: ConfigurationDiff
    /// Things to look at that did not stop the apply: declared memberships that contradict observed ones,
    /// registered organizations the document does not declare.
    public var warnings: [String]
    /// SHA-256 (hex) of the source text.
    public var sha256: String

    enum CodingKeys: String, CodingKey {
        case status, version
        case effectiveFrom = "effective_from"
        case baseVersion = "base_version"
        case changes, warnings, sha256
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.description, forKey: .status)
        try container.encode(version, forKey: .version)
        try container.encode(RuleSets.label(effectiveFrom), forKey: .effectiveFrom)
        try container.encode(baseVersion, forKey: .baseVersion)
        try container.encode(diff.changes.map(\.description), forKey: .changes)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(sha256, forKey: .sha256)
    }
}
