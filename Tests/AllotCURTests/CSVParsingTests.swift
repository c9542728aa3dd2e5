import AllotCore
import Foundation
import Testing

@testable import AllotCUR

/// RFC 4180 details, each in a small file written by the test.
@Suite struct CSVParsingTests {
    static let header =
        "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
        + "lineItem/LineItemDescription"

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let text =
            Self.header + "\n"
            + "Usage,111122223333,2023-06-01T00:00:00Z,1.5,\"a, \"\"quoted\"\"\nand a second line\"\n"
            + "Usage,111122223333,2023-06-01T01:00:00Z,2,\"\"\"\"\n"
            + "Usage,111122223333,2023-06-01T02:00:00Z,oops,plain\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        // The record with the line break starts on line 2 and ends on line 3, so the bad row is line 5.
        #expect(
            error?.problems.map(\.description) == [
                "\(path):5: column 'lineItem/UnblendedCost': \"oops\" is not a number"
            ])
        let good = try TestFiles.write(text.replacingOccurrences(of: "oops", with: "3"))
        let items = try CURReader(paths: [good]).readAll()
        #expect(items.map(\.lineItemDescription) == ["a, \"quoted\"\nand a second line", "\"", "plain"])
        #expect(items.map(\.unblendedCost) == [try Amount(parsing: "1.5"), 2, 3])
    }

    @Test func byteOrderMarkCRLFAndNoFinalLineBreak() throws {
        let text =
            "\u{FEFF}" + Self.header + "\r\n"
            + "Usage,111122223333,2023-06-01T00:00:00Z,1,\"two\r\nlines\"\r\n"
            + "Tax,111122223333,2023-06-01T00:00:00Z,0.25,last"
        let reader = try CURReader(paths: [try TestFiles.write(text)])
        let items = try reader.readAll()
        #expect(reader.header?.columns.first?.name == "lineItem/LineItemType")
        #expect(items.count == 2)
        #expect(items.map(\.type) == [.usage, .tax])
        #expect(items.map(\.lineItemDescription) == ["two\r\nlines", "last"])
        #expect(items.last?.unblendedCost == (try Amount(parsing: "0.25")))
    }

    @Test func emptyLinesAreNotRows() throws {
        let text = Self.header + "\n\nUsage,111122223333,2023-06-01T00:00:00Z,1,x\n\r\n\n"
        let items = try CURReader(paths: [try TestFiles.write(text)]).readAll()
        #expect(items.count == 1)
    }

    @Test func emptyFieldsAreNull() throws {
        let text =
            "lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,lineItem/UnblendedCost,"
            + "lineItem/UsageAmount,lineItem/NetUnblendedCost,lineItem/ProductCode\n"
            + "Usage,111122223333,2023-06-01T00:00:00Z,4,,,\n"
        let item = try #require(try CURReader(paths: [try TestFiles.write(text)]).readAll().first)
        #expect(item.usageAmount == nil)
        #expect(item.productCode == nil)
        #expect(item.reportedNetUnblendedCost == nil)
        #expect(item.netUnblendedCost == 4)  // falls back to unblended
    }

    @Test func unterminatedQuoteIsAnError() throws {
        let text = Self.header + "\nUsage,111122223333,2023-06-01T00:00:00Z,1,\"never closed\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(error?.code == .malformedCSV)
        #expect(error?.description == "\(path):2: a quoted field is not closed before the end of the file")
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        let text = Self.header + "\nUsage,111122223333,2023-06-01T00:00:00Z,1,\"x\"y\n"
        let path = try TestFiles.write(text)
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]).readAll() }
        #expect(error?.code == .malformedCSV)
        #expect(error?.line == 2)
    }

    @Test func recordsLongerThanTheBufferAreRead() throws {
        let long = String(repeating: "x", count: 20_000)
        let text = Self.header + "\nUsage,111122223333,2023-06-01T00:00:00Z,1,\(long)\n"
        let options = CURReaderOptions(bufferSize: 4096)
        let items = try CURReader(paths: [try TestFiles.write(text)], options: options).readAll()
        #expect(items.first?.lineItemDescription == long)
    }

    @Test func smallBuffersGiveTheSameResult() throws {
        // 4 KiB instead of 4 MiB: records straddle buffer refills all through the file.
        let path = TestFiles.reference("focus-converters/sample-anonymous-aws-export-dataset.csv")
        let small = try CURReader(paths: [path], options: CURReaderOptions(bufferSize: 4096)).readAll()
        let large = try CURReader(paths: [path]).readAll()
        #expect(small.count == 1281)
        #expect(small == large)
    }

    @Test func dynamicValuesWithQuotesAndNonASCII() throws {
        var bytes = Array((Self.header + ",resourceTags/user:Owner,resourceTags/user:Team,product/location\n").utf8)
        bytes += Array("Usage,111122223333,2023-06-01,1,x,\"Ana \"\"Ops\"\", Jr\",Équipe données,".utf8)
        bytes += Array("東京 🗼\n".utf8)
        let item = try #require(try CURReader(paths: [try TestFiles.write(bytes)]).readAll().first)
        #expect(item.lineItemDescription == "x")
        #expect(item.tags == ["user_owner": "Ana \"Ops\", Jr", "user_team": "Équipe données"])
        #expect(item.productAttributes == ["location": "東京 🗼"])
        #expect(item.tags.jsonText == #"{"user_owner":"Ana \"Ops\", Jr","user_team":"Équipe données"}"#)
    }

    /// Bytes that are not text: NUL, and each way UTF-8 can be broken (a stray continuation byte, a lead byte
    /// without its continuation, an overlong encoding, a surrogate, a code point above U+10FFFF, 0xFF).
    static let notText: [(bytes: [UInt8], problem: String)] = [
        ([0x42, 0x00, 0x43], "a NUL byte"),
        ([0x42, 0x80, 0x43], "invalid UTF-8 (byte 0x80)"),
        ([0x42, 0xC3], "invalid UTF-8 (byte 0xC3)"),
        ([0xE6, 0x9D, 0x42], "invalid UTF-8 (byte 0xE6)"),
        ([0xC0, 0xAF], "invalid UTF-8 (byte 0xC0)"),
        ([0xED, 0xA0, 0x80], "invalid UTF-8 (byte 0xED)"),
        ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8 (byte 0xF4)"),
        ([0x42, 0xFF, 0x43], "invalid UTF-8 (byte 0xFF)"),
    ]

    @Test(arguments: 0..<notText.count, [false, true])
    func bytesThatAreNotTextAreProblemsWithTheirColumn(_ index: Int, quoted: Bool) throws {
        let (bad, problem) = Self.notText[index]
        // The bad bytes sit in the third row's description, after a quoted field with a line break.
        var bytes = Array((Self.header + "\n").utf8)
        bytes += Array("Usage,111122223333,2023-06-01,1,\"two\nlines\"\n".utf8)
        bytes += Array("Usage,111122223333,2023-06-01,1,".utf8)
        bytes += quoted ? [UInt8(ascii: "\"")] + bad + [UInt8(ascii: "\"")] : bad
        bytes += Array("\nUsage,111122223333,2023-06-01,2,fine\n".utf8)
        let path = try TestFiles.write(bytes)
        for bufferSize in [4096, 4 << 20] {
            let reader = try CURReader(paths: [path], options: CURReaderOptions(bufferSize: bufferSize))
            let error = #expect(throws: CURReadError.self) { try reader.readAll() }
            #expect(error?.code == .invalidRows)
            #expect(error?.problems.map(\.description) == ["\(path):4: column 'lineItem/LineItemDescription': \(problem)"])
        }
    }

    @Test func notTextInTheHeaderOrAMapColumnIsRefused() throws {
        let header = Array("lineItem/LineItemType,lineItem/UsageAccountId,lineItem/UsageStartDate,".utf8) + [0xC3, 0x28]
        let path = try TestFiles.write(header + Array("\nUsage,111122223333,2023-06-01,1\n".utf8))
        let error = #expect(throws: CURReadError.self) { try CURReader(paths: [path]) }
        #expect(error?.code == .malformedCSV)
        #expect(error?.description == "\(path):1: the header's column 4: invalid UTF-8 (byte 0xC3)")

        var bytes = Array(
            "line_item_line_item_type,line_item_usage_account_id,line_item_usage_start_date,line_item_unblended_cost,resource_tags\n"
                .utf8)
        bytes += Array("Usage,111122223333,2023-06-01,1,\"{\"\"team\"\":\"\"a".utf8) + [0x00] + Array("\"\"}\"\n".utf8)
        let map = try TestFiles.write(bytes)
        let mapError = #expect(throws: CURReadError.self) { try CURReader(paths: [map]).readAll() }
        #expect(mapError?.problems.map(\.description) == ["\(map):2: column 'resource_tags': a NUL byte"])
    }

    @Test func writerQuotesOnlyWhenNeeded() {
        var writer = CSVWriter()
        writer.writeRow(["plain", "a,b", "say \"hi\"", "two\nlines", "", " padded", "x\r"])
        writer.writeRow([nil, "1"])
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" padded\",\"x\r\"\n,1\n")
    }
}
