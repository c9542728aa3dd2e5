import AllotCore
import AllotStore
import AllotTestSupport
import Foundation
import Testing

/// `schemas/allot-config.schema.json` against documents, with python3's `jsonschema` (Draft 2020-12). The
/// test needs python3 and the module (`python3-jsonschema`; `make test` installs it) and fails, saying so,
/// without them.
@Suite struct ConfigSchemaTests {
    @Test func documentationExampleMatchesTheSchema() throws {
        let errors = try SchemaCheck.errors([try ConfigurationFormat.yaml.read(ConfigExample.yaml)])
        #expect(errors == [[]])
    }

    /// The rule sets that ship — the demo's `allot.example.yaml` and the benchmark's — match the schema and load.
    @Test(arguments: ["allot.example.yaml", "scripts/bench/allot.bench.yaml"])
    func shippedRuleSetsMatchTheSchemaAndLoad(path: String) throws {
        let text = try String(contentsOfFile: ProjectPaths.root + "/" + path, encoding: .utf8)
        #expect(try SchemaCheck.errors([try ConfigurationFormat.yaml.read(text)]) == [[]])
        let configuration = try ConfigurationFormat.yaml.load(text)
        try configuration.validate()
        #expect(!configuration.rules.isEmpty && !configuration.sharedCosts.isEmpty)
    }

    @Test func brokenDocumentsDoNotMatchTheSchema() throws {
        let broken: [(yaml: String, error: String)] = [
            (BrokenDocument.document("rules:\n  - { match: { tagz: { user_team: [web] } }, bu: web }\n"),
             "rules[0].match: Additional properties are not allowed ('tagz' was unexpected)"),
            (BrokenDocument.document("policies: { cost-basis: amortised }\n"),
             "policies.cost-basis: 'amortised' is not one of ['unblended', 'amortized', 'net-amortized']"),
            (BrokenDocument.document(
                "holding-accounts:\n  - { account: \"333333333333\", bu: finops, history: [{ org: mgmt, from: 2026-01-01T00:00:00 }] }\n"),
             "holding-accounts[0].history[0].from: '2026-01-01T00:00:00' does not match"),
            (BrokenDocument.sharedCost("    targets: { bus: [web, data] }\n    method: fixed\n"),
             "shared-costs[0]: 'percentages' is a required property"),
            (BrokenDocument.document("rules:\n  - { bu: web, bu-from-tag: { tag: team, values: { w: web } } }\n"),
             "rules[0]: {'bu': 'web', 'bu-from-tag': {'tag': 'team', 'values': {'w': 'web'}}} is valid under each of"),
        ]
        let results = try SchemaCheck.errors(try broken.map { try ConfigurationFormat.yaml.read($0.yaml) })
        for ((_, expected), errors) in zip(broken, results) {
            #expect(errors.contains { $0.hasPrefix(expected) }, "\(expected) not in \(errors)")
        }
    }

    @Test func documentsTheLoaderCallsMalformedDoNotMatchTheSchema() throws {
        let documents = BrokenDocument.malformed
        let results = try SchemaCheck.errors(try documents.map { try ConfigurationFormat.yaml.read($0.yaml) })
        for (document, errors) in zip(documents, results) {
            #expect(errors != [], "\(document.name) matches the schema")
        }
    }
}

/// Runs python3 `jsonschema` over documents.
enum SchemaCheck {
    static let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 has no jsonschema module: install python3-jsonschema (scripts/prereqs.sh does)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        def path(error):
            text = ""
            for step in error.absolute_path:
                text += "[%d]" % step if isinstance(step, int) else ("." if text else "") + step
            return text or "(document)"
        for index, document in enumerate(json.load(sys.stdin)):
            for error in sorted(validator.iter_errors(document), key=path):
                print("%d\\t%s: %s" % (index, path(error), error.message.replace("\\n", " ")))
        """

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The schema's errors for each document, `path: message` each (paths written as Allot writes them); empty
    /// for a document that matches. One python3 process checks them all. `schema` is a file of `schemas/`.
    static func errors(_ documents: [ConfigValue], schema: String = "allot-config.schema.json") throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, ProjectPaths.root + "/schemas/" + schema]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run python3 (needed to check the JSON Schema): \(error)")
        }
        input.fileHandleForWriting.write(Data(ConfigValue.list(documents.map { ConfigValue.Item($0) }).jsonText.utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0:
            var errors = [[String]](repeating: [], count: documents.count)
            for line in printed.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, let index = Int(parts[0]), errors.indices.contains(index) else {
                    throw Failure(description: "unexpected output from python3: \(line)")
                }
                errors[index].append(String(parts[1]))
            }
            return errors
        case 127:
            throw Failure(description: "python3 is not installed; the JSON Schema test needs python3 with jsonschema")
        default:
            throw Failure(description: "python3 jsonschema failed (exit \(process.terminationStatus)): \(printed)\(complaints)")
        }
    }
}
