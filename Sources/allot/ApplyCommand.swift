import AllotCore
import AllotStore
import ArgumentParser
import Foundation

/// `allot apply FILE [--effective-from YYYY-MM] [--dry-run] [--json]`.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Validate a configuration file and store it as a new rule-set version.",
        discussion: """
            FILE is allot.yaml (a .json file is read as JSON). Every problem is listed with its path in the \
            file (rules[3].bu: unknown BU 'ops') and the exit code is 1; otherwise the changes against the rule \
            set in force at the effective period are shown and a new version is stored (never edited later). \
            The rule set in force for a period is the highest version effective from that period or earlier.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The configuration file.")
    var file: String

    @Option(help: """
        First billing period the version applies to (YYYY-MM). Default: every period for the first version, \
        the current month (UTC) for later ones.
        """)
    var effectiveFrom: String?

    @Flag(help: "Validate and show the changes, but store nothing.")
    var dryRun = false

    @Option(help: "A note kept with the version (shown by `allot rules history`).")
    var note: String?

    @Option(help: "Who applies, as recorded with the version; default: $USER.")
    var appliedBy: String?

    @Flag(help: "Print the result (or the issues) as JSON on standard output.")
    var json = false

    func run() async throws {
        let period = try effectiveFrom.map { text in
            guard let parsed = BillingPeriod(text) else { throw ValidationError("--effective-from: '\(text)' is not YYYY-MM") }
            return parsed
        }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(file): \(error.localizedDescription)")
        }
        let configuration: AllotConfiguration
        do {
            configuration = try ConfigurationFormat.forFile(file).load(text)
        } catch {
            report(error)
            throw ExitCode(1)
        }
        let appliedBy = appliedBy ?? options.operatorName
        let result: ApplyResult
        do {
            result = try await options.withClient(maxConnections: 2) { client, logger in
                try await RuleSets(client: client, logger: logger).apply(
                    configuration, sourceText: text, effectiveFrom: period, dryRun: dryRun, appliedBy: appliedBy, note: note)
            }
        } catch let error as ConfigurationError {
            report(error)
            throw ExitCode(1)
        }
        if json {
            Swift.print(try JSONOutput.encode(result))
        } else {
            show(result)
        }
    }

    /// Prints every issue, `FILE:LINE: path: message`, on standard error (or as JSON on standard output).
    private func report(_ error: ConfigurationError) {
        if json, let text = try? JSONOutput.encode(InvalidDocument(issues: error.issues)) {
            Swift.print(text)
            return
        }
        let lines = error.issues.map { issue in
            "\(file)\(issue.line.map { ":\($0)" } ?? ""): \(issue)"
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        let count = error.issues.count
        FileHandle.standardError.write(Data("\(file): \(count) issue\(count == 1 ? "" : "s"); nothing was applied\n".utf8))
    }

    /// The `--json` answer for a document that was refused.
    private struct InvalidDocument: Encodable {
        var status = "invalid"
        var issues: [ConfigIssue]
    }

    private func show(_ result: ApplyResult) {
        let from = RuleSets.label(result.effectiveFrom)
        if let base = result.baseVersion {
            Swift.print("changes against version \(base) (in force for \(from)):")
        } else {
            Swift.print("changes (no rule set in force for \(from) yet):")
        }
        Swift.print(result.diff.isEmpty ? "  (none)" : result.diff.changes.map { "  \($0)" }.joined(separator: "\n"))
        if !result.warnings.isEmpty {
            Swift.print("warnings:")
            for warning in result.warnings { Swift.print("  \(warning)") }
        }
        let sha = String(result.sha256.prefix(12))
        switch result.status {
        case .dryRun:
            Swift.print("dry run: nothing stored (would be a new version effective from \(from), sha256 \(sha))")
        case .unchanged:
            Swift.print("unchanged: version \(result.version ?? 0) is this file and in force for \(from); nothing stored")
        default:
            Swift.print("applied: version \(result.version ?? 0), effective from \(from), sha256 \(sha)")
        }
    }
}
