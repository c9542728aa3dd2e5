import AllotCore
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
        bytes += Array("Usage,1,2023-06-01,1,x,\"Ana \"\"Ops\"\", Jr\",Équipe données,".utf8)
        bytes += [0x42, 0xFF, 0x43, 0x0A]  // "B", an invalid UTF-8 byte, "C", LF
        let item = try #require(try CURReader(paths: [try TestFiles.write(bytes)]).readAll().first)
        #expect(item.lineItemDescription == "x")
        #expect(item.tags == ["user_owner": "Ana \"Ops\", Jr", "user_team": "Équipe données"])
        #expect(item.productAttributes == ["location": "B\u{FFFD}C"])
        #expect(item.tags.jsonText == #"{"user_owner":"Ana \"Ops\", Jr","user_team":"Équipe données"}"#)
    }

    @Test func writerQuotesOnlyWhenNeeded() {
        var writer = CSVWriter()
        writer.writeRow(["plain", "a,b", "say \"hi\"", "two\nlines", "", " padded", "x\r"])
        writer.writeRow([nil, "1"])
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\" padded\",\"x\r\"\n,1\n")
    }
}
