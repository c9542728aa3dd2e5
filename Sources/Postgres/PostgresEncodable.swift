/// A Swift value that can be bound to a statement parameter (`$1`) or written to `COPY`, in PostgreSQL's text
/// format.
///
/// Parameters are passed as `[(any PostgresEncodable)?]`, so `nil` binds SQL NULL:
/// ```swift
/// try await db.execute("UPDATE accounts SET name = $1, closed_at = $2 WHERE id = $3", [name, nil, id])
/// ```
public protocol PostgresEncodable: Sendable {
    /// The type sent with the parameter; `.unknown` lets the server infer it from the statement.
    static var postgresDataType: PostgresDataType { get }

    /// The value in PostgreSQL's text input format, or nil for SQL NULL.
    func postgresText() throws -> String?
}

extension String: PostgresEncodable {
    /// Unknown, so that text binds to `text`, `varchar`, `uuid`, `numeric`, enums … as the statement needs.
    public static var postgresDataType: PostgresDataType { .unknown }
    public func postgresText() -> String? { self }
}

extension Substring: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .unknown }
    public func postgresText() -> String? { String(self) }
}

extension Int: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int8 }
    public func postgresText() -> String? { String(self) }
}

extension Int64: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int8 }
    public func postgresText() -> String? { String(self) }
}

extension Int32: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int4 }
    public func postgresText() -> String? { String(self) }
}

extension Int16: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .int2 }
    public func postgresText() -> String? { String(self) }
}

extension Bool: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { .bool }
    public func postgresText() -> String? { self ? "t" : "f" }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { Wrapped.postgresDataType }
    public func postgresText() throws -> String? {
        switch self {
        case .none: nil
        case .some(let value): try value.postgresText()
        }
    }
}

/// One-dimensional arrays (`text[]`, `int8[]`, …) as array literals: every element is double-quoted with `"` and
/// `\` escaped; nil elements become `NULL`.
extension Array: PostgresEncodable where Element: PostgresEncodable {
    public static var postgresDataType: PostgresDataType { Element.postgresDataType.arrayType }
    public func postgresText() throws -> String? {
        try PostgresArrayLiteral.format(map { try $0.postgresText() })
    }
}
