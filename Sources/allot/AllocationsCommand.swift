import AllotCore
import AllotStore
import ArgumentParser

/// `allot allocations [--period YYYY-MM] [--json]`.
struct AllocationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocations",
        abstract: "List allocation runs (newest first); the current run of each period is marked."
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this billing period (YYYY-MM).") var period: String?
    @Flag(help: "JSON output.") var json = false

    func run() async throws {
        let billingPeriod = try period.map { text in
            guard let parsed = BillingPeriod(text) else { throw ValidationError("--period: '\(text)' is not YYYY-MM") }
            return parsed
        }
        let runs = try await options.withClient(maxConnections: 1) { client, _ in
            try await AllocationRun.list(period: billingPeriod, client)
        }
        if json {
            print(try JSONOutput.encode(runs))
            return
        }
        // The current run of a period is its newest succeeded one; runs are listed newest first.
        var periodsWithCurrent = Set<String>()
        print("   id  period   status     rule set  basis          rows  created               orgs / note")
        for run in runs {
            var current = false
            if run.status == .succeeded, periodsWithCurrent.insert(run.period).inserted { current = true }
            let note = run.error ?? run.organizations.joined(separator: ", ")
            print(
                [
                    TextLayout.right(String(run.id), 5), TextLayout.pad(run.period, 7),
                    TextLayout.pad("\(run.status)\(current ? "*" : "")", 10), TextLayout.right("v\(run.ruleSetVersion)", 8),
                    TextLayout.pad(run.costBasis.rawValue, 13), TextLayout.right(run.ledgerRows.map(String.init) ?? "-", 5),
                    TextLayout.pad(run.createdAt, 20), note,
                ].joined(separator: "  "))
        }
        if !periodsWithCurrent.isEmpty { print("* current run of its period") }
    }
}
