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
    /// The resource part after the account, e.g. `reserved-instances/abcd…`.
    public let resource: String?

    /// Parses `raw`; never fails (see the type's discussion).
    public init(_ raw: String, kind: CommitmentKind) {
        self.rawValue = raw
        self.kind = kind
        let parts = raw.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else {
            (partition, service, region, ownerAccountId, resource) = (nil, nil, nil, nil, nil)
            return
        }
        partition = parts[1].isEmpty ? nil : String(parts[1])
        service = parts[2].isEmpty ? nil : String(parts[2])
        region = parts[3].isEmpty ? nil : String(parts[3])
        let account = parts[4]
        let isAccount = !account.isEmpty && account.utf8.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
        ownerAccountId = isAccount ? String(account) : nil
        resource = parts[5].isEmpty ? nil : String(parts[5])
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
