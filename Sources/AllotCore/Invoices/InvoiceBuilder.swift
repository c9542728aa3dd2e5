/// Turns the rounded lines of an allocation run into invoice documents, one per invoiced BU (pure).
///
/// Which BU a line is invoiced to follows `invoices.level` (``InvoiceLevel``); documents come in BU-tree order.
/// Numbers are not assigned here: documents are drafts until ``InvoiceDocument/finalized(number:issueDate:)``.
///
/// ```swift
/// let ledger = try RoundedLedger(entries: entries, places: context.currency.minorUnit)
/// let drafts = InvoiceBuilder(context: context).invoices(ledger)
/// ```
public struct InvoiceBuilder: Sendable {
    public let context: InvoiceContext

    public init(context: InvoiceContext) {
        self.context = context
    }

    var places: Int { context.currency.minorUnit }

    /// One draft invoice per invoiced BU that has lines, in BU-tree order.
    public func invoices(_ ledger: RoundedLedger) -> [InvoiceDocument] {
        var byUnit: [String: [(InvoiceLineKey, InvoiceDocument.Line)]] = [:]
        for rounded in ledger.lines {
            byUnit[invoicedBU(rounded.key.bu), default: []].append((rounded.key, line(rounded)))
        }
        return orderedUnits(byUnit.keys).map { unit in
            document(kind: .invoice, unit: unit, lines: byUnit[unit] ?? [])
        }
    }

    /// The document a BU's costs are invoiced on (see ``InvoiceLevel/invoicedBU(for:in:)``).
    public func invoicedBU(_ bu: String) -> String {
        context.level.invoicedBU(for: bu, in: context.tree)
    }

    /// Units in tree order; BUs missing from the tree last, by id.
    func orderedUnits(_ units: some Collection<String>) -> [String] {
        units.sorted { (context.tree.position(of: $0), $0) < (context.tree.position(of: $1), $1) }
    }

    /// A draft document of `kind` for `unit` with the given lines (grouped and ordered here).
    func document(
        kind: InvoiceDocument.Kind, unit: String, lines: [(InvoiceLineKey, InvoiceDocument.Line)],
        adjusts: InvoiceDocument.Reference? = nil, previous: [InvoiceDocument.Reference]? = nil
    ) -> InvoiceDocument {
        let included = orderedUnits(Set(lines.map(\.0.bu)))
        var document = InvoiceDocument(
            kind: kind, status: .draft, number: InvoiceDocument.draftNumber,
            businessUnit: InvoiceDocument.BusinessUnit(id: unit, tree: context.tree), includedBusinessUnits: included,
            period: context.period.description, costBasis: context.costBasis.rawValue, ruleSetVersion: context.ruleSetVersion,
            runId: context.runId, currency: context.currency, issueDate: context.issueDate, adjusts: adjusts,
            previousDocuments: previous, organizations: sections(lines), explanations: [])
        document.explanations = explanations(for: document)
        return document
    }

    /// Lines grouped organization → account → service, each level by id, lines by category then BU.
    func sections(_ lines: [(InvoiceLineKey, InvoiceDocument.Line)]) -> [InvoiceDocument.Organization] {
        var tree: [String: [String: [String: [(InvoiceLineKey, InvoiceDocument.Line)]]]] = [:]
        for entry in lines {
            tree[entry.0.org, default: [:]][entry.0.account, default: [:]][entry.0.productCode ?? "", default: []].append(entry)
        }
        return tree.keys.sorted().map { org in
            let accounts = (tree[org] ?? [:]).keys.sorted().map { account in
                let services = (tree[org]?[account] ?? [:]).keys.sorted().map { product in
                    let entries = (tree[org]?[account]?[product] ?? []).sorted { left, right in
                        (Self.rank(left.0.category), left.0.category.rawValue, context.tree.position(of: left.0.bu), left.0.bu)
                            < (Self.rank(right.0.category), right.0.category.rawValue, context.tree.position(of: right.0.bu), right.0.bu)
                    }
                    return InvoiceDocument.Service(productCode: product.isEmpty ? nil : product, lines: entries.map(\.1), places: places)
                }
                return InvoiceDocument.Account(id: account, name: context.accountNames[account], services: services, places: places)
            }
            return InvoiceDocument.Organization(
                id: org, name: context.organizationNames[org] ?? org, accounts: accounts, places: places)
        }
    }

    /// The invoice line of a rounded ledger line.
    func line(_ rounded: RoundedLine) -> InvoiceDocument.Line {
        let sources = disclosed(rounded.sources)
        return InvoiceDocument.Line(
            category: rounded.key.category, label: Self.label(rounded.key.category), businessUnit: rounded.key.bu,
            share: Self.share(rounded.key.category, sources: sources), sources: sources,
            amount: InvoiceMoney(rounded.amount, places: places), exactAmount: rounded.exact)
    }

    /// A line's ledger sources as its document may show them: unless `invoices.disclose-shared-cost-peers`, the
    /// percentage of a proportional split is taken out (`shared 'security' (proportional)`), since with the BU's
    /// own cost it gives the other BUs' total; the line then has no ``InvoiceDocument/Share``.
    func disclosed(_ sources: [String]) -> [String] {
        guard !context.configuration.invoices.discloseSharedCostPeers else { return sources }
        return sources.map { source in
            guard let share = InvoiceDocument.Share(source: source), share.method == SplitMethod.proportional.rawValue else {
                return source
            }
            return Self.undisclosedShare(rule: share.rule)
        }
    }

    /// The source of a proportional share whose percentage is not disclosed.
    static func undisclosedShare(rule: String) -> String {
        "shared '\(rule)' (\(SplitMethod.proportional.rawValue))"
    }

    /// The share of a shared-cost line, read from its ledger source.
    static func share(_ category: AllocationCategory, sources: [String]) -> InvoiceDocument.Share? {
        guard let rule = category.sharedRuleName else { return nil }
        return sources.lazy.compactMap(InvoiceDocument.Share.init(source:)).first { $0.rule == rule }
    }

    /// The category in words.
    public static func label(_ category: AllocationCategory) -> String {
        if let rule = category.sharedRuleName { return "Shared cost: \(rule)" }
        switch category {
        case .usage: return "Usage"
        case .commitmentCovered: return "Commitment-covered usage"
        case .commitmentUnused: return "Unused commitment"
        case .savingsAdjustment: return "Savings adjustment"
        case .credit: return "Credits"
        case .tax: return "Tax"
        case .fee: return "Fees"
        case .other: return "Other"
        default: return category.rawValue
        }
    }

    /// The order of categories within a service: usage first, shared costs after credits, tax and fees last.
    static func rank(_ category: AllocationCategory) -> Int {
        if category.isShared { return 5 }
        switch category {
        case .usage: return 0
        case .commitmentCovered: return 1
        case .commitmentUnused: return 2
        case .savingsAdjustment: return 3
        case .credit: return 4
        case .tax: return 6
        case .fee: return 7
        default: return 8
        }
    }
}
