import AllotCore
import Foundation
import Testing

@testable import AllotCUR

/// gzip reading (streaming, concatenated members, truncation) and the deterministic writer.
@Suite struct GzipTests {
    static let csv = "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost\n"

    /// A gzip file of `rows` CUR rows with varied costs, written with ``GzipWriter``.
    static func gzip(rows: Int, header: Bool = true, into path: String) throws {
        let writer = try GzipWriter(path: path)
        var csv = CSVWriter()
        if header {
            csv.writeRow([
                "lineItem/LineItemType", "lineItem/UsageAccountId", "lineItem/UsageStartDate", "lineItem/UnblendedCost",
            ])
        }
        for row in 0..<rows {
            csv.writeRow(["Usage", "111122223333", "2023-06-01T00:00:00Z", "0.\(row % 1000)\(row)"])
            if csv.count > 60_000 { try writer.write(csv.takeBytes()) }
        }
        try writer.write(csv.takeBytes())
        try writer.finish()
    }

    @Test func roundTripThroughTheWriter() throws {
        let path = try TestFiles.scratchDirectory() + "/cur.csv.gz"
        try Self.gzip(rows: 50_000, into: path)
        let items = try CURReader(paths: [path]).readAll()
        #expect(items.count == 50_000)
        #expect(items[12_345].unblendedCost == (try Amount(parsing: "0.34512345")))
    }

    @Test func writerOutputIsDeterministic() throws {
        let directory = try TestFiles.scratchDirectory()
        try Self.gzip(rows: 1000, into: directory + "/a.csv.gz")
        try Self.gzip(rows: 1000, into: directory + "/b.csv.gz")
        let a = try Data(contentsOf: URL(fileURLWithPath: directory + "/a.csv.gz"))
        let b = try Data(contentsOf: URL(fileURLWithPath: directory + "/b.csv.gz"))
        #expect(a == b)
        // Magic, deflate, no flags, mtime 0, extra flags, OS 3 (Unix).
        #expect(Array(a.prefix(10)) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])
    }

    @Test func truncatedGzipIsAnError() throws {
        let directory = try TestFiles.scratchDirectory()
        try Self.gzip(rows: 20_000, into: directory + "/whole.csv.gz")
        let whole = try Data(contentsOf: URL(fileURLWithPath: directory + "/whole.csv.gz"))
        let path = try TestFiles.write(Array(whole.prefix(whole.count / 2)), name: "half.csv.gz")
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(error?.code == .truncatedGzip)
        #expect(error?.description == "\(path): truncated gzip stream")
    }

    @Test func concatenatedMembersReadAsOneStream() throws {
        let directory = try TestFiles.scratchDirectory()
        try Self.gzip(rows: 3, into: directory + "/1.gz")
        try Self.gzip(rows: 4, header: false, into: directory + "/2.gz")
        let first = try Data(contentsOf: URL(fileURLWithPath: directory + "/1.gz"))
        let second = try Data(contentsOf: URL(fileURLWithPath: directory + "/2.gz"))
        let path = try TestFiles.write(Array(first + second), name: "joined.csv.gz")
        #expect(try CURReader(paths: [path]).readAll().count == 7)
    }

    @Test func notGzipDataInAGzFile() throws {
        let path = try TestFiles.write(Self.csv + "Usage,111122223333,2023-06-01,1\n", name: "plain.csv.gz")
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]) }
        #expect(error?.code == .notGzip)
        #expect(error?.description == "\(path): not gzip data, although the name ends in .gz")
    }

    @Test func gzipIsDetectedWhateverTheName() throws {
        let directory = try TestFiles.scratchDirectory()
        try Self.gzip(rows: 5, into: directory + "/named-plain.csv")
        #expect(try CURReader(paths: [directory + "/named-plain.csv"]).readAll().count == 5)
    }

    @Test func corruptGzipIsAnError() throws {
        let directory = try TestFiles.scratchDirectory()
        try Self.gzip(rows: 20_000, into: directory + "/whole.csv.gz")
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/whole.csv.gz")))
        for index in stride(from: 100, to: 400, by: 1) { bytes[index] ^= 0x5A }
        let path = try TestFiles.write(bytes, name: "corrupt.csv.gz")
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(error?.code == .corruptGzip)
        #expect(error?.description.hasPrefix("\(path): corrupt gzip stream: ") == true)
    }
}
