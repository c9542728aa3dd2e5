import AllotCore
import AllotStore
import ArgumentParser
import Foundation

/// `allot ingest [--org ORG] PATH…`: load one CUR delivery.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load one CUR delivery (files, a directory, or a manifest), replacing its organization's billing period.",
        discussion: """
            PATH is a .csv or .csv.gz file, several files, a directory, or a manifest (legacy <name>-Manifest.json \
            or CUR 2.0). Legacy CUR, Athena-style and CUR 2.0 column names are accepted. The delivery replaces the \
            (organization, billing period) it covers atomically; identical files again are a no-op.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "The organization; default: the one whose payer account the rows name.")
    var org: String?

    @Flag(help: "Register an unknown payer as a new organization.")
    var createOrg = false

    @Flag(inversion: .prefixedNo, help: "Wait for a running ingest of the same organization and period (else fail at once).")
    var wait = true

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print a machine-readable summary (JSON) on standard output.")
    var json = false

    @Argument(help: "Files, a directory, or a manifest.")
    var paths: [String]

    func run() async throws {
        let request = IngestRequest(paths: paths, organization: org, createOrganization: createOrg, wait: wait)
        let bar = (!quiet && !json && isatty(STDERR_FILENO) == 1) ? ProgressBar() : nil
        var report: (@Sendable (IngestProgress) -> Void)? = nil
        if let bar { report = { progress in bar.show(progress) } }
        let outcome = try await options.withClient { client, logger in
            try await DeliveryIngest(client: client, logger: logger).ingest(request, progress: report)
        }
        bar?.finish()
        if json {
            print(try JSONOutput.encode(outcome))
        } else if !quiet {
            IngestReport(outcome: outcome).print()
        }
    }
}
