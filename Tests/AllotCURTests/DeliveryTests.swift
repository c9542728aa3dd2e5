import AllotCore
import Foundation
import Testing

@testable import AllotCUR

/// Resolving files, directories and manifests into deliveries.
@Suite struct DeliveryTests {
    static let csv =
        "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost\n"
        + "Usage,111122223333,2023-06-01,1\n"

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func directoryFilesInNaturalOrder() throws {
        let directory = try TestFiles.scratchDirectory()
        for name in ["cur-10.csv", "cur-2.csv", "cur-1.csv", "notes.txt"] {
            try Self.write(Self.csv, to: directory + "/" + name)
        }
        try GzipTests.gzip(rows: 2, into: directory + "/cur-3.csv.gz")
        let delivery = try CURDelivery.resolve(directory)
        #expect(delivery.source == .directory)
        #expect(
            delivery.files.map { FileSystem.name(of: $0.path) } == [
                "cur-1.csv", "cur-2.csv", "cur-3.csv.gz", "cur-10.csv",
            ])
        #expect(delivery.files.first?.size == Int64(Self.csv.utf8.count))
        let reader = try CURReader(delivery: delivery)
        #expect(try reader.readAll().count == 5)
        #expect(reader.headers.count == 4)
        #expect(reader.progress.filesCompleted == 4)
    }

    @Test func severalFiles() throws {
        let one = try TestFiles.write(Self.csv)
        let two = try TestFiles.write(Self.csv + "Tax,111122223333,2023-06-01,2\n")
        let items = try CURReader(paths: [one, two]).readAll()
        #expect(items.map(\.unblendedCost) == [1, 1, 2])
    }

    @Test func cur2ManifestResolvesS3URIs() throws {
        let root = try TestFiles.scratchDirectory() + "/prefix/export"
        let manifest = root + "/metadata/BILLING_PERIOD=2024-03/export-Manifest.json"
        try Self.write(
            """
            {"executionId": "a1b2c3", "exportArn": "arn:aws:bcm-data-exports:us-east-1:111122223333:export/x",
             "billingPeriod": {"start": "2024-03-01T00:00:00.000Z", "end": "2024-04-01T00:00:00.000Z"},
             "dataFiles": ["s3://bucket/prefix/export/data/BILLING_PERIOD=2024-03/export-00001.csv.gz",
                           "s3://bucket/prefix/export/data/BILLING_PERIOD=2024-03/export-00002.csv.gz"]}
            """, to: manifest)
        try FileManager.default.createDirectory(
            atPath: root + "/data/BILLING_PERIOD=2024-03", withIntermediateDirectories: true)
        try GzipTests.gzip(rows: 3, into: root + "/data/BILLING_PERIOD=2024-03/export-00001.csv.gz")
        try GzipTests.gzip(rows: 4, into: root + "/data/BILLING_PERIOD=2024-03/export-00002.csv.gz")
        let delivery = try CURDelivery.resolve(manifest)
        #expect(delivery.source == .dataExportsManifest)
        #expect(delivery.executionId == "a1b2c3")
        #expect(delivery.deliveryId == "a1b2c3")
        #expect(delivery.billingPeriod == BillingPeriod(year: 2024, month: 3))
        // Found as `export/data/…` under the folder three levels above the manifest.
        #expect(
            delivery.files.map(\.path) == [
                root + "/data/BILLING_PERIOD=2024-03/export-00001.csv.gz",
                root + "/data/BILLING_PERIOD=2024-03/export-00002.csv.gz",
            ])
        #expect(try CURReader(delivery: delivery).readAll().count == 7)
    }

    @Test func manifestNamingAMissingFile() throws {
        let directory = try TestFiles.scratchDirectory()
        let manifest = directory + "/report-Manifest.json"
        try Self.write(
            #"{"assemblyId": "x", "billingPeriod": {"start": "20230601T000000.000Z", "end": "20230701T000000.000Z"}, "#
                + #""reportKeys": ["prefix/report/20230601-20230701/x/report-1.csv.gz"]}"#, to: manifest)
        let error = #expect(throws: CURReadError.self) { try CURDelivery.resolve(manifest) }
        #expect(error?.code == .fileNotFound)
        #expect(
            error?.description == "\(manifest): the manifest names report-1.csv.gz "
                + "(prefix/report/20230601-20230701/x/report-1.csv.gz), which is not in \(directory) or the folders above it"
        )
    }

    @Test(arguments: ["manifest-2018-01.json", "manifest-2019-01.json", "manifest-2019-12.json"])
    func netflixManifestsListNoFiles(name: String) throws {
        // Real-format manifests whose reportKeys were emptied when they were published.
        let error = #expect(throws: CURReadError.self) {
            try CURDelivery.resolve(TestFiles.reference("netflix-ice/" + name))
        }
        #expect(error?.code == .noFiles)
        #expect(error?.message == "the manifest lists no data files (reportKeys is empty)")
    }

    @Test func badPaths() throws {
        let missing = try TestFiles.scratchDirectory() + "/nope.csv"
        #expect((#expect(throws: CURReadError.self) { try CURDelivery.resolve(missing) })?.code == .fileNotFound)
        let parquet = try TestFiles.write("PAR1", name: "cur.snappy.parquet")
        #expect((#expect(throws: CURReadError.self) { try CURDelivery.resolve(parquet) })?.code == .unsupportedFormat)
        let json = try TestFiles.write("[1, 2", name: "cur-Manifest.json")
        #expect((#expect(throws: CURReadError.self) { try CURDelivery.resolve(json) })?.code == .invalidManifest)
        let empty = try TestFiles.scratchDirectory()
        #expect((#expect(throws: CURReadError.self) { try CURDelivery.resolve(empty) })?.code == .noFiles)
        #expect((#expect(throws: CURReadError.self) { try CURDelivery.resolve([String]()) })?.code == .noFiles)
    }

    @Test func dateRangeFolderWithOnlyAManifest() throws {
        let folder = TestFiles.reference("koku/test_local_bucket/koku-local/20180801-20180901")
        let delivery = try CURDelivery.resolve(folder)
        #expect(delivery.source == .legacyManifest)
        #expect(delivery.assemblyId == "16e57707-f9e3-49be-8be6-b84e684b5194")
    }
}
