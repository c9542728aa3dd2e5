import AllotStore
import ArgumentParser
import Foundation

/// `allot audit list|verify`: the audit log and its hash chain.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "List the audit log, or verify its hash chain.",
        discussion: """
            The audit log is append-only (the database refuses UPDATE, DELETE and TRUNCATE) and each entry stores the \
            SHA-256 of the previous entry's hash and its own content, so an entry changed or deleted behind the \
            triggers' back breaks the chain. See README, "Security model".
            """,
        subcommands: [List.self, Verify.self],
        defaultSubcommand: List.self
    )
}

extension AuditCommand {
    /// `allot audit list [--limit N] [--before ID]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List entries, newest first: id, time, actor, action, outcome, parameters.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "At most this many entries.")
        var limit = 50

        @Option(help: "Only entries older than this entry id.")
        var before: Int?

        func run() async throws {
            let entries = try await options.withClient(maxConnections: 1) { client, _ in
                try await AuditLog(client: client).entries(before: before, limit: limit)
            }
            let formatter = ISO8601DateFormatter()
            for entry in entries {
                let event = entry.event
                let parameters = event.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                print(
                    [
                        TextLayout.right(String(entry.id), 6), formatter.string(from: entry.at), TextLayout.pad(event.actor, 20),
                        TextLayout.pad(event.action, 24), TextLayout.pad(event.outcome.description, 7), parameters,
                    ].joined(separator: "  "))
            }
        }
    }

    /// `allot audit verify`: exit code 0 when the chain is intact, 1 at the first broken link.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the audit log's hash chain; name the first broken link (exit code 1) or say it is intact.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let report = try await options.withClient(maxConnections: 1) { client, _ in
                try await AuditLog(client: client).verifyChain()
            }
            if let broken = report.firstBreak {
                print("audit log: chain broken at \(broken)")
                throw ExitCode(1)
            }
            let noun = report.entries == 1 ? "entry" : "entries"
            print("\(report.entries) \(noun), chain intact\(report.lastHash.map { " (last hash \($0))" } ?? "")")
        }
    }
}
