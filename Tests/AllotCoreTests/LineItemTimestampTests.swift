import Testing

@testable import AllotCore

/// `Timestamp` parsing and formatting, and `BillingPeriod`.
@Suite struct LineItemTimestampTests {
    @Test(arguments: [
        ("2023-06-01T00:00:00Z", "2023-06-01T00:00:00Z"),
        ("2023-06-01T00:00:00.000Z", "2023-06-01T00:00:00Z"),
        ("2023-06-01T00:00Z", "2023-06-01T00:00:00Z"),
        ("2023-06-01 00:00:00", "2023-06-01T00:00:00Z"),
        ("2023-06-01 00:00:00.000", "2023-06-01T00:00:00Z"),
        ("2023-06-01T00:00:00+00:00", "2023-06-01T00:00:00Z"),
        ("2023-06-01", "2023-06-01T00:00:00Z"),
        ("20180801T000000.000Z", "2018-08-01T00:00:00Z"),
        ("20180801", "2018-08-01T00:00:00Z"),
        ("2023-06-01T02:30:00+02:30", "2023-06-01T00:00:00Z"),
        ("2023-05-31T19:00:00-0500", "2023-06-01T00:00:00Z"),
        ("2023-06-01t01:00:00+01", "2023-06-01T00:00:00Z"),
        ("2023-06-01T12:34:56.25Z", "2023-06-01T12:34:56.25Z"),
        ("2023-06-01T12:34:56.123456000Z", "2023-06-01T12:34:56.123456Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ("2000-01-01T00:00:00Z", "2000-01-01T00:00:00Z"),
    ])
    func parsesEveryCURSpelling(text: String, canonical: String) throws {
        let timestamp = try Timestamp(parsing: text)
        #expect(timestamp.description == canonical)
        #expect(try Timestamp(parsing: canonical) == timestamp)
    }

    @Test func epochArithmetic() throws {
        #expect(try Timestamp(parsing: "1970-01-01T00:00:00Z") == .epoch)
        #expect(try Timestamp(parsing: "2023-06-01T00:00:00Z").secondsSinceEpoch == 1_685_577_600)
        #expect(try Timestamp(parsing: "1969-12-31T23:59:59.5Z").microsecondsSinceEpoch == -500_000)
        #expect(Timestamp(secondsSinceEpoch: 1_685_577_600).adding(seconds: 3600).description == "2023-06-01T01:00:00Z")
        #expect(Timestamp(year: 2023, month: 2, day: 29) == nil)
        #expect(try Timestamp(parsing: "2023-06-01") < Timestamp(parsing: "2023-06-01T00:00:01Z"))
    }

    @Test(arguments: [
        "", "2023", "2023-6-01", "2023-13-01", "2023-02-29", "2023-06-31", "2023-06-01T24:00:00Z",
        "2023-06-01T00:60:00Z",
        "2023-06-01T00:00:00.0000001Z", "2023-06-01X00:00", "2023-06-01T00:00:00Zjunk", "2023-06-01T00:00:00+25:00",
        "06/01/2023", "2023-06-01T", "2023-06-01 00:00:00 UTC",
    ])
    func rejectsOtherText(text: String) {
        #expect(throws: TimestampParseError.self) { try Timestamp(parsing: text) }
    }

    @Test func errorMessage() {
        let error = #expect(throws: TimestampParseError.self) { try Timestamp(parsing: "2023-13-01") }
        #expect(error?.description == "\"2023-13-01\" is not a timestamp (a field is out of range)")
    }

    @Test func timeInterval() throws {
        let (start, end) = try Timestamp.parseInterval("2023-06-01T00:00:00Z/2023-06-01T01:00:00Z")
        #expect(start.description == "2023-06-01T00:00:00Z")
        #expect(end.description == "2023-06-01T01:00:00Z")
        #expect(throws: TimestampParseError.self) { try Timestamp.parseInterval("2023-06-01T00:00:00Z") }
        #expect(throws: TimestampParseError.self) { try Timestamp.parseInterval("2023-06-02/2023-06-01") }
    }

    @Test func billingPeriods() throws {
        let june = try BillingPeriod(parsing: "2023-06")
        #expect(june == BillingPeriod(year: 2023, month: 6))
        #expect(try BillingPeriod(parsing: "20230601-20230701") == june)
        #expect(try BillingPeriod(parsing: "20231201-20240101").description == "2023-12")
        #expect(june.start.description == "2023-06-01T00:00:00Z")
        #expect(june.end.description == "2023-07-01T00:00:00Z")
        #expect(june.folderName == "20230601-20230701")
        #expect(BillingPeriod(year: 2023, month: 12)?.next.description == "2024-01")
        #expect(BillingPeriod(year: 2024, month: 1)?.previous.description == "2023-12")
        #expect(BillingPeriod(containing: try Timestamp(parsing: "2023-06-30T23:59:59Z")) == june)
        #expect(june.contains(try Timestamp(parsing: "2023-06-15")))
        #expect(!june.contains(june.end))
        #expect(june < june.next)
        #expect(BillingPeriod(year: 2023, month: 13) == nil)
        for text in ["2023-13", "20230615-20230715", "20230601-20230801", "June 2023", "2023-6"] {
            #expect(throws: BillingPeriodParseError.self) { try BillingPeriod(parsing: text) }
        }
    }
}
