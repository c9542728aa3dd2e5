/// The organization's RI/SP discount sharing preferences, per account.
///
/// A discount moves between two accounts only when both share; an account with sharing off neither
/// gives nor receives, and a commitment whose owner has sharing off applies to the owner only
/// (`reference/aws-billing-rules.md` §3.3). The final bill uses the preferences in force at the end
/// of the month, so callers pass those for every hour of the month.
public struct SharingPreferences: Sendable, Hashable {
    /// Whether accounts not listed in ``exceptions`` share.
    public var sharesByDefault: Bool
    /// Accounts whose setting is the opposite of ``sharesByDefault``.
    public var exceptions: Set<String>

    /// Creates preferences: every account shares unless listed in `exceptions` (or, with
    /// `sharesByDefault: false`, no account shares unless listed).
    public init(sharesByDefault: Bool = true, exceptions: Set<String> = []) {
        self.sharesByDefault = sharesByDefault
        self.exceptions = exceptions
    }

    /// Every account shares: the AWS default.
    public static let organizationWide = SharingPreferences()

    /// Every account shares except `accounts`.
    public static func allExcept(_ accounts: Set<String>) -> SharingPreferences {
        SharingPreferences(sharesByDefault: true, exceptions: accounts)
    }

    /// Whether the account shares its discounts and receives others'.
    public func isSharing(_ account: String) -> Bool {
        exceptions.contains(account) ? !sharesByDefault : sharesByDefault
    }
}
