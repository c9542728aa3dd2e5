import AllotCore
import AllotStore
import ArgumentParser
import Postgres

/// `allot close --period YYYY-MM [--adjustments] [--issue-date YYYY-MM-DD] [--json]`.
struct CloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a billing period: issue its invoices as final, numbered documents.",
        discussion: """
            Takes the period's current (latest successful) allocation run and issues one final invoice per invoiced BU, \
            numbered ALLOT-<year>-<000001…> from a gap-free sequence per year of issue. Final documents can never be \
            changed. Closing a closed period does nothing and says so. With --adjustments, after AWS restated a closed \
            period and it was allocated again, issues credit and debit memos for what changed (see `allot adjustments`).
            """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "The billing period (YYYY-MM).") var period: String
    @Flag(help: "Issue adjustment memos for a closed period instead of closing it.") var adjustments = false
    @Option(help: "The issue date (YYYY-MM-DD, default today in UTC); its year names the number sequence.") var issueDate: String?
    @Flag(help: "Print the outcome as JSON.") var json = false

    func run() async throws {
        let billingPeriod = try InvoiceCommand.period(period)
        let date = try issueDate.map { text in
            do { return try LocalDate(parsing: text) } catch { throw ValidationError("--issue-date: '\(text)' is not YYYY-MM-DD") }
        }
        let actor = options.actor
        let outcome = try await options.withClient { client, logger in
            let invoices = Invoices(client: client, logger: logger)
            return adjustments
                ? try await invoices.issueAdjustments(period: billingPeriod, issuedBy: actor, issueDate: date)
                : try await invoices.close(period: billingPeriod, issuedBy: actor, issueDate: date)
        }
        if json {
            print(try JSONOutput.encode(outcome))
            return
        }
        print(outcome.message.forCommandLine)
        for entry in outcome.documents {
            print(
                "  \(TextLayout.pad(entry.number, 18))  \(TextLayout.pad(entry.kind, 11))  \(TextLayout.pad(entry.businessUnit, 20))  "
                    + "\(TextLayout.right(entry.total, 14)) \(entry.currency)" + (entry.adjusts.map { "  adjusts \($0)" } ?? ""))
        }
    }
}
