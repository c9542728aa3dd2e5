/// A PostgreSQL role Allot connects as (README, "Security model").
///
/// The names are fixed, so that the SQL a DBA runs for an external database and the embedded cluster's setup
/// agree; several Allot databases on one server share the two roles.
public struct DatabaseRole: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    private init(name: String) {
        self.name = name
    }

    /// Owns the database, its schema and every table but the line items; runs the migrations (`allot migrate`).
    /// Not a superuser: it can switch off its own tables' triggers, which is why the application never runs as it.
    public static let owner = DatabaseRole(name: "allot_owner")

    /// What every command but `allot migrate` connects as: not a superuser, owner of no protected table, with the
    /// table privileges of ``DatabaseRoles/applicationPrivileges(table:isView:)`` and the line item tables it
    /// creates and swaps at run time.
    public static let application = DatabaseRole(name: "allot_app")

    /// The name as a double-quoted identifier.
    var quoted: String { LineItemPartitions.quote(name) }

    public var description: String { name }
}
