extension InvoiceBuilder {
    /// The notes a document carries: the cost basis (and amortization), savings and credit policies when their
    /// lines appear, each shared-cost rule that appears, the adjustment (memos) and the rounding method.
    func explanations(for document: InvoiceDocument) -> [InvoiceDocument.Explanation] {
        let lines = document.flatLines.map(\.line)
        let categories = Set(lines.map(\.category))
        var notes: [InvoiceDocument.Explanation] = []
        if document.kind.isMemo { notes.append(adjustmentNote(document)) }
        notes.append(costBasisNote())
        let policies = context.configuration.policies
        if categories.contains(.savingsAdjustment), let note = savingsNote(policies.savings) { notes.append(note) }
        if categories.contains(.credit) { notes.append(creditNote(policies.credits)) }
        let rules = categories.compactMap(\.sharedRuleName).sorted()
        for rule in rules { notes.append(sharedNote(rule, lines: lines.filter { $0.category == .shared(rule) }, document: document)) }
        notes.append(roundingNote())
        return notes
    }

    private func costBasisNote() -> InvoiceDocument.Explanation {
        let source = "Allocation run \(context.runId) with rule set version \(context.ruleSetVersion)."
        let unused =
            context.configuration.policies.unusedCommitment == .consumers
            ? "the BUs that used that commitment, in proportion to their covered cost"
            : "the BU that owns the holding account"
        let amortized =
            "Reserved Instance and Savings Plan fees are amortized: their upfront and recurring fees are spread over the "
            + "hours the commitment covers. Usage a commitment covers is charged at its effective (discounted) cost as "
            + "\"Commitment-covered usage\"; the part of a commitment nobody used is charged as \"Unused commitment\" to "
            + "\(unused). The AWS invoice shows commitment fees when they are billed instead, so in any month it can differ "
            + "from these amounts by the timing of those fees."
        switch context.costBasis {
        case .unblended:
            return .init(
                topic: "cost-basis", title: "Cost basis: unblended (cash)",
                text: "Amounts are as AWS invoices them. Reserved Instance and Savings Plan fees are not amortized: they "
                    + "appear as fees where AWS bills them, on the BU owning the holding account, and covered usage is shown "
                    + "at what AWS billed for it. \(source)")
        case .amortized:
            return .init(topic: "cost-basis", title: "Cost basis: amortized", text: "\(amortized) \(source)")
        case .netAmortized:
            return .init(
                topic: "cost-basis", title: "Cost basis: net amortized",
                text: "Amounts are amortized and net of discounts (EDP, private pricing). \(amortized) \(source)")
        }
    }

    private func savingsNote(_ savings: SavingsPolicy) -> InvoiceDocument.Explanation? {
        let central = savings.centralBU ?? "the central BU"
        switch savings.mode {
        case .passThrough:
            return nil
        case .retainCentral:
            return .init(
                topic: "savings", title: "Commitment savings retained centrally",
                text: "Usage covered by a commitment is charged at its public on-demand cost: the \"Savings adjustment\" "
                    + "lines add the difference to its effective cost, and the same amount is credited to \(central).")
        case .share:
            let percent = savings.sharePercent ?? "?"
            return .init(
                topic: "savings", title: "Commitment savings shared",
                text: "\(percent) % of each commitment saving (public on-demand cost minus effective cost) is charged to the "
                    + "BU that used the commitment as a \"Savings adjustment\" and credited to \(central).")
        }
    }

    private func creditNote(_ credits: CreditPolicy) -> InvoiceDocument.Explanation {
        let eligible = "RI/SP upfront fees, AWS Marketplace charges, tax and fees are not credit-eligible."
        let text: String
        switch credits.mode {
        case .asBilled: text = "Credits and refunds stay with the account AWS applied them to."
        case .pooledPerOrg:
            text = "Each organization's credits are pooled and spread over its BUs in proportion to their credit-eligible "
                + "spend in that organization. \(eligible)"
        case .pooled:
            text = "Credits of all organizations are pooled and spread over the BUs in proportion to their credit-eligible "
                + "spend. \(eligible)"
        case .directed: text = "All credits go to BU \(credits.bu ?? "?")."
        }
        return .init(topic: "credits", title: "Credits", text: text)
    }

    private func sharedNote(_ rule: String, lines: [InvoiceDocument.Line], document: InvoiceDocument) -> InvoiceDocument.Explanation {
        var shares: [String: String] = [:]
        for line in lines { if let share = line.share { shares[line.businessUnit] = share.percent } }
        let shareText: String
        if shares.count == 1, let (bu, percent) = shares.first, document.includedBusinessUnits == [bu] {
            shareText = "This BU's share: \(percent) %."
        } else if !shares.isEmpty {
            shareText = "Shares on this document: "
                + orderedUnits(shares.keys).map { "\($0) \(shares[$0] ?? "") %" }.joined(separator: ", ") + "."
        } else if lines.contains(where: { $0.sources.contains(Self.undisclosedShare(rule: rule)) }) {
            shareText = "The other BUs' costs, and so this BU's percentage, are not shown."
        } else {
            shareText = ""
        }
        let peers = Peers(
            disclosed: context.configuration.invoices.discloseSharedCostPeers, document: Set(document.includedBusinessUnits))
        guard let declared = context.configuration.sharedCosts.first(where: { $0.name == rule }) else {
            let method = lines.compactMap(\.share?.method).first.map { " (\($0))" } ?? ""
            return .init(topic: "shared:\(rule)", title: "Shared cost: \(rule)", text: "A shared cost split over several BUs\(method). \(shareText)")
        }
        let text = "Costs of \(Self.describe(declared.source, peers)) are split over \(Self.describe(declared.targets, peers)) "
            + "\(describe(method: declared, peers)). \(shareText)"
        return .init(topic: "shared:\(rule)", title: "Shared cost: \(rule)", text: text.trimmingTrailingSpace)
    }

    /// Which BUs a document's notes may name: every one when `invoices.disclose-shared-cost-peers` is set, else
    /// only those the document is addressed to (the others are counted, not named).
    struct Peers {
        var disclosed: Bool
        var document: Set<String>

        /// `units` as the note may list them: the nameable ones, then how many others there are.
        func list(_ units: [String]) -> String {
            guard !disclosed else { return units.joined(separator: ", ") }
            let named = units.filter(document.contains)
            let others = units.count - named.count
            let rest = others == 0 ? [] : ["\(others) other BU\(others == 1 ? "" : "s")"]
            return (named + rest).joined(separator: ", ")
        }

        func names(_ unit: String) -> Bool { disclosed || document.contains(unit) }
    }

    private func adjustmentNote(_ document: InvoiceDocument) -> InvoiceDocument.Explanation {
        let what =
            document.adjusts.map { "invoice \($0.number) of \(document.period)" } ?? "the period \(document.period), for which this BU had no invoice"
        return .init(
            topic: "adjustment", title: "\(document.kind.title)",
            text: "This document adjusts \(what). The period was allocated again (run \(context.runId)) after AWS changed its "
                + "cost data. Each line shows what was invoiced before (the invoice and any earlier memos), what the new run "
                + "gives, and the difference, which is the amount of this document. Lines that did not change are left out.")
    }

    private func roundingNote() -> InvoiceDocument.Explanation {
        let unit = Amount(minorUnits: 1, exponent: places).formatted(places: places)
        return .init(
            topic: "rounding", title: "Rounding",
            text: "The allocation is exact to 20 decimal places; each line is rounded once, to \(unit) \(context.currency.code). "
                + "Within each organization the lines of every BU's invoice are rounded together by the largest-remainder method: "
                + "each line is rounded down, then the units still missing to reach the organization's total rounded half-even go "
                + "to the lines with the largest remainders. So every line is within \(unit) of its exact amount, the lines of this "
                + "document sum exactly to its total, and per organization the invoices of all BUs sum exactly to the "
                + "organization's total rounded to \(unit).")
    }

    static func describe(_ source: SharedCostSource, _ peers: Peers) -> String {
        var parts: [String] = []
        if let accounts = source.accounts { parts.append("account\(accounts.count == 1 ? "" : "s") \(accounts.joined(separator: ", "))") }
        if let bus = source.bus { parts.append("the BU\(bus.count == 1 ? "" : "s") \(peers.list(bus))") }
        if let products = source.productCodes { parts.append("the service\(products.count == 1 ? "" : "s") \(products.joined(separator: ", "))") }
        if let types = source.lineItemTypes { parts.append("line item type\(types.count == 1 ? "" : "s") \(types.joined(separator: ", "))") }
        return parts.isEmpty ? "the rule's sources" : parts.joined(separator: " or ")
    }

    static func describe(_ targets: SharedCostTargets, _ peers: Peers) -> String {
        if let bus = targets.bus { return "the BUs \(peers.list(bus))" }
        if let orgs = targets.orgs { return "every BU with direct spend in \(orgs.joined(separator: ", "))" }
        return "every BU with direct spend"
    }

    private func describe(method rule: SharedCostRule, _ peers: Peers) -> String {
        switch rule.method {
        case .even: return "in equal shares"
        case .proportional: return "in proportion to each BU's direct cost (\(context.costBasis.rawValue))"
        case .fixed:
            let percentages = (rule.percentages ?? [:]).sorted { $0.key < $1.key }
            var listed = percentages.filter { peers.names($0.key) }.map { "\($0.key) \($0.value) %" }
            if listed.count < percentages.count { listed.append("the other BUs the rest") }
            return "by fixed percentages (\(listed.joined(separator: ", ")))"
        }
    }
}

extension String {
    /// The text without trailing spaces.
    fileprivate var trimmingTrailingSpace: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
