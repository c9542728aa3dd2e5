import AllotCore
import AllotTestSupport
import Postgres
import Testing

/// `COPY … WITH (FORMAT binary)` through ``CopyBinaryEncoder``: every type the ingest sends must arrive exactly as the
/// server's own text input of the same value would store it — digits, scale and sign of `numeric` included.
@Suite struct CopyBinaryTests {
    static let awkwardAmounts = [
        "0", "1", "-1", "12.5", "-12.5", "0.1", "0.0001", "0.00000000000000000001", "-0.00000000000000000001",
        "100", "10000", "10000.0001", "9999.9999", "123456789.123456789", "0.00012345", "1000000000000000",
        "999999999999999999.99999999999999999999", "-999999999999999999.99999999999999999999", "4294967296.5",
        "184467440737095516.16", "0.18446744073709551616", "1844674407370955.1616", "2000000000000000.5",
    ]

    @Test func amountsMatchTheServersTextInputDigitForDigit() async throws {
        var random = AmountSumTests.SplitMix64(state: 20_261_130)
        let texts = Self.awkwardAmounts + (0..<20_000).map { _ in AmountSumTests.value(&random) }
        let amounts = try texts.map { try Amount(parsing: $0) }
        try await TestDatabase.with(maxConnections: 1) { database in
            try await database.client.execute("CREATE TABLE amounts (id int8, text_value text, value numeric)")
            try await database.client.withConnection { connection in
                let copied = try await connection.copyIn(
                    table: "amounts", columns: ["id", "text_value", "value"], format: .binary
                ) { writer in
                    var rows = CopyBinaryEncoder(fieldsPerRow: 3)
                    for (index, amount) in amounts.enumerated() {
                        rows.append(Int64(index))
                        rows.append(amount.description)
                        rows.append(amount)
                        rows.endRow()
                    }
                    try await writer.write(bytes: rows.bytes)
                }
                #expect(copied == amounts.count)
            }
            // The server parses the text itself: same value and same scale (so the same printed digits).
            let mismatches = try await database.client.query(
                """
                SELECT id, text_value, value::text AS stored FROM amounts
                WHERE value <> text_value::numeric OR value::text <> text_value::numeric::text ORDER BY id LIMIT 5
                """)
            let differing = try mismatches.map { try $0.decode(String.self, "text_value") }
            #expect(differing.isEmpty, "stored differently: \(differing)")
            let total = try await database.client.query("SELECT sum(value) FROM amounts").singleValue(Amount.self)
            #expect(total == amounts.reduce(Amount.zero, +))
        }
    }

    @Test func everyIngestTypeAndNullRoundTrips() async throws {
        try await TestDatabase.with(maxConnections: 1) { database in
            try await database.client.execute(
                """
                CREATE TABLE typed (n int8, i int4, s int2, t text, d date, ts timestamptz, a numeric, j jsonb)
                """)
            let instants = ["2026-06-01T00:00:00Z", "1999-12-31T23:59:59.999999Z", "1969-07-20T20:17:40Z"]
            try await database.client.withConnection { connection in
                _ = try await connection.copyIn(
                    table: "typed", columns: ["n", "i", "s", "t", "d", "ts", "a", "j"], format: .binary
                ) { writer in
                    var rows = CopyBinaryEncoder(fieldsPerRow: 8)
                    for (index, instant) in instants.enumerated() {
                        let timestamp = try Timestamp(parsing: instant)
                        rows.append(Int64(index) - 1 << 40)
                        rows.append(Int32(-index))
                        rows.append(Int16(index))
                        rows.append("Zürich\t\\N \"東京\" 🚀\n#\(index)")
                        rows.appendDate(of: timestamp)
                        rows.append(timestamp)
                        rows.append(try Amount(parsing: "-0.5"))
                        rows.appendJSONB { $0.append(contentsOf: #"{"user_team": "data", "n": \#(index)}"#.utf8) }
                        rows.endRow()
                    }
                    for _ in 0..<8 { rows.appendNull() }
                    rows.endRow()
                    try await writer.write(bytes: rows.bytes)
                }
            }
            let rows = try await database.client.query(
                """
                SELECT n, i, s, t, d::text AS d, (extract(epoch FROM ts) * 1000000)::int8 AS ts,
                       a::text AS a, j->>'user_team' AS team, (j->>'n')::int AS jn
                FROM typed ORDER BY n NULLS LAST
                """)
            #expect(rows.count == 4)
            for (index, instant) in instants.enumerated() {
                let row = rows[index]
                #expect(try row.decode(Int.self, "n") == index - 1 << 40)
                #expect(try row.decode(Int.self, "i") == -index)
                #expect(try row.decode(Int.self, "s") == index)
                #expect(try row.decode(String.self, "t") == "Zürich\t\\N \"東京\" 🚀\n#\(index)")
                #expect(try row.decode(String.self, "d") == String(instant.prefix(10)))
                #expect(try row.decode(Int.self, "ts") == Int(try Timestamp(parsing: instant).microsecondsSinceEpoch))
                #expect(try row.decode(String.self, "a") == "-0.5")
                #expect(try row.decode(String.self, "team") == "data")
                #expect(try row.decode(Int.self, "jn") == index)
            }
            let nulls = try await database.client.query(
                "SELECT count(*) FROM typed WHERE num_nulls(n, i, s, t, d, ts, a, j) = 8")
            #expect(try nulls.singleValue(Int.self) == 1)
        }
    }

    @Test func aValueOfTheWrongTypeFailsTheWholeCopyNamingTheRow() async throws {
        try await TestDatabase.with(maxConnections: 1) { database in
            try await database.client.execute("CREATE TABLE pairs (n int8, a numeric)")
            let error = await #expect(throws: PostgresError.self) {
                try await database.client.withConnection { connection in
                    _ = try await connection.copyIn(table: "pairs", columns: ["n", "a"], format: .binary) { writer in
                        var rows = CopyBinaryEncoder(fieldsPerRow: 2)
                        rows.append(Int64(1))
                        rows.append(Amount(units: 5))
                        rows.endRow()
                        rows.append(Int64(2))
                        rows.append("12.5")  // text where numeric is declared
                        rows.endRow()
                        try await writer.write(bytes: rows.bytes)
                    }
                }
            }
            #expect(error?.description.contains("line 2") == true)
            let count = try await database.client.query("SELECT count(*) FROM pairs").singleValue(Int.self)
            #expect(count == 0)
        }
    }
}
