/// What `AuditLog.verifyChain()` found: how many entries, the last hash, and the first broken link if any.
public struct AuditChainReport: Sendable, Hashable {
    /// The entries read.
    public var entries: Int
    /// The last entry's hash (to note down elsewhere: cutting entries off the end changes it); nil when empty.
    public var lastHash: String?
    /// The first entry at which the chain does not hold; nil when it is intact.
    public var firstBreak: AuditChainBreak?

    public var isIntact: Bool { firstBreak == nil }
}

/// A link of the audit chain that does not hold: which entry, and what is wrong with it.
public struct AuditChainBreak: Sendable, Hashable, CustomStringConvertible {
    /// The entry (`audit_log.id`) at which the chain breaks.
    public var entryId: Int
    /// What is wrong, in words.
    public var problem: String

    public var description: String { "entry \(entryId): \(problem)" }
}
