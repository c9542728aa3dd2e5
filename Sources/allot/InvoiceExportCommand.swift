import AllotCore
import AllotStore
import ArgumentParser
import Foundation

/// `allot invoice export --period YYYY-MM [--bu BU] --format json|csv|html --out DIR`.
struct InvoiceExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one file per invoice (and memo) plus an index file into a directory.",
        discussion: """
            JSON follows schemas/invoice.schema.json; CSV has one row per invoice line (UTF-8, RFC 4180, text cells \
            that could run as spreadsheet formulas prefixed with '); HTML is a self-contained printable page. A closed \
            period's documents are written exactly as they were issued.
            """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "The billing period (YYYY-MM).") var period: String
    @Option(help: "Only the documents addressed to this BU.") var bu: String?
    @Option(help: "json, csv or html.") var format: String
    @Option(help: "The directory to write into (created if needed).") var out: String

    func validate() throws {
        guard InvoiceFormat(format) != nil else {
            throw ValidationError("--format: \(InvoiceFormat.names.joined(separator: ", ")), not '\(format)'")
        }
    }

    func run() async throws {
        let billingPeriod = try InvoiceCommand.period(period)
        guard let fileFormat = InvoiceFormat(format) else { throw ValidationError("--format: unknown format") }
        let files = try await options.withClient { client, logger in
            try await Invoices(client: client, logger: logger).files(period: billingPeriod, bu: bu, format: fileFormat)
        }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in files {
            try Data(file.bytes).write(to: directory.appendingPathComponent(file.name), options: .atomic)
        }
        print("wrote \(files.count - 1) document\(files.count == 2 ? "" : "s") and \(files.last?.name ?? "an index") to \(directory.path)")
    }
}
