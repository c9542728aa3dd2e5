import AllotCore
import AllotStore
import ArgumentParser

/// `allot allocate --period YYYY-MM [--org ORG…] [--json]`.
struct AllocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Allocate a billing period to business units with the rule set in force for it.",
        discussion: """
            Creates a new run: every line item of the period's current deliveries goes to a BU (mapping rules, \
            then the commitment, savings, credit and shared-cost policies). For every organization the ledger \
            must sum exactly to the line items on the cost basis, else the run fails and stores nothing. The \
            latest successful run of a period is the one `allot ledger` shows.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: "The billing period (YYYY-MM).")
    var period: String

    @Option(name: .customLong("org"), help: "Only this organization (repeatable); default: every organization with data.")
    var organizations: [String] = []

    @Flag(help: "Print the run as JSON.")
    var json = false

    func run() async throws {
        guard let billingPeriod = BillingPeriod(period) else { throw ValidationError("--period: '\(period)' is not YYYY-MM") }
        let run = try await options.withClient { client, logger in
            try await AllocationRunner(client: client, logger: logger)
                .run(period: billingPeriod, organizations: organizations.isEmpty ? nil : organizations)
        }
        if json {
            print(try JSONOutput.encode(run))
        } else {
            Self.report(run)
        }
    }

    static func report(_ run: AllocationRun) {
        let deliveries = run.inputDeliveries.map { "\($0.org) #\($0.delivery)" }.joined(separator: ", ")
        print(
            "run \(run.id) \(run.status): \(run.period), rule set v\(run.ruleSetVersion), \(run.costBasis.rawValue) basis, "
                + "\(run.ledgerRows ?? 0) ledger rows")
        print("deliveries: \(deliveries)")
        if let reconciliation = run.reconciliation {
            print("")
            print("\(TextLayout.pad("organization", 20))  \(TextLayout.right("Σ line items", 16))  \(TextLayout.right("Σ ledger", 16))")
            for org in reconciliation.organizations {
                let mark = org.holds ? "reconciled" : "OFF BY \(org.difference)"
                print(
                    "\(TextLayout.pad(org.org, 20))  \(TextLayout.right(org.lineItems.formatted(places: 2), 16))  "
                        + "\(TextLayout.right(org.ledger.formatted(places: 2), 16))  \(mark)")
            }
        }
        if let unmapped = run.unmapped, !unmapped.isEmpty {
            let total = unmapped.map(\.amount).sum()
            print("")
            print("fell to the default BU (\(unmapped[0].bu)), \(total.formatted(places: 2)) in all:")
            for cost in unmapped.prefix(20) {
                print(
                    "  \(TextLayout.pad(cost.org, 16))  \(TextLayout.pad(cost.account, 14))  "
                        + "\(TextLayout.pad(cost.productCode ?? "-", 28))  \(TextLayout.right(cost.amount.formatted(places: 2), 14))")
            }
            if unmapped.count > 20 { print("  … and \(unmapped.count - 20) more (--json lists all)") }
        }
        for warning in run.warnings ?? [] { print("warning: \(warning)") }
    }
}
