/// The header of one CUR file: its columns, their roles, and the naming scheme.
public struct CURHeader: Sendable, Hashable {
    /// The file, as resolved by ``CURDelivery``.
    public let file: String
    /// Every column in header order.
    public let columns: [CURColumn]
    /// The naming scheme, judged from the names.
    public let namingScheme: CURNamingScheme

    /// The column spelled exactly `name`, if any.
    public func column(named name: String) -> CURColumn? {
        columns.first { $0.name == name }
    }

    /// The column that fills the typed field with this CUR 2.0 name (`line_item_unblended_cost`).
    public func column(forField name: String) -> CURColumn? {
        columns.first { $0.role == .field(name) }
    }

    /// The canonical keys of the tag columns (map columns excluded: their keys vary by row).
    public var tagKeys: [String] {
        columns.compactMap { $0.role.isTag ? $0.role.key : nil }
    }

    /// The canonical names of the cost category columns.
    public var costCategoryKeys: [String] {
        columns.compactMap { $0.role.isCostCategory ? $0.role.key : nil }
    }
}
