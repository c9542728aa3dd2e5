import AllotCore
import AllotGenerator
import ArgumentParser
import Foundation

/// `allot generate`: synthetic multi-organization CUR deliveries from a scenario or a preset.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic CUR deliveries (one per organization and billing period) and summary.json.",
        discussion: """
            The scenario (YAML) declares organizations, accounts, usage profiles, holding accounts with their RIs and \
            Savings Plans, moves between organizations, credits, EDP, tax and support; presets: small, demo, bench \
            (sized with --rows). The same seed gives byte-identical files. Deliveries go to \
            <out>/<org>/<report>/<yyyymmdd-yyyymmdd>/<assemblyId>/ (legacy-csv) or \
            <out>/<org>/<export>/data/BILLING_PERIOD=YYYY-MM/ (cur2-csv); ingest them with `allot ingest <manifest>`.
            """
    )

    @Option(help: "A scenario file (YAML).")
    var scenario: String?

    @Option(help: "A built-in scenario: small, demo or bench.")
    var preset: String?

    @Option(help: "The output folder.")
    var out: String?

    @Option(help: "Rows to generate (bench preset only; default 1000000).")
    var rows: Int?

    @Option(help: "The seed (default: the scenario's, else 1).")
    var seed: UInt64?

    @Option(help: "legacy-csv or cur2-csv.")
    var format: String = "legacy-csv"

    @Flag(help: "Write the restated deliveries: the late credits AWS adds after the month closed, under new assembly ids.")
    var restated = false

    @Option(help: "Rows per data file before a new numbered file starts.")
    var rowsPerFile: Int = 1_000_000

    @Option(help: "gzip level, 1 (fastest) to 9.")
    var compressionLevel: Int32 = 1

    @Flag(help: "Print the scenario's YAML (e.g. a preset's, to start one's own) and exit.")
    var printScenario = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print the summary (JSON) on standard output.")
    var json = false

    func validate() throws {
        guard (scenario == nil) != (preset == nil) else { throw ValidationError("give either --scenario FILE or --preset NAME") }
        if let preset, ScenarioPreset.named(preset) == nil {
            throw ValidationError("--preset: unknown preset '\(preset)' (\(ScenarioPreset.names.joined(separator: ", ")))")
        }
        guard DeliveryFormat(format) != nil else { throw ValidationError("--format: legacy-csv or cur2-csv, not '\(format)'") }
        if let rows, rows <= 0 { throw ValidationError("--rows must be positive") }
        guard rowsPerFile > 0 else { throw ValidationError("--rows-per-file must be positive") }
        guard (1...9).contains(compressionLevel) else { throw ValidationError("--compression-level is 1 to 9") }
        if !printScenario && out == nil { throw ValidationError("--out DIR is required") }
    }

    func run() throws {
        var yaml: String?
        let loaded: Scenario
        do {
            if let preset, let chosen = ScenarioPreset.named(preset, rows: rows) {
                if rows != nil && !chosen.isSizedByRows {
                    throw ValidationError("--rows applies to the bench preset only")
                }
                yaml = chosen.yaml
                loaded = try chosen.scenario()
            } else if let scenario {
                if rows != nil { throw ValidationError("--rows applies to the bench preset only") }
                loaded = try ScenarioReader.read(contentsOf: scenario)
                if printScenario { yaml = try String(contentsOfFile: scenario, encoding: .utf8) }
            } else {
                throw ValidationError("give either --scenario FILE or --preset NAME")
            }
        } catch let error as ScenarioError {
            throw ValidationError(error.description)
        }
        if printScenario {
            print(yaml ?? "", terminator: "")
            return
        }
        guard let out, let deliveryFormat = DeliveryFormat(format) else { throw ValidationError("--out DIR is required") }
        let options = GeneratorOptions(
            output: out, format: deliveryFormat, seed: seed, restated: restated, rowsPerFile: rowsPerFile,
            compressionLevel: compressionLevel)
        let started = ContinuousClock.now
        let showProgress = !quiet && !json && isatty(STDERR_FILENO) == 1
        let summary: GenerationSummary
        do {
            summary = try CURGenerator(scenario: loaded, options: options).generate { progress in
                guard showProgress else { return }
                let line = "\r\(progress.organization) \(progress.period): \(progress.hoursDone)/\(progress.hours) h, \(progress.rows) rows"
                FileHandle.standardError.write(Data(line.utf8))
            }
        } catch {
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let elapsed = started.duration(to: .now)
        if json {
            print(try JSONOutput.encode(summary))
        } else if !quiet {
            report(summary, elapsed: elapsed, output: out)
        }
    }

    private func report(_ summary: GenerationSummary, elapsed: Duration, output: String) {
        print(
            TextLayout.pad("organization", 14) + TextLayout.pad("period", 9) + TextLayout.right("rows", 11)
                + TextLayout.right("files", 7) + TextLayout.right("invoice total", 18) + "  manifest")
        for delivery in summary.deliveries {
            print(
                TextLayout.pad(delivery.organization, 14) + TextLayout.pad(delivery.billingPeriod, 9)
                    + TextLayout.right(String(delivery.rows), 11) + TextLayout.right(String(delivery.files.count), 7)
                    + TextLayout.right(delivery.invoiceTotal.formatted(places: 2), 18) + "  "
                    + (delivery.manifests.last ?? ""))
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(summary.rows) / seconds) : 0
        print(
            "\(summary.rows) rows (\(summary.format), seed \(summary.seed)\(summary.restated ? ", restated" : "")) in "
                + String(format: "%.1f s", seconds) + ", \(rate) rows/s; summary: \((output as NSString).appendingPathComponent("summary.json"))")
    }
}
