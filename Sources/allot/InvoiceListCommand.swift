import AllotCore
import AllotStore
import ArgumentParser

/// `allot invoice list --period YYYY-MM [--json]`.
struct InvoiceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a period's invoices: drafts of the current run, or the final documents of a closed period."
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "The billing period (YYYY-MM).") var period: String
    @Flag(help: "Print the summary as JSON.") var json = false

    func run() async throws {
        let billingPeriod = try InvoiceCommand.period(period)
        let summary = try await options.withClient { client, logger in
            try await Invoices(client: client, logger: logger).summary(period: billingPeriod)
        }
        if json {
            print(try JSONOutput.encode(summary))
            return
        }
        if summary.status == "closed" {
            print(
                "\(summary.period) · closed \(summary.closedAt ?? "") by \(summary.closedBy ?? "?") with run \(summary.closedRunId ?? 0)"
                    + " · current run \(summary.currentRunId.map(String.init) ?? "none")")
        } else {
            print("\(summary.period) · open · drafts of run \(summary.currentRunId.map(String.init) ?? "none")")
        }
        print("")
        func unit(_ entry: InvoiceIndexEntry) -> String { "\(entry.businessUnit) (\(entry.businessUnitName))" }
        let unitWidth = summary.documents.map { unit($0).count }.reduce(28, max)
        print(
            "\(TextLayout.pad("number", 18))  \(TextLayout.pad("kind", 11))  \(TextLayout.pad("BU", unitWidth))  "
                + "\(TextLayout.pad("adjusts", 18))  \(TextLayout.right("total", 14))")
        var totals: [String: Amount] = [:]
        for entry in summary.documents {
            print(
                "\(TextLayout.pad(entry.number, 18))  \(TextLayout.pad(entry.kind, 11))  "
                    + "\(TextLayout.pad(unit(entry), unitWidth))  \(TextLayout.pad(entry.adjusts ?? "", 18))  "
                    + "\(TextLayout.right(entry.total, 14)) \(entry.currency)")
            totals[entry.currency, default: .zero] += (try? Amount(parsing: entry.total)) ?? .zero
        }
        for (currency, total) in totals.sorted(by: { $0.key < $1.key }) {
            print("\(TextLayout.pad("total", 55 + unitWidth))  \(TextLayout.right(total.description, 14)) \(currency)")
        }
        if summary.documents.isEmpty { print("(no documents: the run allocated nothing)") }
        if let stale = summary.staleRun { print("\nwarning: \(stale.forCommandLine)") }
        if summary.newerRun {
            print("\nrun \(summary.currentRunId ?? 0) is newer than the documents: `allot adjustments --period \(summary.period)` shows what changes")
        }
    }
}
