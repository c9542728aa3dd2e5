import AllotCore
import AllotTestSupport
import Postgres
import Testing

/// Our exact decimal against PostgreSQL's `numeric`: a million CUR-like values summed in Swift and by the
/// server must agree to the last digit.
@Suite struct AmountSumTests {
    /// SplitMix64: a tiny seeded generator, so the values are the same on every run.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A CUR-like value: mostly small costs with 10 decimals, some rates in exponent notation, some large
    /// totals, some negative (credits), some with 20 decimals (synthetic CURs print doubles that long).
    static func value(_ random: inout SplitMix64) -> String {
        let pick = random.next() % 10
        let digits = random.next() % 1_000_000_000_000
        let sign = random.next() % 8 == 0 ? "-" : ""
        switch pick {
        case 0: return "\(sign)\(digits % 10_000)E-\(random.next() % 9 + 1)"
        case 1: return "\(sign)\(digits).\(random.next() % 100)"
        case 2: return "\(sign)0.\(String(random.next() % 100_000_000_000_000_000))"
        default: return "\(sign)\(digits / 1_000_000).\(String(digits % 10_000_000_000))"
        }
    }

    @Test func aMillionValuesSumExactlyAsInPostgreSQL() async throws {
        try await TestDatabase.with(maxConnections: 1) { database in
            try await database.client.execute("CREATE TABLE amounts (text_value text, value numeric)")
            var random = SplitMix64(state: 20_261_129)
            var swiftSum = Amount.zero
            try await database.client.withConnection { connection in
                _ = try await connection.copyIn(table: "amounts", columns: ["text_value", "value"]) { writer in
                    var encoder = CopyRowEncoder(reservingCapacity: 1 << 20)
                    for index in 0..<1_000_000 {
                        let text = Self.value(&random)
                        let amount = try Amount(parsing: text)
                        swiftSum += amount
                        encoder.append(text)
                        encoder.append(text)  // the server parses the original text itself
                        encoder.endRow()
                        if index % 50_000 == 49_999 {
                            try await writer.write(encoder)
                            encoder.removeAll()
                        }
                    }
                    try await writer.write(encoder)
                }
            }
            let row = try #require(try await database.client.query(
                "SELECT count(*) AS n, sum(value) AS total FROM amounts").first)
            #expect(try row.decode(Int.self, "n") == 1_000_000)
            let serverSum = try row.decode(Amount.self, "total")
            #expect(serverSum == swiftSum)
            // And the server reads our canonical text back as the same numeric.
            let agrees = try await database.client.query("SELECT $1::numeric = sum(value) AS same FROM amounts", [swiftSum])
            #expect(try agrees.singleValue(Bool.self))
        }
    }
}
