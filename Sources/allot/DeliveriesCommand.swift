import AllotCore
import AllotStore
import ArgumentParser

/// `allot deliveries [--org ORG] [--period YYYY-MM]`.
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "List ingested CUR deliveries (newest first), with status, rows and totals."
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this organization.") var org: String?
    @Option(help: "Only this billing period (YYYY-MM).") var period: String?
    @Flag(help: "JSON output.") var json = false

    func run() async throws {
        let billingPeriod = try period.map { text in
            guard let parsed = BillingPeriod(text) else { throw ValidationError("--period: '\(text)' is not YYYY-MM") }
            return parsed
        }
        let deliveries = try await options.withClient(maxConnections: 1) { client, _ in
            try await DeliveryRecord.list(organization: org, period: billingPeriod, client)
        }
        if json {
            print(try JSONOutput.encode(deliveries))
            return
        }
        print("   id  org              period   status      rows        Σ unblended     Σ amortized  note")
        for delivery in deliveries {
            let note = delivery.error ?? delivery.supersedes.map { "replaced \($0)" } ?? ""
            print(
                [
                    TextLayout.right(String(delivery.id), 5), TextLayout.pad(delivery.organization, 16), TextLayout.pad(delivery.billingPeriod, 8),
                    TextLayout.pad(delivery.status, 10), TextLayout.right(delivery.rowCount.map(String.init) ?? "-", 8),
                    TextLayout.right(delivery.unblendedTotal?.formatted(places: 2) ?? "-", 16),
                    TextLayout.right(delivery.amortizedTotal?.formatted(places: 2) ?? "-", 15), note,
                ].joined(separator: "  "))
        }
    }
}
