import AllotTestSupport
import AllotCore
import Postgres
import Testing

@Suite struct CopyTests {
    /// Row `i` of the big load: text full of characters COPY must escape, sometimes NULL, sometimes `\N` itself.
    static func body(_ i: Int) -> String? {
        switch i % 7 {
        case 0: "\\N"
        case 1: "tab\there, newline\nthere, cr\r\nand back\\slash \(i)"
        case 2: i % 1000 == 2 ? nil : "Zürich — 東京 🚀 #\(i)"
        case 3: ""
        case 4: "\\.\n\\."
        case 5: "trailing backslash \\"
        default: "plain \(i)\u{8}\u{C}\u{B}"
        }
    }

    @Test func twoHundredThousandAwkwardRowsReadBackIdentical() async throws {
        try await TestDatabase.with { db in
            try await db.client.execute("CREATE TABLE items (id int8 PRIMARY KEY, body text, cost numeric)")
            let rowCount = 200_000
            let copied = try await db.client.withConnection { conn in
                try await conn.copyIn(table: "items", columns: ["id", "body", "cost"]) { writer in
                    // Half through the [[String?]] path, half through CopyRowEncoder, in 10,000-row batches.
                    for start in stride(from: 0, to: rowCount, by: 10_000) {
                        if start < rowCount / 2 {
                            let rows = (start..<start + 10_000).map { i -> [String?] in
                                [String(i), Self.body(i), "\(i).0001"]
                            }
                            try await writer.write(rows: rows)
                        } else {
                            var buffer = CopyRowEncoder()
                            for i in start..<start + 10_000 {
                                try buffer.append(i)
                                buffer.append(Self.body(i))
                                buffer.append(try Amount(parsing: "\(i).0001"))
                                buffer.endRow()
                            }
                            try await writer.write(buffer)
                        }
                    }
                }
            }
            #expect(copied == rowCount)
            let rows = try await db.client.query("SELECT id, body, cost FROM items ORDER BY id")
            #expect(rows.count == rowCount)
            var mismatches = 0
            for (i, row) in rows.enumerated() {
                let id = try row.decode(Int.self, at: 0)
                let body = try row.decode(String?.self, at: 1)
                let cost = try row.decode(Amount.self, at: 2)
                let expectedCost = try Amount(parsing: "\(i).0001")
                if id != i || body != Self.body(i) || cost != expectedCost { mismatches += 1 }
            }
            #expect(mismatches == 0)
            // Cross-check on the server: 1 in 7 rows is the two-character text \N, not NULL (ids ≡ 0 mod 7 below
            // 200,000: 0, 7, …, 199,997 → 28,572 rows), and NULLs are the ids ≡ 2 mod 7 and ≡ 2 mod 1000
            // (≡ 2 mod 7000 → 2, 7002, …, 196,002 → 29 rows).
            let counts = try #require(
                try await db.client.query("SELECT count(*) FILTER (WHERE body = '\\N'), count(*) FILTER (WHERE body IS NULL) FROM items")
                    .first
            )
            #expect(try counts.decode(Int.self, at: 0) == 28_572)
            #expect(try counts.decode(Int.self, at: 1) == 29)
        }
    }

    @Test func rejectedRowLeavesTableUnchangedAndErrorNamesTheLine() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(
                "CREATE TABLE counts (label text, n int4); INSERT INTO counts VALUES ('before', 1);"
            )
            let error = try await #require(throws: PostgresError.self) {
                try await db.client.withConnection { conn in
                    try await conn.copyIn(table: "counts", columns: ["label", "n"]) { writer in
                        for start in stride(from: 1, through: 200_000, by: 25_000) {
                            let rows = (start..<start + 25_000).map { line -> [String?] in
                                ["line \(line)", line == 150_000 ? "x" : String(line)]
                            }
                            try await writer.write(rows: rows)
                        }
                    }
                }
            }
            #expect(error.code == .server)
            #expect(error.sqlState == "22P02")  // invalid_text_representation
            #expect(error.context?.contains("line 150000") == true, "context: \(error.context ?? "nil")")
            #expect(error.context?.contains("column n") == true)
            #expect(error.description.contains("line 150000"))
            #expect(try await db.client.query("SELECT count(*) FROM counts").singleValue(Int.self) == 1)
        }
    }

    struct ProducerFailed: Error, Equatable {}

    @Test func producerErrorAbortsTheCopyAndIsRethrown() async throws {
        try await TestDatabase.with(maxConnections: 1) { db in
            try await db.client.execute("CREATE TABLE t (a text)")
            try await db.client.withConnection { conn in
                await #expect(throws: ProducerFailed.self) {
                    try await conn.copyIn(table: "t", columns: ["a"]) { writer in
                        try await writer.write(rows: [["one"], ["two"]])
                        throw ProducerFailed()
                    }
                }
                // The same connection is usable right away: the COPY was ended and its results drained.
                let count = try await conn.query("SELECT count(*) FROM t").singleValue(Int.self)
                #expect(count == 0)
            }
            #expect(db.client.statistics.idle == 1)
        }
    }

    @Test func identifiersAreQuotedLiterally() async throws {
        try await TestDatabase.with { db in
            try await db.client.executeScript(
                #"CREATE SCHEMA "Billing Data"; CREATE TABLE "Billing Data"."Odd ""Name""" ("Mixed Case" text, "x;y" int4);"#
            )
            let copied = try await db.client.withConnection { conn in
                try await conn.copyIn(table: #"Odd "Name""#, schema: "Billing Data", columns: ["Mixed Case", "x;y"]) {
                    try await $0.write(rows: [["a", "1"], [nil, "2"]])
                }
            }
            #expect(copied == 2)
            let sum = try await db.client.query(#"SELECT sum("x;y") FROM "Billing Data"."Odd ""Name""""#).singleValue(Int.self)
            #expect(sum == 3)
            // A name that only exists when quoted differently is not found, rather than being reinterpreted.
            let error = try await #require(throws: PostgresError.self) {
                try await db.client.withConnection { conn in
                    try await conn.copyIn(table: "t; DROP TABLE x", columns: ["a"]) { _ in }
                }
            }
            #expect(error.sqlState == "42P01")  // undefined_table
        }
    }

    @Test(
        arguments: [
            (["plain"], "plain\n"),
            ([nil, ""], "\\N\t\n"),
            (["\\N"], "\\\\N\n"),
            (["a\tb\nc\rd\\e"], "a\\tb\\nc\\rd\\\\e\n"),
            (["Zürich", "🚀"], "Zürich\t🚀\n"),
        ] as [([String?], String)]
    )
    func copyRowEncoding(fields: [String?], expected: String) {
        var encoder = CopyRowEncoder()
        encoder.appendRow(fields)
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == expected)
        #expect(encoder.rowCount == 1)
    }
}
