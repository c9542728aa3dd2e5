import AllotCore
import AllotStore
import ArgumentParser
import Foundation

/// `allot ledger --period YYYY-MM [--bu BU] [--by account|product|category] [--format table|csv|json]`.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Show the current allocation of a period per BU, with subtotals rolling up the BU tree.",
        discussion: """
            Reads the period's current run (its latest successful `allot allocate`). Each BU shows its own rows \
            broken down by --by and a subtotal that includes every BU below it. Table amounts are shown to the \
            cent; CSV and JSON carry the exact ledger amounts.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @OptionGroup var options: GlobalOptions
    @Option(help: "The billing period (YYYY-MM).") var period: String
    @Option(help: "Only this BU and the BUs below it.") var bu: String?
    @Option(help: "Break each BU down by: \(LedgerDimension.names.joined(separator: ", ")).") var by = "category"
    @Option(help: "table, csv or json.") var format: Format = .table

    func run() async throws {
        guard let billingPeriod = BillingPeriod(period) else { throw ValidationError("--period: '\(period)' is not YYYY-MM") }
        guard let dimension = LedgerDimension(by) else {
            throw ValidationError("--by: '\(by)' is not one of \(LedgerDimension.names.joined(separator: ", "))")
        }
        let (run, totals) = try await options.withClient(maxConnections: 1) { client, _ in
            let run = try await AllocationRun.requireCurrent(period: billingPeriod, client)
            return (run, try await AllocationLedger.totals(run: run.id, by: dimension, client))
        }
        let tree = run.businessUnits ?? BusinessUnitTree(nodes: [])
        if let bu, !tree.contains(bu) {
            throw ValidationError("--bu: run \(run.id) has no BU '\(bu)' (BUs: \(tree.nodes.map(\.id).joined(separator: ", ")))")
        }
        let rollup = LedgerRollup(totals: totals, tree: tree, root: bu)
        switch format {
        case .json:
            print(
                try JSONOutput.encode(
                    LedgerOutput(
                        run: run.id, period: run.period, ruleSetVersion: run.ruleSetVersion,
                        costBasis: run.costBasis.rawValue, by: dimension.description, businessUnits: rollup.units, total: rollup.total)))
        case .csv:
            printCSV(rollup, dimension: dimension)
        case .table:
            printTable(rollup, run: run, dimension: dimension)
        }
    }

    private func printTable(_ rollup: LedgerRollup, run: AllocationRun, dimension: LedgerDimension) {
        print("ledger \(run.period) · run \(run.id) · rule set v\(run.ruleSetVersion) · \(run.costBasis.rawValue) basis")
        print("")
        print("\(TextLayout.pad("BU / \(dimension)", 60))  \(TextLayout.right("amount", 16))")
        for unit in rollup.units {
            let indent = String(repeating: "  ", count: unit.depth)
            let title = unit.name == unit.id ? unit.id : "\(unit.id) (\(unit.name))"
            print("\(TextLayout.pad(indent + title, 60))  \(TextLayout.right(unit.subtotal.formatted(places: 2), 16))")
            for line in unit.lines {
                let key = line.key.isEmpty ? "-" : line.key
                print("\(TextLayout.pad(indent + "    " + key, 60))  \(TextLayout.right(line.amount.formatted(places: 2), 16))")
            }
        }
        print("\(TextLayout.pad("total", 60))  \(TextLayout.right(rollup.total.formatted(places: 2), 16))")
    }

    private func printCSV(_ rollup: LedgerRollup, dimension: LedgerDimension) {
        print(["bu", "parent", "depth", "row", dimension.description, "amount"].joined(separator: ","))
        for unit in rollup.units {
            let prefix = [Self.csv(unit.id), Self.csv(unit.parent ?? ""), String(unit.depth)]
            print((prefix + ["subtotal", "", unit.subtotal.description]).joined(separator: ","))
            for line in unit.lines {
                print((prefix + ["line", Self.csv(line.key), line.amount.description]).joined(separator: ","))
            }
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    private static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// `allot ledger --format json`.
private struct LedgerOutput: Encodable {
    var run: Int
    var period: String
    var ruleSetVersion: Int
    var costBasis: String
    var by: String
    var businessUnits: [LedgerRollup.Unit]
    var total: Amount

    enum CodingKeys: String, CodingKey {
        case run, period
        case ruleSetVersion = "rule_set_version"
        case costBasis = "cost_basis"
        case by
        case businessUnits = "business_units"
        case total
    }
}
