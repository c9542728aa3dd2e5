/// The ARN of a Reserved Instance or Savings Plan, with the owner account read from it.
///
/// `arn:aws:ec2:us-east-1:123456789012:reserved-instances/abcd…` (RI, also `rds`, `elasticache`…)
/// and `arn:aws:savingsplans::123456789012:savingsplan/abcd…` (SP); the fifth field is the
/// account that bought the commitment (`reference/aws-billing-rules.md` §1.3). The raw text is
/// kept even when it does not have ARN form; ``ownerAccountId`` is nil then.
public struct CommitmentARN: Sendable, Hashable, CustomStringConvertible {
    /// The ARN exactly as the CUR spells it.
    public let rawValue: String
    /// RI or SP, from the column the ARN came from.
    public let kind: CommitmentKind
    /// The AWS partition (`aws`, `aws-cn`, `aws-us-gov`), when the text is an ARN.
    public let partition: String?
    /// The service (`ec2`, `rds`, `savingsplans`…), when the text is an ARN.
    public let service: String?
    /// The region of a regional commitment; nil for Savings Plans (their ARN has no region).
    public let region: String?
    /// The account that owns (bought) the commitment: a string of digits, or nil.
    public let ownerAccountId: String?
    /// Where the resource part starts in ``rawValue``, when the text is an ARN.
    private let resourceStart: String.Index?

    /// Parses `raw`; never fails (see the type's discussion).
    ///
    /// One pass over the bytes: the ingest parses the ARN of every covered line.
    public init(_ raw: String, kind: CommitmentKind) {
        self.rawValue = raw
        self.kind = kind
        // The first five colons end the prefix parts; the resource may hold more colons.
        let utf8 = raw.utf8
        var ends = InlineArray<5, String.Index>(repeating: utf8.startIndex)
        var found = 0
        var index = utf8.startIndex
        while index < utf8.endIndex && found < 5 {
            if utf8[index] == UInt8(ascii: ":") {
                ends[found] = index
                found += 1
            }
            index = utf8.index(after: index)
        }
        guard found == 5, raw[raw.startIndex..<ends[0]] == "arn" else {
            (partition, service, region, ownerAccountId, resourceStart) = (nil, nil, nil, nil, nil)
            return
        }
        func part(_ number: Int) -> Substring { raw[utf8.index(after: ends[number - 1])..<ends[number]] }
        func nonEmpty(_ text: Substring) -> String? { text.isEmpty ? nil : String(text) }
        partition = nonEmpty(part(1))
        service = nonEmpty(part(2))
        region = nonEmpty(part(3))
        let account = part(4)
        let isAccount = !account.isEmpty && account.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
        ownerAccountId = isAccount ? String(account) : nil
        resourceStart = index
    }

    /// The resource part after the account, e.g. `reserved-instances/abcd…`.
    public var resource: String? {
        guard let resourceStart, resourceStart < rawValue.endIndex else { return nil }
        return String(rawValue[resourceStart...])
    }

    /// The commitment's own id: the resource after its last `/` (or `:` for RDS-style ARNs).
    public var id: String? {
        guard let resource else { return nil }
        guard let separator = resource.lastIndex(where: { $0 == "/" || $0 == ":" }) else { return resource }
        let tail = resource[resource.index(after: separator)...]
        return tail.isEmpty ? nil : String(tail)
    }

    public var description: String { rawValue }
}
