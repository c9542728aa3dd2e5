import AllotCore
import AllotStore
import ArgumentParser

/// `allot reconcile --period YYYY-MM [--json]`: exit code 0 when everything reconciles, 1 otherwise.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Check a period's BU invoices against the AWS invoices and the line items, to the cent.",
        discussion: """
            Per organization: the AWS invoices (Σ unblended per invoice id, and the total), then per basis Σ of the BU \
            invoices against Σ of the line items on that basis, rounded to the currency's minor unit. The basis of the \
            current run is checked on the documents themselves (final ones once closed, else drafts); the unblended and \
            amortized bases are always checked, the other one computed from the same rule set and deliveries without \
            storing anything. Any difference, or a run older than the period's deliveries, fails with exit code 1.
            """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "The billing period (YYYY-MM).") var period: String
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        let billingPeriod = try InvoiceCommand.period(period)
        let report = try await options.withClient { client, logger in
            try await Invoices(client: client, logger: logger).reconcile(period: billingPeriod)
        }
        if json {
            print(try JSONOutput.encode(report))
        } else {
            printReport(report)
        }
        if !report.holds { throw ExitCode(1) }
    }

    private func printReport(_ report: InvoiceReconciliation) {
        print(
            "reconcile \(report.period) · run \(report.runId) · \(report.costBasis) basis · \(report.currency) · "
                + (report.closed ? "closed" : "open (drafts)"))
        for organization in report.organizations {
            print("")
            print("\(organization.name) (\(organization.org))")
            for invoice in organization.awsInvoices {
                print(
                    "  AWS invoice \(TextLayout.pad(invoice.invoiceId ?? "(no invoice id)", 28))  "
                        + "\(TextLayout.right(invoice.rounded.description, 16))   exact \(invoice.unblended)")
            }
            print("  \(TextLayout.pad("AWS total (unblended)", 40))  \(TextLayout.right(organization.awsTotal.description, 16))")
            for check in organization.checks {
                let mark = check.holds ? "ok" : "DIFFERS by \(check.difference)"
                let against = check.basis == "unblended" ? "AWS total" : "Σ \(check.basis) cost"
                print(
                    "  \(TextLayout.pad("BU invoices, \(check.basis) (\(check.source))", 40))  \(TextLayout.right(check.invoiced.description, 16))"
                        + "   vs \(against) \(check.expected)  \(mark)")
            }
        }
        print("")
        for problem in report.problems { print("problem: \(problem.forCommandLine)") }
        print(report.holds ? "reconciled" : "NOT RECONCILED")
    }
}
