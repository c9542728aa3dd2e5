/// What a configuration changes against another (the rule set in force), as human-readable lines grouped by
/// section: organizations, accounts, account patterns, holding accounts, BUs, rules, policies, shared costs.
///
/// Items with an identity (organizations, accounts, BUs, holding accounts, shared costs by name) are matched by
/// it; rules are matched by name, else by identical content, else unnamed ones in order, and a rule whose place in the
/// order changed is reported as moved (order decides which rule wins).
public struct ConfigurationDiff: Sendable, Hashable, Codable, CustomStringConvertible {
    public var changes: [ConfigurationChange]

    /// The changes from `old` (nil: nothing before, so everything is added) to `new`.
    public init(from old: AllotConfiguration?, to new: AllotConfiguration) {
        var builder = Builder()
        let isFirst = old == nil
        if isFirst { builder.add(.added, "settings", "currency \(new.currency), default-bu \(new.defaultBU)") }
        let old = old ?? AllotConfiguration(currency: new.currency, defaultBU: new.defaultBU, policies: new.policies)
        builder.settings(old, new)
        builder.organizations(old.organizations, new.organizations)
        builder.accounts(old.accounts, new.accounts)
        builder.accountPatterns(old.accountPatterns, new.accountPatterns)
        builder.holdingAccounts(old.holdingAccounts, new.holdingAccounts)
        builder.businessUnits(old.businessUnitNodes, new.businessUnitNodes)
        builder.rules(old.rules, new.rules)
        if isFirst { builder.add(.added, "policies", "policies: \(Summary.policies(new.policies))") }
        builder.policies(old.policies, new.policies)
        builder.sharedCosts(old.sharedCosts, new.sharedCosts)
        changes = builder.changes
    }

    public init(changes: [ConfigurationChange]) {
        self.changes = changes
    }

    /// Whether nothing changes.
    public var isEmpty: Bool { changes.isEmpty }

    /// One line per change.
    public var description: String { changes.map(\.description).joined(separator: "\n") }

    /// Collects changes section by section.
    struct Builder {
        var changes: [ConfigurationChange] = []

        mutating func add(_ kind: ConfigurationChange.Kind, _ section: String, _ text: String) {
            changes.append(ConfigurationChange(kind, section: section, text))
        }

        /// `~ <subject> <field>: old → new` when the values differ.
        mutating func field(_ section: String, _ subject: String, _ name: String, _ old: String, _ new: String) {
            if old != new { add(.changed, section, "\(subject)\(name): \(old) → \(new)") }
        }

        mutating func settings(_ old: AllotConfiguration, _ new: AllotConfiguration) {
            field("settings", "", "currency", old.currency, new.currency)
            field("settings", "", "default-bu", old.defaultBU, new.defaultBU)
            field("settings", "", "invoices.level", old.invoices.level, new.invoices.level)
            field(
                "settings", "", "invoices.disclose-shared-cost-peers", "\(old.invoices.discloseSharedCostPeers)",
                "\(new.invoices.discloseSharedCostPeers)")
        }

        mutating func organizations(_ old: [OrganizationDeclaration], _ new: [OrganizationDeclaration]) {
            let section = "organizations"
            let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let after = Set(new.map(\.id))
            for organization in new {
                guard let previous = before[organization.id] else {
                    add(
                        .added, section,
                        "organization \(organization.id) (\(organization.name), payer \(organization.payer), "
                            + "customer \(organization.customer))")
                    continue
                }
                let subject = "organization \(organization.id) "
                field(section, subject, "name", previous.name, organization.name)
                field(section, subject, "payer", previous.payer, organization.payer)
                field(section, subject, "customer", previous.customer, organization.customer)
            }
            for organization in old where !after.contains(organization.id) {
                add(.removed, section, "organization \(organization.id) (\(organization.name))")
            }
        }

        mutating func accounts(_ old: [AccountDeclaration], _ new: [AccountDeclaration]) {
            let section = "accounts"
            let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let after = Set(new.map(\.id))
            func label(_ account: AccountDeclaration) -> String {
                "account \(account.id)" + (account.name.map { " \($0)" } ?? "") + " (\(account.kind.rawValue))"
            }
            for account in new {
                guard let previous = before[account.id] else {
                    add(.added, section, label(account))
                    continue
                }
                let subject = "account \(account.id) "
                field(section, subject, "name", previous.name ?? "(none)", account.name ?? "(none)")
                field(section, subject, "kind", previous.kind.rawValue, account.kind.rawValue)
            }
            for account in old where !after.contains(account.id) { add(.removed, section, label(account)) }
        }

        mutating func accountPatterns(_ old: [AccountPattern], _ new: [AccountPattern]) {
            let section = "account-patterns"
            let before = Dictionary(old.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
            let after = Set(new.map(\.name))
            for pattern in new {
                if let kind = before[pattern.name] {
                    field(section, "account-pattern \(pattern.name) ", "kind", kind.rawValue, pattern.kind.rawValue)
                } else {
                    add(.added, section, "account-pattern \(pattern.name) → \(pattern.kind.rawValue)")
                }
            }
            for pattern in old where !after.contains(pattern.name) {
                add(.removed, section, "account-pattern \(pattern.name) → \(pattern.kind.rawValue)")
            }
            let kept = Set(old.map(\.name)).intersection(after)
            let oldOrder = old.map(\.name).filter(kept.contains)
            let newOrder = new.map(\.name).filter(kept.contains)
            if oldOrder != newOrder {
                add(.changed, section, "account-patterns order: \(oldOrder.joined(separator: ", ")) → \(newOrder.joined(separator: ", "))")
            }
        }

        mutating func holdingAccounts(_ old: [HoldingAccountDeclaration], _ new: [HoldingAccountDeclaration]) {
            let section = "holding-accounts"
            let before = Dictionary(old.map { ($0.account, $0) }, uniquingKeysWith: { first, _ in first })
            let after = Set(new.map(\.account))
            for holding in new {
                guard let previous = before[holding.account] else {
                    add(.added, section, "holding-account \(holding.account) (bu \(holding.bu); \(Summary.history(holding.history)))")
                    continue
                }
                let subject = "holding-account \(holding.account) "
                field(section, subject, "bu", previous.bu, holding.bu)
                field(section, subject, "history", Summary.history(previous.history), Summary.history(holding.history))
            }
            for holding in old where !after.contains(holding.account) {
                add(.removed, section, "holding-account \(holding.account) (bu \(holding.bu))")
            }
        }

        mutating func businessUnits(_ old: [BusinessUnitNode], _ new: [BusinessUnitNode]) {
            let section = "business-units"
            let before = Dictionary(old.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let after = Set(new.map(\.id))
            func label(_ unit: BusinessUnitNode) -> String {
                "bu \(unit.id) (\(unit.name))" + (unit.parentId.map { " under \($0)" } ?? "")
            }
            for unit in new {
                guard let previous = before[unit.id] else {
                    add(.added, section, label(unit))
                    continue
                }
                field(section, "bu \(unit.id) ", "name", previous.name, unit.name)
                field(section, "bu \(unit.id) ", "parent", previous.parentId ?? "(top level)", unit.parentId ?? "(top level)")
            }
            for unit in old where !after.contains(unit.id) { add(.removed, section, label(unit)) }
        }

        mutating func policies(_ old: AllocationPolicies, _ new: AllocationPolicies) {
            let section = "policies"
            func text(_ value: String?) -> String { value ?? "(none)" }
            field(section, "policies.", "cost-basis", old.costBasis.rawValue, new.costBasis.rawValue)
            field(section, "policies.", "unused-commitment", old.unusedCommitment.rawValue, new.unusedCommitment.rawValue)
            field(section, "policies.savings.", "mode", old.savings.mode.rawValue, new.savings.mode.rawValue)
            field(section, "policies.savings.", "central-bu", text(old.savings.centralBU), text(new.savings.centralBU))
            field(section, "policies.savings.", "share-percent", text(old.savings.sharePercent), text(new.savings.sharePercent))
            field(section, "policies.credits.", "mode", old.credits.mode.rawValue, new.credits.mode.rawValue)
            field(section, "policies.credits.", "bu", text(old.credits.bu), text(new.credits.bu))
        }
    }
}
