import AllotStore
import Foundation
import Testing

/// One kind of broken delivery, the file that shows it, and the message it must produce.
enum BadInput: String, CaseIterable, Sendable {
    case unparsableCost, emptyFile, headerOnly, duplicateColumn, missingColumns, truncatedGzip, outsidePeriod, missingManifestFile
    case usageAfterPeriod, usageBeforePeriod, nulByte, invalidUTF8, shortAccountId, letterInPayerId

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
        case .usageAfterPeriod:
            "FILE:4: column 'lineItem/UsageStartDate': usage starting 2026-07-01T00:00:00Z is outside the billing period "
                + "2026-06 (bill/BillingPeriodStartDate)"
        case .usageBeforePeriod:
            "FILE:2: column 'lineItem/UsageStartDate': usage starting 2026-05-31T23:00:00Z is outside the billing period "
                + "2026-06 (bill/BillingPeriodStartDate)"
        case .nulByte: "FILE:3: column 'lineItem/ProductCode': a NUL byte"
        case .invalidUTF8: "FILE:3: column 'resourceTags/user:team': invalid UTF-8 (byte 0xFF)"
        case .shortAccountId: "FILE:2: column 'lineItem/UsageAccountId': \"22222222222\" is not an AWS account id (12 digits)"
        case .letterInPayerId: "FILE:3: column 'bill/PayerAccountId': \"11111111111I\" is not an AWS account id (12 digits)"
        }
    }

    func write() throws -> String {
        switch self {
        case .unparsableCost:
            return try Self.threeHours { $0[1].cost = "\"12,5\"" }
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
            return try Self.threeHours {
                $0[2].period = "2026-07-01T00:00:00Z"
                $0[2].start = "2026-07-01T00:00:00Z"
            }
        case .missingManifestFile:
            let manifest = """
                {"assemblyId": "a1", "billingPeriod": {"start": "20260601T000000.000Z", "end": "20260701T000000.000Z"},
                 "reportKeys": ["prefix/report/20260601-20260701/a1/missing-1.csv.gz"]}
                """
            return try Self.file(manifest, name: "report-Manifest.json")
        case .usageAfterPeriod:
            return try Self.threeHours { $0[2].start = "2026-07-01T00:00:00Z" }
        case .usageBeforePeriod:
            return try Self.threeHours { $0[0].start = "2026-05-31T23:00:00Z" }
        case .nulByte:
            return try Self.threeHours { $0[1].product = "Amazon\u{0}EC2" }
        case .invalidUTF8:
            var rows = TinyCUR.hourly(3, cost: "1")
            rows[1].team = "web@@"
            let bytes = Array(TinyCUR.text(rows).utf8)
            let at = try #require(bytes.firstRange(of: Array("@@".utf8)))
            return try Self.file(bytes: bytes[..<at.lowerBound] + [0xFF] + bytes[at.upperBound...], name: "latin1.csv")
        case .shortAccountId:
            return try Self.threeHours { $0[0].account = "22222222222" }
        case .letterInPayerId:
            return try Self.threeHours { $0[1].payer = "11111111111I" }
        }
    }

    /// Three hourly rows costing 1 each, changed by `change`, written as a legacy CUR.
    private static func threeHours(_ change: (inout [TinyCUR.Row]) -> Void) throws -> String {
        var rows = TinyCUR.hourly(3, cost: "1")
        change(&rows)
        return try TinyCUR.write(rows)
    }

    private static func file(_ text: String, name: String) throws -> String {
        try file(bytes: Array(text.utf8), name: name)
    }

    private static func file(bytes: some Sequence<UInt8>, name: String) throws -> String {
        let directory = NSTemporaryDirectory() + "allot-bad-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
