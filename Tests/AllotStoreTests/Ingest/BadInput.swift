import AllotStore
import Foundation

/// One kind of broken delivery, the file that shows it, and the message it must produce.
enum BadInput: String, CaseIterable, Sendable {
    case unparsableCost, emptyFile, headerOnly, duplicateColumn, missingColumns, truncatedGzip, outsidePeriod, missingManifestFile

    var code: IngestError.Code {
        switch self {
        case .outsidePeriod: .outsideBillingPeriod
        default: .unreadable
        }
    }

    /// A fragment of the message (FILE stands for the file's path).
    var expected: String {
        switch self {
        case .unparsableCost: "FILE:3: column 'lineItem/UnblendedCost': \"12,5\" is not a number"
        case .emptyFile: "empty"
        case .headerOnly: "no rows"
        case .duplicateColumn: "lineItem/UsageAmount"
        case .missingColumns: "lineItem/UnblendedCost"
        case .truncatedGzip: "truncated gzip"
        case .outsidePeriod: "rows outside the billing period 2026-06: 2026-07 (1 rows)"
        case .missingManifestFile: "missing-1.csv.gz"
        }
    }

    func write() throws -> String {
        switch self {
        case .unparsableCost:
            var rows = TinyCUR.hourly(3, cost: "1")
            rows[1].cost = "\"12,5\""
            return try TinyCUR.write(rows)
        case .emptyFile:
            return try Self.file("", name: "empty.csv")
        case .headerOnly:
            return try Self.file(TinyCUR.header.joined(separator: ",") + "\n", name: "header.csv")
        case .duplicateColumn:
            let text = TinyCUR.text(TinyCUR.hourly(2, cost: "1"))
                .replacingOccurrences(of: "lineItem/ProductCode", with: "lineItem/UsageAmount")
            return try Self.file(text, name: "duplicate.csv")
        case .missingColumns:
            let text = TinyCUR.text(TinyCUR.hourly(2, cost: "1"))
                .replacingOccurrences(of: "lineItem/UnblendedCost", with: "lineItem/SomethingElse")
            return try Self.file(text, name: "missing.csv")
        case .truncatedGzip:
            let text = TinyCUR.text(TinyCUR.hourly(2_000, cost: "1"))
            let plain = try Self.file(text, name: "whole.csv")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["gzip", "-k", plain]
            try process.run()
            process.waitUntilExit()
            let gzip = try Data(contentsOf: URL(fileURLWithPath: plain + ".gz"))
            let cut = plain + ".cut.csv.gz"
            try gzip.prefix(gzip.count / 2).write(to: URL(fileURLWithPath: cut))
            return cut
        case .outsidePeriod:
            var rows = TinyCUR.hourly(3, cost: "1")
            rows[2].period = "2026-07-01T00:00:00Z"
            rows[2].start = "2026-07-01T00:00:00Z"
            return try TinyCUR.write(rows)
        case .missingManifestFile:
            let manifest = """
                {"assemblyId": "a1", "billingPeriod": {"start": "20260601T000000.000Z", "end": "20260701T000000.000Z"},
                 "reportKeys": ["prefix/report/20260601-20260701/a1/missing-1.csv.gz"]}
                """
            return try Self.file(manifest, name: "report-Manifest.json")
        }
    }

    private static func file(_ text: String, name: String) throws -> String {
        let directory = NSTemporaryDirectory() + "allot-bad-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
