import Postgres

/// A row of `business_units`: the BU tree of the newest rule-set version, plus BUs that earlier versions had
/// (kept with the last version that declared them, so old ledgers still name them).
public struct BusinessUnitRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var parentId: String?
    /// The first version whose tree had the BU.
    public var firstVersion: Int
    /// The last version whose tree had the BU (the newest version for current BUs).
    public var lastVersion: Int

    static let columns = "id, name, parent_id, first_version, last_version"

    init(row: PostgresRow) throws {
        id = try row.decode(String.self, "id")
        name = try row.decode(String.self, "name")
        parentId = try row.decode(String?.self, "parent_id")
        firstVersion = try row.decode(Int.self, "first_version")
        lastVersion = try row.decode(Int.self, "last_version")
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case parentId = "parent_id"
        case firstVersion = "first_version"
        case lastVersion = "last_version"
    }

    /// Every BU ever declared, by id.
    public static func all(_ client: PostgresClient) async throws -> [BusinessUnitRecord] {
        try await client.query("SELECT \(columns) FROM business_units ORDER BY id").map(BusinessUnitRecord.init(row:))
    }
}
