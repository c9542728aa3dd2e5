import AllotCore
import AllotStore
import ArgumentParser

/// `allot adjustments --period YYYY-MM [--json]`.
struct AdjustmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjustments",
        abstract: "Show what a closed period's current run changes against what was invoiced, per BU and line.",
        discussion: """
            Compares the current (latest successful) run, rounded exactly as invoices are, with what the final \
            documents invoiced (the invoice plus earlier memos), line by line. Each BU with a change gets a draft credit \
            memo (the changes sum below zero) or debit memo; `allot close --period P --adjustments` issues them.
            """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "The billing period (YYYY-MM).") var period: String
    @Flag(help: "Print the draft memos as JSON.") var json = false

    func run() async throws {
        let billingPeriod = try InvoiceCommand.period(period)
        let preview = try await options.withClient { client, logger in
            try await Invoices(client: client, logger: logger).adjustments(period: billingPeriod)
        }
        if json {
            print(try JSONOutput.encode(preview))
            return
        }
        if let stale = preview.staleRun { print("warning: \(stale.forCommandLine)\n") }
        let invoiced = preview.invoicedRunId.map { "run \($0)" } ?? "the closing run"
        guard !preview.memos.isEmpty else {
            print("\(preview.period): nothing to adjust; run \(preview.runId) gives every BU exactly what was invoiced (\(invoiced))")
            return
        }
        print("\(preview.period): run \(preview.runId) against what was invoiced (\(invoiced)):")
        print("")
        for memo in preview.memos {
            let lines = memo.flatLines.count
            print(
                "  \(TextLayout.pad(memo.businessUnit.id, 20))  \(TextLayout.pad(memo.kind.rawValue, 11))  "
                    + "\(TextLayout.right(memo.total.description, 14)) \(memo.currency.code)  \(lines) line\(lines == 1 ? "" : "s")"
                    + (memo.adjusts.map { "  adjusts \($0.number)" } ?? ""))
        }
        for memo in preview.memos {
            print("")
            print(InvoiceText.render(memo), terminator: "")
        }
        print("\nissue them with `allot close --period \(preview.period) --adjustments`")
    }
}
