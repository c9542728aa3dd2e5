import AllotStore
import ArgumentParser
import Foundation

/// `allot tokens create|list|revoke`: the bearer tokens of the HTTP API.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Create, list and revoke API tokens.",
        discussion: """
            A token is printed once, when it is created; only its SHA-256 is stored. Roles: admin (everything), \
            finance (invoices, ledger, adjustments, reconciliation of its business units and their descendants), \
            planner (costs and commitments of every business unit), reader (read-only, its business units). \
            Creating and revoking are written to the audit log. See docs/api.md.
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )
}

extension TokensCommand {
    /// `allot tokens create --name N --role ROLE [--bu BU …]`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it (once).")

        @OptionGroup var options: GlobalOptions

        @Option(help: "A name for the token (letters, digits, _ . @ -), unique among active tokens.")
        var name: String

        @Option(help: "admin, finance, planner or reader.")
        var role: String

        @Option(name: .customLong("bu"), help: "A business unit a finance or reader token is limited to (repeatable).")
        var businessUnits: [String] = []

        @Flag(help: "Print the token alone, for scripts.")
        var quiet = false

        func run() async throws {
            guard let role = APIRole(role) else {
                throw ValidationError("--role must be admin, finance, planner or reader")
            }
            // An APITokenError's message is printed as it is ("Error: …") and the exit code is 1.
            let created = try await options.withClient(maxConnections: 1) { client, logger in
                try await APITokens(client: client, logger: logger).create(
                    name: name, role: role, businessUnits: businessUnits, actor: options.actor)
            }
            if quiet {
                print(created.secret.text)
                return
            }
            let scope = created.record.businessUnits.isEmpty ? "" : " for \(created.record.businessUnits.joined(separator: ", "))"
            print("created \(role) token '\(name)'\(scope); it is shown only now:")
            print("")
            print("  \(created.secret.text)")
            print("")
            print("use it as: curl -H 'Authorization: Bearer \(created.secret.text)' http://127.0.0.1:8080/v1/…")
        }
    }

    /// `allot tokens list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens: name, role, business units, created, last used, revoked.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let tokens = try await options.withClient(maxConnections: 1) { client, logger in
                try await APITokens(client: client, logger: logger).list()
            }
            let formatter = ISO8601DateFormatter()
            func date(_ value: Date?) -> String { value.map { formatter.string(from: $0) } ?? "-" }
            print("name                  role     business units        created               last used             revoked")
            for token in tokens {
                print(
                    [
                        TextLayout.pad(token.name, 20), TextLayout.pad(token.role.description, 7),
                        TextLayout.pad(token.businessUnits.isEmpty ? "(all)" : token.businessUnits.joined(separator: ","), 20),
                        TextLayout.pad(date(token.createdAt), 20), TextLayout.pad(date(token.lastUsedAt), 20), date(token.revokedAt),
                    ].joined(separator: "  "))
            }
        }
    }

    /// `allot tokens revoke NAME`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the active token of that name.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The token's name.")
        var name: String

        func run() async throws {
            _ = try await options.withClient(maxConnections: 1) { client, logger in
                try await APITokens(client: client, logger: logger).revoke(name: name, actor: options.actor)
            }
            print("revoked token '\(name)'")
        }
    }
}
