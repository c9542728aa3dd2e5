import Testing

@testable import AllotCore

@Suite struct AmountParsingTests {
    @Test(arguments: [
        ("0", "0"),
        ("-0", "0"),
        ("12", "12"),
        ("+12", "12"),
        ("-12.50", "-12.5"),
        (".25", "0.25"),
        ("-.25", "-0.25"),
        ("5.", "5"),
        ("0.0000000356", "0.0000000356"),
        ("2.4E-7", "0.00000024"),
        ("2.4e-7", "0.00000024"),
        ("1e+3", "1000"),
        ("1E3", "1000"),
        ("-1.5e2", "-150"),
        ("9.984E-7", "0.0000009984"),
        ("0e999999", "0"),
        ("000123.4500", "123.45"),
        // Twenty fractional digits are kept exactly (synthetic CURs print doubles this long).
        ("0.00012345678901234567", "0.00012345678901234567"),
        ("0.004413074583086987", "0.004413074583086987"),
        ("999999999999999999.99999999999999999999", "999999999999999999.99999999999999999999"),
        ("-999999999999999999.99999999999999999999", "-999999999999999999.99999999999999999999"),
        // Past the 20th place: half-even on the first dropped digit, the rest as a sticky bit.
        ("0.000000000000000000015", "0.00000000000000000002"),
        ("0.000000000000000000025", "0.00000000000000000002"),
        ("0.0000000000000000000250001", "0.00000000000000000003"),
        ("1e-25", "0"),
        ("12345678901234567890.123e-5", "123456789012345.67890123"),
        // More than 38 significant digits: the tail rounds away.
        ("1.234567890123456789012345678901234567891", "1.23456789012345678901"),
    ])
    func parsesCURSpellings(text: String, canonical: String) throws {
        #expect(try Amount(parsing: text).description == canonical)
    }

    @Test(arguments: [
        ("", "empty"),
        ("-", "no digits"),
        (".", "no digits"),
        ("12,5", "unexpected character ','"),
        ("1,000", "unexpected character ','"),
        ("1.2.3", "two decimal points"),
        ("abc", "unexpected character 'a'"),
        ("1e", "no digits in the exponent"),
        ("e5", "no digits before the exponent"),
        ("1e5x", "unexpected character in the exponent"),
        (" 12", "unexpected character ' '"),
        ("NaN", "unexpected character 'N'"),
        ("1000000000000000000", "magnitude of 10^18 or more"),
        ("1e18", "magnitude of 10^18 or more"),
        ("-2e30", "magnitude of 10^18 or more"),
    ])
    func rejectsGarbage(text: String, reason: String) {
        #expect(throws: AmountParseError(text: text, reason: reason)) { try Amount(parsing: text) }
    }

    @Test func errorMessageQuotesTheText() {
        let error = AmountParseError(text: "12,5", reason: "unexpected character ','")
        #expect(error.description == #""12,5" is not a number (unexpected character ',')"#)
    }

    @Test func losslessStringConversionRoundTrips() throws {
        for text in ["-0.00000000000000000001", "123456.789", "0.5", "-42"] {
            let value = try #require(Amount(text))
            #expect(Amount(value.description) == value)
            #expect(value.description == text)
        }
        #expect(Amount("x") == nil)
    }

    @Test func largeIntegerPartsFormatExactly() throws {
        let value = try Amount(parsing: "987654321098765432.1")
        #expect(value.description == "987654321098765432.1")
        #expect(value.formatted(places: 2) == "987654321098765432.10")
    }
}
