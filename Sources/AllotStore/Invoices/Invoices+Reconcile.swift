import AllotCore
import Postgres

extension Invoices {
    /// Reconciles a period's BU invoices with the AWS invoices and the line items, per organization and basis (see
    /// ``InvoiceReconciliation`` for what is compared with what).
    ///
    /// - Throws: ``InvoiceError`` `noRun`.
    public func reconcile(period: BillingPeriod) async throws -> InvoiceReconciliation {
        let run = try await currentRun(period)
        let configuration = try await RuleSets(client: client, logger: logger).version(run.ruleSetVersion).configuration
        let places = InvoiceCurrency(code: configuration.currency).minorUnit
        let facts = try await client.withConnection { try await PeriodFacts.read(period, run: run, invoices: self, on: $0) }
        let organizations = Array(Set(run.organizations).union(facts.lineItems.keys)).sorted()

        var bases: [CostBasis] = [.unblended, .amortized]
        if !bases.contains(run.costBasis) { bases.append(run.costBasis) }
        var invoiced: [CostBasis: (source: String, totals: [String: Amount])] = [:]
        for basis in bases {
            if basis == run.costBasis, let issued = facts.issued {
                invoiced[basis] = ("issued", issued)
            } else if basis == run.costBasis {
                let entries = try await AllocationLedger.entries(run: run.id, client)
                invoiced[basis] = ("draft", try Self.roundedTotals(entries, places: places))
            } else {
                let shadow = ShadowAllocation(period: period, organizations: facts.lineItems.keys.sorted(), configuration: configuration)
                invoiced[basis] = ("computed", try Self.roundedTotals(try await shadow.ledger(basis: basis, client: client), places: places))
            }
        }

        let names = try await organizationNames(configuration)
        let report = organizations.map { org in
            let items = facts.lineItems[org] ?? LineItemTotals()
            let checks = bases.map { basis in
                InvoiceReconciliation.Check(
                    basis: basis.rawValue, source: invoiced[basis]?.source ?? "computed", invoiced: invoiced[basis]?.totals[org] ?? .zero,
                    expected: items.total(basis), places: places)
            }
            return InvoiceReconciliation.Organization(
                org: org, name: names[org] ?? org,
                awsInvoices: (facts.awsInvoices[org] ?? []).map {
                    InvoiceReconciliation.AWSInvoice(invoiceId: $0.invoiceId, unblended: $0.unblended, places: places)
                },
                awsTotal: InvoiceMoney(items.unblended, places: places), checks: checks)
        }
        var problems: [Advice] = []
        if let stale = facts.stale { problems.append(stale) }
        if facts.issued != nil, report.contains(where: { !$0.holds }) {
            problems.append(
                Advice("the issued documents differ from run \(run.id)", remedy: .adjustments(period: period.description)))
        }
        return InvoiceReconciliation(
            period: period.description, runId: run.id, costBasis: run.costBasis.rawValue, currency: configuration.currency,
            closed: facts.issued != nil, organizations: report, problems: problems)
    }

    /// Σ per organization of a ledger's invoice lines, rounded as invoices round them.
    static func roundedTotals(_ entries: [LedgerEntry], places: Int) throws -> [String: Amount] {
        var totals: [String: Amount] = [:]
        for organization in try RoundedLedger(entries: entries, places: places).organizations {
            totals[organization.org] = organization.rounded
        }
        return totals
    }
}

/// An organization's line items summed on each basis.
struct LineItemTotals: Sendable {
    var unblended = Amount.zero
    var amortized = Amount.zero
    var netAmortized = Amount.zero

    func total(_ basis: CostBasis) -> Amount {
        switch basis {
        case .unblended: unblended
        case .amortized: amortized
        case .netAmortized: netAmortized
        }
    }
}

/// What the database knows about a period for reconciliation, read on one connection.
struct PeriodFacts: Sendable {
    struct Invoice: Sendable {
        var invoiceId: String?
        var unblended: Amount
    }

    var lineItems: [String: LineItemTotals] = [:]
    var awsInvoices: [String: [Invoice]] = [:]
    /// Σ of the final documents per organization, when the period is closed.
    var issued: [String: Amount]?
    var stale: Advice?

    static func read(_ period: BillingPeriod, run: AllocationRun, invoices: Invoices, on connection: PostgresConnection) async throws -> PeriodFacts {
        var facts = PeriodFacts()
        let date = period
        for row in try await connection.query(
            """
            SELECT org_id, sum(unblended_cost) AS unblended, sum(amortized_cost) AS amortized,
                   sum(net_amortized_cost) AS net_amortized
            FROM line_items WHERE billing_period = $1::date GROUP BY org_id
            """, [date])
        {
            facts.lineItems[try row.decode(String.self, "org_id")] = LineItemTotals(
                unblended: try row.decode(Amount.self, "unblended"), amortized: try row.decode(Amount.self, "amortized"),
                netAmortized: try row.decode(Amount.self, "net_amortized"))
        }
        for row in try await connection.query(
            """
            SELECT org_id, invoice_id, sum(unblended_cost) AS unblended FROM line_items
            WHERE billing_period = $1::date GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST
            """, [date])
        {
            facts.awsInvoices[try row.decode(String.self, "org_id"), default: []].append(
                Invoice(invoiceId: try row.decode(String?.self, "invoice_id"), unblended: try row.decode(Amount.self, "unblended")))
        }
        if try await InvoiceRecords.close(period: period, on: connection) != nil {
            facts.issued = try await InvoiceRecords.issuedTotals(period: period, on: connection)
        }
        facts.stale = try await invoices.staleness(run, on: connection)
        return facts
    }
}
