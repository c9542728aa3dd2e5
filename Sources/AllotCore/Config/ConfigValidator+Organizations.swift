extension ConfigValidator {
    /// Organization ids valid and unique, payers account ids and unique, names and customers given.
    mutating func checkOrganizations() {
        var firstById: [String: Int] = [:]
        var firstByPayer: [String: Int] = [:]
        let list = ConfigPath.root.key("organizations")
        for (index, organization) in config.organizations.enumerated() {
            let path = list.index(index)
            if !Self.isOrganizationId(organization.id) {
                report(path.key("id"), "'\(organization.id)' is not a valid organization id ([a-z0-9][a-z0-9_.-]{0,62})")
            } else if let first = firstById[organization.id] {
                report(path.key("id"), "duplicate organization '\(organization.id)' (also organizations[\(first)])")
            } else {
                firstById[organization.id] = index
            }
            checkNotEmpty(organization.name, at: path.key("name"))
            if !Self.isAccountId(organization.payer) {
                report(path.key("payer"), "'\(organization.payer)' is not an account id (digits)")
            } else if let first = firstByPayer[organization.payer] {
                let other = config.organizations[first].id
                report(path.key("payer"), "account \(organization.payer) is also the payer of organization '\(other)'")
            } else {
                firstByPayer[organization.payer] = index
            }
            checkNotEmpty(organization.customer, at: path.key("customer"))
        }
    }

    /// Account ids digits and declared once.
    mutating func checkAccounts() {
        var firstById: [String: Int] = [:]
        let list = ConfigPath.root.key("accounts")
        for (index, account) in config.accounts.enumerated() {
            let path = list.index(index).key("id")
            if !Self.isAccountId(account.id) {
                report(path, "'\(account.id)' is not an account id (digits)")
            } else if let first = firstById[account.id] {
                report(path, "duplicate account \(account.id) (also accounts[\(first)])")
            } else {
                firstById[account.id] = index
            }
            if let name = account.name { checkNotEmpty(name, at: list.index(index).key("name")) }
        }
    }

    /// Patterns are valid globs.
    mutating func checkAccountPatterns() {
        let list = ConfigPath.root.key("account-patterns")
        for (index, pattern) in config.accountPatterns.enumerated() {
            checkGlob(pattern.name, at: list.index(index).key("name"))
        }
    }
}
