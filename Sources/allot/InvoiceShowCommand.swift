import AllotCore
import AllotStore
import ArgumentParser

/// `allot invoice show --period YYYY-MM --bu BU [--format text|json|csv|html]`.
struct InvoiceShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the invoice of one BU (and, for a closed period, its adjustment memos).",
        discussion: "Text by default; json, csv and html print what `allot invoice export` writes."
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "The billing period (YYYY-MM).") var period: String
    @Option(help: "The business unit the invoice is addressed to.") var bu: String
    @Option(help: "text, json, csv or html.") var format = "text"

    func validate() throws {
        guard format == "text" || InvoiceFormat(format) != nil else {
            throw ValidationError("--format: text, \(InvoiceFormat.names.joined(separator: ", ")), not '\(format)'")
        }
    }

    func run() async throws {
        let billingPeriod = try InvoiceCommand.period(period)
        if let fileFormat = InvoiceFormat(format) {
            let files = try await options.withClient { client, logger in
                try await Invoices(client: client, logger: logger).files(period: billingPeriod, bu: bu, format: fileFormat)
            }
            // The last file is the index.
            for file in files.dropLast() { print(file.text, terminator: "") }
            return
        }
        let documents = try await options.withClient { client, logger in
            try await Invoices(client: client, logger: logger).documents(period: billingPeriod, bu: bu)
        }
        print(documents.map { InvoiceText.render($0) }.joined(separator: "\n"), terminator: "")
    }
}
