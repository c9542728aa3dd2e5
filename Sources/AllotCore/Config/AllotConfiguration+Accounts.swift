extension AllotConfiguration {
    /// The kind an account gets from this configuration: `holding` for a holding account, else its
    /// declaration in `accounts`, else `management` for a payer (of a declared organization, or `isPayer`:
    /// of any registered one), else the first `account-patterns` entry matching its name, else `workload`.
    public func accountKind(account: String, name: String?, isPayer: Bool = false) -> AccountKind {
        if holdingAccounts.contains(where: { $0.account == account }) { return .holding }
        if let declared = accounts.first(where: { $0.id == account }) { return declared.kind }
        if isPayer || organizations.contains(where: { $0.payer == account }) { return .management }
        if let name, let pattern = accountPatterns.first(where: { NameGlob($0.name)?.matches(name) == true }) {
            return pattern.kind
        }
        return .workload
    }
}
