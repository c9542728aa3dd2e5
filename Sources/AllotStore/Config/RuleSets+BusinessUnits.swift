import AllotCore
import Postgres

extension RuleSets {
    /// Upserts the tree of `version` (parents before children, so `parent_id` always refers to a row).
    static func writeBusinessUnits(_ configuration: AllotConfiguration, version: Int, on connection: PostgresConnection)
        async throws
    {
        for unit in configuration.businessUnitNodes {
            try await connection.execute(
                """
                INSERT INTO business_units (id, name, parent_id, first_version, last_version) VALUES ($1, $2, $3, $4, $4)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
                    last_version = EXCLUDED.last_version
                """, [unit.id, unit.name, unit.parentId, version])
        }
    }
}
