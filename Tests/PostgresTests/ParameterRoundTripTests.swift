import AllotTestSupport
import AllotCore
import Foundation
import Postgres
import Testing

/// Every supported type goes to the server as a bound parameter and comes back; where it matters, the server is
/// asked whether it understood the value (`$1::type = 'literal'::type`), so a symmetric encode/decode bug cannot
/// hide.
@Suite struct ParameterRoundTripTests {
    @Test func unicodeTextKeepsEveryCharacter() async throws {
        try await TestDatabase.with { db in
            let text = "Zürich — 東京 🚀"
            let row = try #require(
                try await db.client.query("SELECT $1::text, char_length($1::text), octet_length($1::text)", [text]).first
            )
            #expect(try row.decode(String.self, at: 0) == text)
            // Z ü r i c h · — · 東 京 · 🚀 = 13 code points; ü, — and the kanji take 2–3 bytes, the rocket 4: 23 bytes.
            #expect(try row.decode(Int.self, at: 1) == 13)
            #expect(try row.decode(Int.self, at: 2) == 23)
        }
    }

    @Test func substringAndSpecialCharactersRoundTrip() async throws {
        try await TestDatabase.with { db in
            let source = "xx it's \"quoted\", back\\slash\ttab\nnewline $1 xx"
            let inner = source.dropFirst(3).dropLast(3)
            let rows = try await db.client.query("SELECT $1::text = $2::text, $1::text", [inner, String(inner)])
            #expect(try rows.first?.decode(Bool.self, at: 0) == true)
            #expect(try rows.first?.decode(String.self, at: 1) == String(inner))
        }
    }

    @Test func oneMegabyteText() async throws {
        try await TestDatabase.with { db in
            let text = String(repeating: "0123456789abcdef", count: 65_536)  // 16 bytes × 65,536 = 1,048,576
            let row = try #require(try await db.client.query("SELECT $1::text, octet_length($1::text)", [text]).first)
            #expect(try row.decode(Int.self, at: 1) == 1_048_576)
            #expect(try row.decode(String.self, at: 0) == text)
        }
    }

    @Test func integersAtTheirLimits() async throws {
        try await TestDatabase.with { db in
            let row = try #require(
                try await db.client.query(
                    "SELECT $1::int8, $2::int8, $3::int4, $4::int4, $5::int8 + 1, $6::int2",
                    [Int.max, Int64.min, Int32.max, Int32.min, -42, Int16.min]
                ).first
            )
            #expect(try row.decode(Int.self, at: 0) == Int.max)
            #expect(try row.decode(Int64.self, at: 1) == Int64.min)
            #expect(try row.decode(Int32.self, at: 2) == Int32.max)
            #expect(try row.decode(Int32.self, at: 3) == Int32.min)
            #expect(try row.decode(Int.self, at: 4) == -41)
            #expect(try row.decode(Int16.self, at: 5) == Int16.min)
        }
    }

    /// A billing period is its first day as a `date`, and only a first day reads back as one.
    @Test func billingPeriodsAsDates() async throws {
        try await TestDatabase.with { db in
            let period = try #require(BillingPeriod(year: 2026, month: 6))
            let row = try #require(try await db.client.query("SELECT $1 = DATE '2026-06-01', $1, DATE '2026-06-15'", [period]).first)
            #expect(try row.decode(Bool.self, at: 0) == true)
            #expect(try row.decode(BillingPeriod.self, at: 1) == period)
            #expect(throws: PostgresError.self) { try row.decode(BillingPeriod.self, at: 2) }
        }
    }

    /// Advisory lock keys are FNV-1a of the name's parts joined by `|`: the same in every process.
    @Test func advisoryLockKeysAreStable() throws {
        let period = try #require(BillingPeriod(year: 2026, month: 6))
        #expect(advisoryLockKey("allot-allocate", period) == advisoryLockKey("allot-allocate|2026-06"))
        // FNV-1a of the empty string is its offset basis.
        #expect(advisoryLockKey("") == Int64(bitPattern: 14_695_981_039_346_656_037))
        #expect(advisoryLockKey("a") == Int64(bitPattern: 0xaf63_dc4c_8601_ec8c))
    }

    @Test func booleans() async throws {
        try await TestDatabase.with { db in
            let row = try #require(try await db.client.query("SELECT $1::bool, $2::bool, NOT $1::bool", [true, false]).first)
            #expect(try row.decode(Bool.self, at: 0) == true)
            #expect(try row.decode(Bool.self, at: 1) == false)
            #expect(try row.decode(Bool.self, at: 2) == false)
        }
    }

    @Test func nullForEveryType() async throws {
        try await TestDatabase.with { db in
            let none: String? = nil
            let row = try #require(
                try await db.client.query(
                    """
                    SELECT $1::text, $2::int8, $3::bool, $4::numeric, $5::timestamptz, $6::date, $7::jsonb, $8::text[],
                           $9::text IS NULL
                    """,
                    [none, nil, nil, nil, nil, nil, nil, nil, nil]
                ).first
            )
            #expect(try row.decode(String?.self, at: 0) == nil)
            #expect(try row.decode(Int?.self, at: 1) == nil)
            #expect(try row.decode(Bool?.self, at: 2) == nil)
            #expect(try row.decode(Amount?.self, at: 3) == nil)
            #expect(try row.decode(Date?.self, at: 4) == nil)
            #expect(try row.decode(LocalDate?.self, at: 5) == nil)
            #expect(try row.decode(PostgresJSON?.self, at: 6) == nil)
            #expect(try row.decode([String]?.self, at: 7) == nil)
            #expect(try row.decode(Bool.self, at: 8) == true)
        }
    }

    @Test func optionalValuesBindAsTheirWrappedType() async throws {
        try await TestDatabase.with { db in
            let present: Int? = 7
            let absent: Int? = nil
            let row = try #require(try await db.client.query("SELECT $1::int8 * 6, $2::int8 IS NULL", [present, absent]).first)
            #expect(try row.decode(Int.self, at: 0) == 42)
            #expect(try row.decode(Bool.self, at: 1) == true)
        }
    }

    @Test(arguments: [
        "12345678.123456789012345678",
        "-0.00000000000000000001",
        "999999999999999999.99999999999999999999",
        "-999999999999999999.99999999999999999999",
        "0",
        "-12.5",
    ])
    func numericKeepsEveryDigit(literal: String) async throws {
        try await TestDatabase.with { db in
            let amount = try Amount(parsing: literal)
            let row = try #require(
                try await db.client.query("SELECT $1::numeric, $1::numeric = $2::numeric", [amount, literal]).first
            )
            #expect(try row.decode(Bool.self, at: 1) == true, "server disagrees about \(literal)")
            #expect(try row.decode(Amount.self, at: 0) == amount)
            #expect(try row.decode(String.self, at: 0) == literal)
        }
    }

    @Test func numericFromServerArithmeticDecodesExactly() async throws {
        try await TestDatabase.with { db in
            // 0.1 + 0.2 is exactly 0.3 in numeric (and in Amount), unlike in Double.
            let sum = try await db.client.query("SELECT 0.1::numeric + 0.2::numeric").singleValue(Amount.self)
            #expect(sum == (try Amount(parsing: "0.3")))
        }
    }

    @Test func timestamptzWithMicroseconds() async throws {
        try await TestDatabase.with { db in
            // 2026-11-29 13:57:03.123456 UTC is 1,795,960,623.123456 s after the Unix epoch.
            let date = Date(timeIntervalSince1970: 1_795_960_623.123456)
            let row = try #require(
                try await db.client.query(
                    """
                    SELECT $1::timestamptz, $1::timestamptz = '2026-11-29 13:57:03.123456+00'::timestamptz,
                           '2026-11-29 19:27:03.5+05:30'::timestamptz, $1::timestamptz::text
                    """,
                    [date]
                ).first
            )
            #expect(try row.decode(Bool.self, at: 1) == true)
            #expect(try row.decode(String.self, at: 3) == "2026-11-29 13:57:03.123456+00")
            let decoded = try row.decode(Date.self, at: 0)
            #expect(abs(decoded.timeIntervalSince1970 - 1_795_960_623.123456) < 0.000_000_5)
            // 19:27:03.5 at +05:30 is 13:57:03.5 UTC.
            #expect(try row.decode(Date.self, at: 2) == Date(timeIntervalSince1970: 1_795_960_623.5))
        }
    }

    @Test(arguments: [(2026, 11, 29), (2024, 2, 29), (1, 1, 1), (9999, 12, 31), (1970, 1, 1)])
    func dates(year: Int, month: Int, day: Int) async throws {
        try await TestDatabase.with { db in
            let date = try LocalDate(year: year, month: month, day: day)
            let row = try #require(
                try await db.client.query(
                    "SELECT $1::date, $1::date::text, $1::date - '1970-01-01'::date",
                    [date]
                ).first
            )
            #expect(try row.decode(LocalDate.self, at: 0) == date)
            #expect(try row.decode(String.self, at: 1) == date.description)
            #expect(try row.decode(Int.self, at: 2) == date.daysSinceUnixEpoch)
        }
    }

    struct Settings: Codable, Equatable {
        var name: String
        var shares: [Int]
        var note: String?
    }

    @Test func jsonb() async throws {
        try await TestDatabase.with { db in
            let settings = Settings(name: "Zürich \"HQ\"", shares: [60, 40], note: nil)
            let row = try #require(
                try await db.client.query(
                    "SELECT $1::jsonb, $1::jsonb ->> 'name', jsonb_array_length($1::jsonb -> 'shares')",
                    [try PostgresJSON(encoding: settings)]
                ).first
            )
            #expect(try row.decodeJSON(Settings.self, at: 0) == settings)
            #expect(try row.decode(String.self, at: 1) == "Zürich \"HQ\"")
            #expect(try row.decode(Int.self, at: 2) == 2)
            let text = try row.decode(String.self, at: 0)
            #expect(text.contains("\"shares\": [60, 40]"))
        }
    }

    @Test func textArrayWithQuotesCommasBackslashesAndNull() async throws {
        try await TestDatabase.with { db in
            let elements: [String?] = [
                "plain", "with,comma", "with \"quotes\"", "back\\slash", "", "NULL", nil, "  spaced  ", "{braces}",
                "Zürich 🚀",
            ]
            let row = try #require(
                try await db.client.query(
                    """
                    SELECT $1::text[], cardinality($1::text[]), ($1::text[])[4], ($1::text[])[6] IS NULL,
                           ($1::text[])[7] IS NULL, ARRAY['a b', NULL, 'q"x', 'b\\s']::text[]
                    """,
                    [elements]
                ).first
            )
            #expect(try row.decode([String?].self, at: 0) == elements)
            #expect(try row.decode(Int.self, at: 1) == 10)
            #expect(try row.decode(String.self, at: 2) == "back\\slash")
            #expect(try row.decode(Bool.self, at: 3) == false, "the text 'NULL' must stay text")
            #expect(try row.decode(Bool.self, at: 4) == true)
            #expect(try row.decode([String?].self, at: 5) == ["a b", nil, "q\"x", "b\\s"])
        }
    }

    @Test func emptyAndIntegerArrays() async throws {
        try await TestDatabase.with { db in
            let row = try #require(
                try await db.client.query("SELECT $1::text[], $2::int8[], $2::int8[] @> ARRAY[3::int8]", [[String](), [1, 2, 3]])
                    .first
            )
            #expect(try row.decode([String].self, at: 0) == [])
            #expect(try row.decode([Int].self, at: 1) == [1, 2, 3])
            #expect(try row.decode(Bool.self, at: 2) == true)
        }
    }

    @Test func uuidColumnsAcceptStringParameters() async throws {
        try await TestDatabase.with { db in
            let id = "7d444840-9dc0-11d1-b245-5ffdce74fad2"
            try await db.client.execute("CREATE TABLE things (id uuid PRIMARY KEY, amount numeric(38, 20))")
            let inserted = try await db.client.execute("INSERT INTO things VALUES ($1, $2)", [id, Amount(3)])
            #expect(inserted == 1)
            let amount = try await db.client.query("SELECT amount FROM things WHERE id = $1", [id]).singleValue(Amount.self)
            #expect(amount == Amount(3))
        }
    }
}
