/// A Swift type that a result column can be decoded into, from PostgreSQL's text output format.
///
/// Optionals decode SQL NULL to `nil`; every other type rejects NULL, and `PostgresRow.decode` reports the column
/// and type. Conformers throw any error for malformed text; the row wraps it in a `PostgresError` that names the
/// column and the type.
public protocol PostgresDecodable {
    /// Decodes a non-NULL value from its text form.
    init(postgresText text: String) throws

    /// The value SQL NULL decodes to, or nil when this type cannot represent NULL (the default).
    static var postgresNullValue: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNullValue: Self? { nil }
}

/// The reason a text value could not be decoded; wrapped into `PostgresError` by `PostgresRow`.
public struct PostgresDecodingFailure: Error, Sendable, CustomStringConvertible {
    /// Why decoding failed (does not quote the value).
    public var reason: String

    /// Creates a failure with a reason that does not quote the value.
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String) throws {
        self = .some(try Wrapped(postgresText: text))
    }

    public static var postgresNullValue: Wrapped?? { .some(nil) }
}

extension String: PostgresDecodable {
    public init(postgresText text: String) {
        self = text
    }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int(text) else { throw PostgresDecodingFailure("not an integer in range of Int") }
        self = value
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int64(text) else { throw PostgresDecodingFailure("not an integer in range of Int64") }
        self = value
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int32(text) else { throw PostgresDecodingFailure("not an integer in range of Int32") }
        self = value
    }
}

extension Int16: PostgresDecodable {
    public init(postgresText text: String) throws {
        guard let value = Int16(text) else { throw PostgresDecodingFailure("not an integer in range of Int16") }
        self = value
    }
}

extension Bool: PostgresDecodable {
    /// PostgreSQL prints booleans as `t` and `f`.
    public init(postgresText text: String) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresDecodingFailure("not a boolean (expected t or f)")
        }
    }
}

/// One-dimensional arrays from array literals (`{a,"b c",NULL}`); elements are decoded with `Element`'s text
/// decoder, so `[String?]` accepts NULL elements and `[String]` rejects them.
extension Array: PostgresDecodable where Element: PostgresDecodable {
    public init(postgresText text: String) throws {
        let elements = try PostgresArrayLiteral.parse(text)
        self = try elements.enumerated().map { index, element in
            guard let element else {
                guard let null = Element.postgresNullValue else {
                    throw PostgresDecodingFailure("array element \(index + 1) is NULL")
                }
                return null
            }
            return try Element(postgresText: element)
        }
    }
}
