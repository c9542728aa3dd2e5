/// The EC2 normalization factors used by size-flexible Reserved Instances.
///
/// Size flexibility counts in normalized units: an instance-hour of size *s* is worth
/// `factor(s)` units (`reference/aws-billing-rules.md` §3.1). The engine takes each usage line's
/// factor and each RI's units per reservation from its input; this table is for callers that lack
/// them (the CUR carries `line_item_normalization_factor`, which should be preferred, and the table
/// does not cover `metal` sizes).
///
/// | size | nano | micro | small | medium | large | xlarge | N·xlarge |
/// |---|---|---|---|---|---|---|---|
/// | factor | 0.25 | 0.5 | 1 | 2 | 4 | 8 | 8·N (2xlarge 16 … 32xlarge 256) |
public enum NormalizationFactor {
    /// The factors of the named sizes below `2xlarge`.
    public static let namedSizes: [String: Amount] = [
        "nano": Amount(minorUnits: 25, exponent: 2),
        "micro": Amount(minorUnits: 5, exponent: 1),
        "small": 1,
        "medium": 2,
        "large": 4,
        "xlarge": 8,
    ]

    /// The factor of a size such as `large` or `12xlarge`; nil for sizes the table does not know
    /// (`metal`, `metal-24xl`, misspellings).
    public static func forSize(_ size: some StringProtocol) -> Amount? {
        if let named = namedSizes[String(size)] { return named }
        guard size.hasSuffix("xlarge") else { return nil }
        let multiplier = size.dropLast("xlarge".count)
        guard !multiplier.isEmpty, multiplier.count <= 3, multiplier.allSatisfy(\.isASCII),
            let count = Int(multiplier), count >= 2
        else { return nil }
        return Amount(8 * count)
    }

    /// The factor of an instance type such as `m5.large` or `c6g.16xlarge` (the size is the part after
    /// the last dot); nil when the size is unknown.
    public static func forInstanceType(_ instanceType: String) -> Amount? {
        guard let dot = instanceType.lastIndex(of: ".") else { return nil }
        return forSize(instanceType[instanceType.index(after: dot)...])
    }
}
