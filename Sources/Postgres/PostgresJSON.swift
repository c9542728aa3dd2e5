import Foundation

/// A JSON document bound as `jsonb` or read from a `json`/`jsonb` column, kept as its text.
///
/// ```swift
/// try await db.execute("INSERT INTO runs (settings) VALUES ($1)", [try PostgresJSON(encoding: settings)])
/// let settings = try row.decode(PostgresJSON.self, "settings").decode(Settings.self)
/// ```
/// The server normalises `jsonb` (key order, whitespace), so text read back need not equal the text written;
/// compare decoded values instead.
public struct PostgresJSON: Sendable, Hashable, CustomStringConvertible {
    /// The JSON text.
    public var text: String

    /// Wraps JSON text as is; the server validates it.
    public init(_ text: String) {
        self.text = text
    }

    /// Encodes a value with `JSONEncoder` (pass one configured for dates or key strategies if needed).
    public init(encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw PostgresError(code: .encoding, message: "could not encode \(type(of: value)) as JSON: \(error)")
        }
        self.text = String(decoding: data, as: UTF8.self)
    }

    /// Decodes the document with `JSONDecoder`.
    public func decode<Value: Decodable>(_ type: Value.Type, decoder: JSONDecoder = JSONDecoder()) throws -> Value {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw PostgresError(
                code: .decoding,
                message: "could not decode JSON into \(Value.self): \(error)",
                underlying: PostgresDecodingFailure("\(error)")
            )
        }
    }

    public var description: String { text }
}

extension PostgresJSON: PostgresEncodable, PostgresDecodable {
    public static var postgresDataType: PostgresDataType { .jsonb }
    public func postgresText() -> String? { text }
    public init(postgresText text: String) { self.text = text }
}
