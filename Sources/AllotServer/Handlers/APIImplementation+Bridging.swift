import Foundation

/// Library values whose JSON form is already what the OpenAPI document describes (an invoice document, a
/// reconciliation: `allot … --json` prints them), turned into the generated types by their JSON rather than field by
/// field. Decoding checks the shape: a library value that drifted from the contract fails here (a 500, logged), not
/// silently on the wire.
extension APIImplementation {
    static func bridge<Value: Decodable>(_ json: [UInt8], to type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json))
    }

    static func bridge<Value: Decodable>(_ value: some Encodable, to type: Value.Type) throws -> Value {
        try bridge(Array(try JSONEncoder().encode(value)), to: type)
    }
}
