/// The configuration file `allot.yaml` (see `docs/configuration.md`): organizations, accounts, holding
/// accounts, the business-unit tree, mapping rules and allocation policies. One applied document is one
/// rule-set version.
public struct AllotConfiguration: Sendable, Hashable, Codable {
    /// The file format version (1).
    public var version: Int
    /// The currency invoices are issued in.
    public var currency: String
    public var organizations: [OrganizationDeclaration]
    public var accounts: [AccountDeclaration]
    public var accountPatterns: [AccountPattern]
    public var holdingAccounts: [HoldingAccountDeclaration]
    public var businessUnits: [BusinessUnitDeclaration]
    /// The BU of every line no rule matches.
    public var defaultBU: String
    public var rules: [MappingRule]
    public var policies: AllocationPolicies
    public var sharedCosts: [SharedCostRule]
    /// Which BUs get invoices of their own (`invoices.level`).
    public var invoices: InvoicePolicy

    public init(
        version: Int = 1, currency: String = "USD", organizations: [OrganizationDeclaration] = [],
        accounts: [AccountDeclaration] = [], accountPatterns: [AccountPattern] = [],
        holdingAccounts: [HoldingAccountDeclaration] = [], businessUnits: [BusinessUnitDeclaration] = [],
        defaultBU: String, rules: [MappingRule] = [], policies: AllocationPolicies = AllocationPolicies(),
        sharedCosts: [SharedCostRule] = [], invoices: InvoicePolicy = InvoicePolicy()
    ) {
        self.version = version
        self.currency = currency
        self.organizations = organizations
        self.accounts = accounts
        self.accountPatterns = accountPatterns
        self.holdingAccounts = holdingAccounts
        self.businessUnits = businessUnits
        self.defaultBU = defaultBU
        self.rules = rules
        self.policies = policies
        self.sharedCosts = sharedCosts
        self.invoices = invoices
    }

    enum CodingKeys: String, CodingKey {
        case version, currency, organizations, accounts
        case accountPatterns = "account-patterns"
        case holdingAccounts = "holding-accounts"
        case businessUnits = "business-units"
        case defaultBU = "default-bu"
        case rules, policies
        case sharedCosts = "shared-costs"
        case invoices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        currency = try container.decodeIfPresent(String.self, forKey: .currency) ?? "USD"
        organizations = try container.decodeIfPresent([OrganizationDeclaration].self, forKey: .organizations) ?? []
        accounts = try container.decodeIfPresent([AccountDeclaration].self, forKey: .accounts) ?? []
        accountPatterns = try container.decodeIfPresent([AccountPattern].self, forKey: .accountPatterns) ?? []
        holdingAccounts = try container.decodeIfPresent([HoldingAccountDeclaration].self, forKey: .holdingAccounts) ?? []
        businessUnits = try container.decodeIfPresent([BusinessUnitDeclaration].self, forKey: .businessUnits) ?? []
        defaultBU = try container.decode(String.self, forKey: .defaultBU)
        rules = try container.decodeIfPresent([MappingRule].self, forKey: .rules) ?? []
        policies = try container.decodeIfPresent(AllocationPolicies.self, forKey: .policies) ?? AllocationPolicies()
        sharedCosts = try container.decodeIfPresent([SharedCostRule].self, forKey: .sharedCosts) ?? []
        invoices = try container.decodeIfPresent(InvoicePolicy.self, forKey: .invoices) ?? InvoicePolicy()
    }
}

/// One AWS Organization: one payer account.
public struct OrganizationDeclaration: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// The payer (management) account id.
    public var payer: String
    /// The legal customer owning the organization; commitments move only between one customer's orgs.
    public var customer: String

    public init(id: String, name: String, payer: String, customer: String = "default") {
        self.id = id
        self.name = name
        self.payer = payer
        self.customer = customer
    }

    enum CodingKeys: String, CodingKey { case id, name, payer, customer }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        payer = try container.decode(String.self, forKey: .payer)
        customer = try container.decodeIfPresent(String.self, forKey: .customer) ?? "default"
    }
}

/// The kinds of accounts Allot distinguishes.
public enum AccountKind: String, Sendable, Hashable, Codable, CaseIterable {
    case workload, holding, shared, management, sandbox
}

/// A named account and its kind.
public struct AccountDeclaration: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    public var kind: AccountKind

    public init(id: String, name: String? = nil, kind: AccountKind = .workload) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey { case id, name, kind }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        kind = try container.decodeIfPresent(AccountKind.self, forKey: .kind) ?? .workload
    }
}

/// Accounts whose name matches a glob get a kind.
public struct AccountPattern: Sendable, Hashable, Codable {
    /// A glob on the account name (`*` and `?`).
    public var name: String
    public var kind: AccountKind

    public init(name: String, kind: AccountKind) {
        self.name = name
        self.kind = kind
    }
}
