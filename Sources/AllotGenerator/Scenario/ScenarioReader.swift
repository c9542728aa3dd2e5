import AllotCore
import Foundation
import Yams

/// Reads a scenario from YAML and checks it (``ScenarioValidator``).
///
/// ```swift
/// let scenario = try ScenarioReader.read(contentsOf: "scenario.yaml")
/// ```
///
/// Every key is checked against the format, so a typo is an error, not a silently ignored setting.
/// Scalars are read from their text: account ids stay text, amounts stay exact decimals.
public enum ScenarioReader {
    /// Reads and checks the scenario file at `path`.
    public static func read(contentsOf path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(.unreadable, path: "", "cannot read the scenario file", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(.unreadable, path: "", "the scenario file is not UTF-8 text", file: path)
        }
        return try read(yaml: text, file: path)
    }

    /// Reads and checks a scenario from YAML text; `file` names it in errors.
    public static func read(yaml: String, file: String? = nil) throws(ScenarioError) -> Scenario {
        do {
            let scenario = try parse(yaml)
            try ScenarioValidator(scenario).validate()
            return scenario
        } catch var error {
            error.file = file
            throw error
        }
    }

    private static let topKeys: Set<String> = [
        "name", "customer", "seed", "periods", "billing", "organizations", "accounts", "holdingAccounts", "moves",
        "profiles", "credits", "prices",
    ]

    private static func parse(_ yaml: String) throws(ScenarioError) -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ScenarioError(.syntax, path: "", "not valid YAML: \(error)")
        }
        guard let root else { throw ScenarioError(.missingKey, path: "", "the scenario is empty") }
        let top = try ScenarioNode(root, path: "").mapping(allowed: topKeys)
        let customer = try top["customer"]?.string() ?? "default"
        let defaults = try BillingDefaults(top["billing"])
        var organizations: [ScenarioOrganization] = []
        for node in try top.required("organizations").list() {
            organizations.append(try organization(node, customer: customer, defaults: defaults))
        }
        var accounts: [ScenarioAccount] = []
        for node in try top["accounts"]?.list() ?? [] {
            accounts.append(try account(node))
        }
        for organization in organizations where !accounts.contains(where: { $0.id == organization.payer }) {
            accounts.append(
                ScenarioAccount(
                    id: organization.payer, name: "\(organization.name) management", organization: organization.id,
                    profile: nil, tags: []))
        }
        var periods: [ScenarioPeriod] = []
        for node in try top.required("periods").list() {
            periods.append(try period(node))
        }
        var moves: [AccountMove] = []
        for node in try top["moves"]?.list() ?? [] {
            moves.append(try move(node))
        }
        var credits: [CreditGrant] = []
        for node in try top["credits"]?.list() ?? [] {
            credits.append(try credit(node))
        }
        var prices: [PriceOverride] = []
        for node in try top["prices"]?.list() ?? [] {
            prices.append(try price(node))
        }
        var holdings: [HoldingAccount] = []
        for node in try top["holdingAccounts"]?.list() ?? [] {
            holdings.append(try holdingAccount(node))
        }
        var profiles: [UsageProfile] = []
        for (name, node) in try top["profiles"]?.mapping().entries ?? [] {
            profiles.append(try profile(name: name, node))
        }
        var seed: UInt64?
        if let node = top["seed"] {
            guard let value = UInt64(try node.text()) else { throw node.error(.invalidValue, "expected a whole number ≥ 0") }
            seed = value
        }
        return Scenario(
            name: try top["name"]?.string() ?? "scenario", customer: customer, seed: seed, periods: periods,
            organizations: organizations, accounts: accounts, holdingAccounts: holdings, moves: moves, profiles: profiles,
            credits: credits, prices: prices)
    }

    /// `billing:` — defaults every organization inherits.
    struct BillingDefaults {
        var edpPercent = Amount.zero
        var taxPercent = Amount.zero
        var taxType = "Sales Tax"
        var support: SupportPlan?

        static let keys: Set<String> = ["edpPercent", "taxPercent", "taxType", "support"]

        init(_ node: ScenarioNode?) throws(ScenarioError) {
            guard let node else { return }
            let map = try node.mapping(allowed: Self.keys)
            if let value = map["edpPercent"] { edpPercent = try value.percent() }
            if let value = map["taxPercent"] { taxPercent = try value.percent() }
            if let value = map["taxType"] { taxType = try value.string() }
            if let value = map["support"] { support = try ScenarioReader.support(value) }
        }
    }

    private static func organization(
        _ node: ScenarioNode, customer: String, defaults: BillingDefaults
    ) throws(ScenarioError) -> ScenarioOrganization {
        let map = try node.mapping(allowed: [
            "id", "name", "payer", "customer", "reportName", "bucket", "sharingOff", "edpPercent", "taxPercent",
            "taxType", "support",
        ])
        let idNode = try map.required("id")
        let id = try idNode.string()
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw idNode.error(.invalidValue, "an organization id may hold letters, digits, '-' and '_' only, got '\(id)'")
        }
        let owner = try map["customer"]?.string() ?? customer
        var sharingOff: [String] = []
        for item in try map["sharingOff"]?.list() ?? [] { sharingOff.append(try item.accountId()) }
        var support = defaults.support
        if let value = map["support"] { support = try Self.support(value) }
        return ScenarioOrganization(
            id: id, name: try map["name"]?.string() ?? id, payer: try map.required("payer").accountId(), customer: owner,
            reportName: try map["reportName"]?.string() ?? "\(owner)-\(id)-cur",
            bucket: try map["bucket"]?.string() ?? "\(owner)-billing-\(id)", sharingOff: sharingOff,
            edpPercent: try map["edpPercent"]?.percent() ?? defaults.edpPercent,
            taxPercent: try map["taxPercent"]?.percent() ?? defaults.taxPercent,
            taxType: try map["taxType"]?.string() ?? defaults.taxType, support: support)
    }

    /// `support: {plan: Enterprise, minimum: 15000}`, or `support: none`.
    static func support(_ node: ScenarioNode) throws(ScenarioError) -> SupportPlan? {
        if case .scalar = node.node, try node.text().lowercased() == "none" { return nil }
        let map = try node.mapping(allowed: ["plan", "minimum"])
        let planNode = try map.required("plan")
        let name = try planNode.string()
        guard let level = SupportPlan.Level(name) else {
            throw planNode.error(.invalidValue, "unknown support plan '\(name)' (Enterprise, Business or Developer)")
        }
        return SupportPlan(level: level, minimum: try map["minimum"]?.nonNegativeDecimal())
    }

    private static func account(_ node: ScenarioNode) throws(ScenarioError) -> ScenarioAccount {
        let map = try node.mapping(allowed: ["id", "name", "org", "profile", "tags"])
        let id = try map.required("id").accountId()
        return ScenarioAccount(
            id: id, name: try map["name"]?.string() ?? id, organization: try map.required("org").string(),
            profile: try map["profile"]?.string(), tags: try tags(map["tags"]))
    }

    /// `tags: {cost_center: CC-1001, team: checkout}` (keys without `user:`).
    static func tags(_ node: ScenarioNode?) throws(ScenarioError) -> [ResourceTag] {
        guard let node else { return [] }
        var result: [ResourceTag] = []
        for (key, value) in try node.mapping().entries {
            let normalized = key.hasPrefix("user:") ? String(key.dropFirst(5)) : key
            guard !normalized.isEmpty, normalized.utf8.allSatisfy({ $0 > 0x20 && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\"") })
            else { throw value.error(.invalidValue, "tag key '\(key)' must be non-empty without spaces, commas or quotes") }
            result.append(ResourceTag(key: normalized, value: try value.text()))
        }
        return result
    }

    private static func period(_ node: ScenarioNode) throws(ScenarioError) -> ScenarioPeriod {
        if case .scalar = node.node {
            return ScenarioPeriod(period: try month(node))
        }
        let map = try node.mapping(allowed: ["month", "through"])
        let period = try month(try map.required("month"))
        var through: Timestamp?
        if let value = map["through"] {
            let end = try value.hourInstant()
            guard end > period.start, end <= period.end else {
                throw value.error(.invalidValue, "must fall after the start of \(period) and no later than its end")
            }
            through = end
        }
        return ScenarioPeriod(period: period, through: through)
    }

    private static func month(_ node: ScenarioNode) throws(ScenarioError) -> BillingPeriod {
        let text = try node.string()
        guard let period = try? BillingPeriod(parsing: text) else {
            throw node.error(.invalidValue, "expected a month such as 2026-10, got '\(text)'")
        }
        return period
    }

    private static func move(_ node: ScenarioNode) throws(ScenarioError) -> AccountMove {
        let map = try node.mapping(allowed: ["account", "from", "to", "at", "joins"])
        let leaves = try map.required("at").hourInstant()
        var joins = leaves
        if let value = map["joins"] {
            joins = try value.hourInstant()
            guard joins >= leaves else { throw value.error(.invalidValue, "the account cannot join before it leaves") }
        }
        return AccountMove(
            account: try map.required("account").accountId(), from: try map.required("from").string(),
            to: try map.required("to").string(), leaves: leaves, joins: joins)
    }

    private static func credit(_ node: ScenarioNode) throws(ScenarioError) -> CreditGrant {
        let map = try node.mapping(allowed: ["account", "amount", "description", "product", "late"])
        let amountNode = try map.required("amount")
        let amount = try amountNode.decimal()
        guard amount > .zero else { throw amountNode.error(.invalidValue, "a credit is a positive amount") }
        return CreditGrant(
            account: try map.required("account").accountId(), amount: amount,
            description: try map["description"]?.string() ?? "AWS Promotional Credit",
            productCode: try map["product"]?.string(), late: try map["late"]?.bool() ?? false)
    }

    private static func price(_ node: ScenarioNode) throws(ScenarioError) -> PriceOverride {
        let map = try node.mapping(allowed: ["instanceType", "region", "platform", "rate"])
        return PriceOverride(
            instanceType: try map.required("instanceType").string(), region: try map.required("region").string(),
            platform: InstancePlatform(try map["platform"]?.string() ?? InstancePlatform.linuxUnix.rawValue),
            rate: try map.required("rate").nonNegativeDecimal())
    }
}
