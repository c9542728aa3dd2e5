import AllotCore

extension ScenarioReader {
    /// `holdingAccounts[i]: {account, reservedInstances: […], savingsPlans: […]}`.
    static func holdingAccount(_ node: ScenarioNode) throws(ScenarioError) -> HoldingAccount {
        let map = try node.mapping(allowed: ["account", "reservedInstances", "savingsPlans"])
        var reservedInstances: [ReservedInstanceSpec] = []
        for item in try map["reservedInstances"]?.list() ?? [] {
            reservedInstances.append(try reservedInstance(item))
        }
        var savingsPlans: [SavingsPlanSpec] = []
        for item in try map["savingsPlans"]?.list() ?? [] {
            savingsPlans.append(try savingsPlan(item))
        }
        return HoldingAccount(
            account: try map.required("account").accountId(), reservedInstances: reservedInstances, savingsPlans: savingsPlans)
    }

    private static func reservedInstance(_ node: ScenarioNode) throws(ScenarioError) -> ReservedInstanceSpec {
        let map = try node.mapping(allowed: [
            "id", "instanceType", "region", "availabilityZone", "platform", "tenancy", "count", "term", "paymentOption",
            "offeringClass", "start", "effectiveHourlyRate",
        ])
        let classNode = map["offeringClass"]
        let offeringClass = try classNode?.string().lowercased() ?? "standard"
        guard offeringClass == "standard" || offeringClass == "convertible" else {
            throw (classNode ?? node).error(.invalidValue, "offeringClass is standard or convertible, got '\(offeringClass)'")
        }
        return ReservedInstanceSpec(
            id: try map["id"]?.string(), instanceType: try map.required("instanceType").string(),
            region: try map.required("region").string(), availabilityZone: try map["availabilityZone"]?.string(),
            platform: try platform(map["platform"]), tenancy: try tenancy(map["tenancy"]),
            count: try map.required("count").integer(in: 1...100_000), term: try term(map.required("term")),
            paymentOption: try paymentOption(map.required("paymentOption")), offeringClass: offeringClass,
            start: try map.required("start").hourInstant(),
            effectiveHourlyRate: try map["effectiveHourlyRate"]?.nonNegativeDecimal())
    }

    private static func savingsPlan(_ node: ScenarioNode) throws(ScenarioError) -> SavingsPlanSpec {
        let map = try node.mapping(allowed: [
            "id", "type", "instanceFamily", "region", "commitment", "term", "paymentOption", "start", "ratePercent",
        ])
        let typeNode = try map.required("type")
        let kind: SavingsPlan.Kind
        switch try typeNode.string().lowercased().filter(\.isLetter) {
        case "compute", "computesavingsplans":
            kind = .compute
        case "ecinstance", "ecinstancesavingsplans":
            kind = .ec2Instance(
                family: try map.required("instanceFamily").string(), region: try map.required("region").string())
        default:
            throw typeNode.error(.invalidValue, "a Savings Plan type is Compute or EC2Instance")
        }
        let commitmentNode = try map.required("commitment")
        let commitment = try commitmentNode.decimal()
        guard commitment > .zero else { throw commitmentNode.error(.invalidValue, "the $/hour commitment must be positive") }
        var ratePercent: Amount?
        if let value = map["ratePercent"] {
            let percent = try value.percent()
            guard percent > .zero else { throw value.error(.invalidValue, "the rate must be above 0 % of On-Demand") }
            ratePercent = percent
        }
        return SavingsPlanSpec(
            id: try map["id"]?.string(), kind: kind, commitment: commitment, term: try term(map.required("term")),
            paymentOption: try paymentOption(map.required("paymentOption")), start: try map.required("start").hourInstant(),
            ratePercentOfOnDemand: ratePercent)
    }

    private static func term(_ node: ScenarioNode) throws(ScenarioError) -> CommitmentTerm {
        let text = try node.string()
        guard let term = CommitmentTerm(text) else { throw node.error(.invalidValue, "a term is 1yr or 3yr, got '\(text)'") }
        return term
    }

    private static func paymentOption(_ node: ScenarioNode) throws(ScenarioError) -> PaymentOption {
        let text = try node.string()
        guard let option = PaymentOption(text) else {
            throw node.error(.invalidValue, "a payment option is All Upfront, Partial Upfront or No Upfront, got '\(text)'")
        }
        return option
    }
}
