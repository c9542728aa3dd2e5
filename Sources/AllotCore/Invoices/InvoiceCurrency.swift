/// The currency of an invoice and its minor unit: the number of decimal places amounts are rounded to.
///
/// The minor unit comes from ISO 4217: two places for most currencies (USD cents), none for a few (JPY, KRW …),
/// three for some (BHD, KWD …). Allocation keeps full precision; invoices round each line once to this unit.
public struct InvoiceCurrency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ISO 4217 code, e.g. `USD`.
    public let code: String
    /// Decimal places of the minor unit, e.g. 2.
    public let minorUnit: Int

    /// The currency `code` with its ISO 4217 minor unit (2 when the code is not in the short list of exceptions).
    public init(code: String) {
        self.code = code
        self.minorUnit = Self.exceptions[code] ?? 2
    }

    /// A currency with an explicit minor unit (0…6).
    public init(code: String, minorUnit: Int) {
        self.code = code
        self.minorUnit = min(max(minorUnit, 0), 6)
    }

    public var description: String { code }

    /// ISO 4217 currencies whose minor unit is not 2.
    private static let exceptions: [String: Int] = [
        "BHD": 3, "BIF": 0, "CLF": 4, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0,
        "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "UYI": 0, "UYW": 4, "VND": 0,
        "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
    ]

    enum CodingKeys: String, CodingKey {
        case code
        case minorUnit = "minor_unit"
    }
}
