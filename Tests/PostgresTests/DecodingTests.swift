import AllotTestSupport
import AllotCore
import Foundation
import Postgres
import Testing

@Suite struct DecodingTests {
    @Test func nullIntoNonOptionalNamesTheColumnAndType() async throws {
        try await TestDatabase.with { db in
            let row = try #require(try await db.client.query("SELECT 1 AS id, NULL::numeric AS amount").first)
            let error = try #require(throws: PostgresError.self) { try row.decode(Amount.self, "amount") }
            #expect(error.code == .decoding)
            #expect(error.columnName == "amount")
            #expect(error.message.contains("\"amount\" is NULL"))
            #expect(error.message.contains("Amount?"))
            #expect(try row.decode(Amount?.self, "amount") == nil)
        }
    }

    @Test func malformedValueNamesTheColumnAndType() async throws {
        try await TestDatabase.with { db in
            let row = try #require(try await db.client.query("SELECT 'abc'::text AS label, 'NaN'::numeric AS amount").first)
            let intError = try #require(throws: PostgresError.self) { try row.decode(Int.self, "label") }
            #expect(intError.code == .decoding)
            #expect(intError.columnName == "label")
            #expect(intError.message.contains("as Int"))
            let amountError = try #require(throws: PostgresError.self) { try row.decode(Amount.self, at: 1) }
            #expect(amountError.columnName == "amount")
            #expect(amountError.message.contains("as Amount"))
        }
    }

    @Test func unknownColumnNameListsTheColumns() async throws {
        try await TestDatabase.with { db in
            let row = try #require(try await db.client.query("SELECT 1 AS a, 2 AS b").first)
            let error = try #require(throws: PostgresError.self) { try row.decode(Int.self, "c") }
            #expect(error.message.contains("no column \"c\""))
            #expect(error.message.contains("a, b"))
            #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 2) }
        }
    }

    struct Shape: Decodable { var sides: Int }

    @Test func jsonThatDoesNotFitNamesTheColumn() async throws {
        try await TestDatabase.with { db in
            let row = try #require(try await db.client.query(#"SELECT '{"sides": "four"}'::jsonb AS shape"#).first)
            let error = try #require(throws: PostgresError.self) { try row.decodeJSON(Shape.self, "shape") }
            #expect(error.code == .decoding)
            #expect(error.columnName == "shape")
            #expect(error.message.contains("Shape"))
            #expect(throws: PostgresError.self) { try row.decodeJSON(Shape.self, at: 3) }
        }
    }

    @Test func rowsAreACollectionWithColumnNames() async throws {
        try await TestDatabase.with { db in
            let rows = try await db.client.query("SELECT g AS n, g * g AS square FROM generate_series(1, 4) AS g")
            #expect(rows.count == 4)
            #expect(rows.columns == ["n", "square"])
            #expect(rows.commandTag == "SELECT 4")
            // 1 + 4 + 9 + 16 = 30
            #expect(try rows.map { try $0.decode(Int.self, "square") }.reduce(0, +) == 30)
            #expect(throws: PostgresError.self) { try rows.singleValue(Int.self) }
        }
    }

    @Test func serverDatesDecodeAsLocalDateAndString() async throws {
        try await TestDatabase.with { db in
            let row = try #require(try await db.client.query("SELECT '2026-11-29'::date AS day").first)
            #expect(try row.decode(String.self, "day") == "2026-11-29")
            #expect(try row.decode(LocalDate.self, "day") == (try LocalDate(year: 2026, month: 11, day: 29)))
        }
    }

    @Test func sessionUsesUTCAndISODates() async throws {
        try await TestDatabase.with { db in
            let row = try #require(
                try await db.client.query(
                    "SELECT current_setting('TimeZone'), current_setting('DateStyle'), current_setting('application_name')"
                ).first
            )
            #expect(try row.decode(String.self, at: 0) == "UTC")
            #expect(try row.decode(String.self, at: 1) == "ISO, MDY")
            #expect(try row.decode(String.self, at: 2) == "allot-tests")
        }
    }

    // MARK: Text formats without a server

    @Test(
        arguments: [
            ("{}", [String?]()),
            ("{a}", ["a"]),
            ("{a,b,c}", ["a", "b", "c"]),
            ("{NULL,null,\"NULL\"}", [nil, nil, "NULL"]),
            ("{\"a,b\",\"c\\\"d\",\"e\\\\f\"}", ["a,b", "c\"d", "e\\f"]),
            ("{\"\",\" x \"}", ["", " x "]),
            ("[0:1]={x,y}", ["x", "y"]),
            ("{Zürich,🚀}", ["Zürich", "🚀"]),
        ] as [(String, [String?])]
    )
    func arrayLiteralParsing(literal: String, expected: [String?]) throws {
        #expect(try [String?](postgresText: literal) == expected)
    }

    @Test(arguments: ["", "a,b", "{a", "{\"a}", "{{a},{b}}", "{a}x", "{a,,b}"])
    func malformedArrayLiteralsAreRejected(literal: String) {
        #expect(throws: PostgresDecodingFailure.self) { try [String?](postgresText: literal) }
    }

    @Test func arrayWithNullIntoNonOptionalElementsFails() {
        #expect(throws: PostgresDecodingFailure.self) { try [String](postgresText: "{a,NULL}") }
    }

    @Test(arguments: [
        ("2026-11-29 13:57:03+00", 1_795_960_623.0),
        ("2026-11-29 13:57:03.5+00", 1_795_960_623.5),
        ("2026-11-29 19:27:03.25+05:30", 1_795_960_623.25),
        ("2026-11-29 10:26:48-03:30:15", 1_795_960_623.0),  // 10:26:48 + 3:30:15 = 13:57:03
        ("2026-11-29T13:57:03.000001Z", 1_795_960_623.000001),
        ("2026-11-29 13:57:03.1234567+00", 1_795_960_623.123456),  // beyond microseconds: truncated
        ("1970-01-01 00:00:00", 0.0),  // timestamp without time zone: read as UTC
        ("1969-12-31 23:59:59.5+00", -0.5),
    ])
    func timestampParsing(text: String, seconds: Double) throws {
        let date = try Date(postgresText: text)
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_000_5)
    }

    @Test(arguments: ["infinity", "2026-11-29", "2026-11-29 25:00:00+00", "2026-13-01 00:00:00+00", "2026-11-29 13:57:03 BC"])
    func malformedTimestampsAreRejected(text: String) {
        #expect(throws: (any Error).self) { try Date(postgresText: text) }
    }

    @Test func timestampEncodingRoundsToMicroseconds() throws {
        #expect(try Date(timeIntervalSince1970: 1_795_960_623.1234564).postgresText() == "2026-11-29 13:57:03.123456+00")
        #expect(try Date(timeIntervalSince1970: 1_795_960_623.9999996).postgresText() == "2026-11-29 13:57:04.000000+00")
        #expect(try Date(timeIntervalSince1970: -0.5).postgresText() == "1969-12-31 23:59:59.500000+00")
    }

    @Test func localDateValidatesTheCalendar() {
        #expect(throws: PostgresDecodingFailure.self) { try LocalDate(year: 2026, month: 2, day: 29) }
        #expect(throws: PostgresDecodingFailure.self) { try LocalDate(year: 1900, month: 2, day: 29) }
        #expect(throws: PostgresDecodingFailure.self) { try LocalDate(parsing: "2026-1-05") }
        #expect((try? LocalDate(year: 2000, month: 2, day: 29)) != nil)
        // 2026-11-29 is 20,786 days after 1970-01-01 (1,795,960,623 s ÷ 86,400 s, rounded down).
        #expect((try? LocalDate(daysSinceUnixEpoch: 20_786)) == (try? LocalDate(year: 2026, month: 11, day: 29)))
    }
}
