/// A PostgreSQL type OID sent with a bound parameter so the server knows the parameter's type.
///
/// `unknown` (OID 0) lets the server infer the type from context, which is what `String` uses: a text parameter
/// compared with a `uuid` or `numeric` column then just works.
public struct PostgresDataType: Sendable, Hashable, CustomStringConvertible {
    /// The type's OID in `pg_type`.
    public let oid: UInt32

    /// Creates a type from its OID.
    public init(oid: UInt32) {
        self.oid = oid
    }

    /// Let the server infer the type (OID 0).
    public static let unknown = PostgresDataType(oid: 0)
    /// `bool`
    public static let bool = PostgresDataType(oid: 16)
    /// `int8`
    public static let int8 = PostgresDataType(oid: 20)
    /// `int2`
    public static let int2 = PostgresDataType(oid: 21)
    /// `int4`
    public static let int4 = PostgresDataType(oid: 23)
    /// `text`
    public static let text = PostgresDataType(oid: 25)
    /// `json`
    public static let json = PostgresDataType(oid: 114)
    /// `date`
    public static let date = PostgresDataType(oid: 1082)
    /// `timestamp`
    public static let timestamp = PostgresDataType(oid: 1114)
    /// `timestamptz`
    public static let timestamptz = PostgresDataType(oid: 1184)
    /// `numeric`
    public static let numeric = PostgresDataType(oid: 1700)
    /// `uuid`
    public static let uuid = PostgresDataType(oid: 2950)
    /// `jsonb`
    public static let jsonb = PostgresDataType(oid: 3802)

    /// `bool[]`
    public static let boolArray = PostgresDataType(oid: 1000)
    /// `int2[]`
    public static let int2Array = PostgresDataType(oid: 1005)
    /// `int4[]`
    public static let int4Array = PostgresDataType(oid: 1007)
    /// `text[]`
    public static let textArray = PostgresDataType(oid: 1009)
    /// `int8[]`
    public static let int8Array = PostgresDataType(oid: 1016)
    /// `date[]`
    public static let dateArray = PostgresDataType(oid: 1182)
    /// `timestamptz[]`
    public static let timestamptzArray = PostgresDataType(oid: 1185)
    /// `numeric[]`
    public static let numericArray = PostgresDataType(oid: 1231)
    /// `uuid[]`
    public static let uuidArray = PostgresDataType(oid: 2951)
    /// `jsonb[]`
    public static let jsonbArray = PostgresDataType(oid: 3807)

    /// The array type whose elements have this type, or `unknown` when this table does not know it.
    public var arrayType: PostgresDataType {
        switch self {
        case .bool: .boolArray
        case .int2: .int2Array
        case .int4: .int4Array
        case .int8: .int8Array
        case .text: .textArray
        case .date: .dateArray
        case .timestamptz: .timestamptzArray
        case .numeric: .numericArray
        case .uuid: .uuidArray
        case .jsonb: .jsonbArray
        default: .unknown
        }
    }

    public var description: String { "oid \(oid)" }
}
