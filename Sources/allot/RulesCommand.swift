import AllotCore
import AllotStore
import ArgumentParser
import Foundation

/// `allot rules [history]`, `allot rules show VERSION [--format yaml|json] [--source]`.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List rule-set versions, or show one.",
        subcommands: [History.self, Show.self],
        defaultSubcommand: History.self
    )

    /// `allot rules history [--json]`.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List rule-set versions, oldest first; * marks the one in force for the current month.")

        @OptionGroup var options: GlobalOptions
        @Flag(help: "JSON output.") var json = false

        func run() async throws {
            let versions = try await options.withClient(maxConnections: 1) { client, logger in
                try await RuleSets(client: client, logger: logger).history()
            }
            if json {
                Swift.print(try JSONOutput.encode(versions))
                return
            }
            guard !versions.isEmpty else {
                Swift.print("no rule set applied yet; apply one with `allot apply allot.yaml`")
                return
            }
            let now = BillingPeriod(containing: Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
            let current = versions.filter { $0.effectiveFrom <= now }.map(\.version).max()
            Swift.print("version    effective from  applied at (UTC)      applied by        sha256        note")
            for version in versions {
                let appliedAt = Timestamp(secondsSinceEpoch: version.appliedAt.secondsSinceEpoch)
                Swift.print(
                    [
                        TextLayout.right(String(version.version), 7) + (version.version == current ? " *" : "  "),
                        TextLayout.pad(RuleSets.label(version.effectiveFrom), 14), TextLayout.pad(appliedAt.description, 20),
                        TextLayout.pad(version.appliedBy, 16), String(version.sha256.prefix(12)), version.note ?? "",
                    ].joined(separator: "  "))
            }
        }
    }

    /// `allot rules show VERSION [--format yaml|json] [--source]`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one rule-set version: the canonical document, or the file as applied (--source).")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case yaml, json
        }

        @OptionGroup var options: GlobalOptions
        @Argument(help: "The version number.") var version: Int
        @Option(help: "yaml or json.") var format: Format = .yaml
        @Flag(help: "Print the document exactly as it was applied instead.") var source = false

        func run() async throws {
            let stored = try await options.withClient(maxConnections: 1) { client, logger in
                try await RuleSets(client: client, logger: logger).version(version)
            }
            if source {
                Swift.print(stored.sourceText, terminator: stored.sourceText.hasSuffix("\n") ? "" : "\n")
                return
            }
            let summary = stored.summary
            let header = "version \(summary.version), effective from \(RuleSets.label(summary.effectiveFrom)), "
                + "applied \(summary.appliedAt) by \(summary.appliedBy)" + (summary.note.map { ": \($0)" } ?? "")
            switch format {
            case .yaml:
                Swift.print("# " + header)
                Swift.print(try ConfigurationText.yaml(stored.configuration), terminator: "")
            case .json:
                Swift.print(try ConfigurationText.json(stored.configuration), terminator: "")
            }
        }
    }
}
