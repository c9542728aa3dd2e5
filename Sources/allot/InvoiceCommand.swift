import AllotCore
import AllotStore
import ArgumentParser

/// `allot invoice list|show|export`: the invoices of a period, per business unit.
struct InvoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "List, show and export the invoices of a billing period, one per business unit.",
        discussion: """
            An open period's invoices are drafts computed from its current allocation run (numbered DRAFT); once the \
            period is closed (`allot close`), its final invoices and adjustment memos are shown exactly as issued. \
            Which BUs get an invoice of their own follows `invoices.level` in the configuration.
            """,
        subcommands: [InvoiceListCommand.self, InvoiceShowCommand.self, InvoiceExportCommand.self]
    )

    /// A `--period` value, or a validation error naming the flag.
    static func period(_ text: String) throws -> BillingPeriod {
        guard let period = BillingPeriod(text) else { throw ValidationError("--period: '\(text)' is not YYYY-MM") }
        return period
    }
}
