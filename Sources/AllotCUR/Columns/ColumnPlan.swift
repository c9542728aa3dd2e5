import AllotCore

/// What the decoder does with each column of one file, worked out once from its header.
struct ColumnPlan {
    /// A column that fills a typed field, with what the decoder needs to know about it per row.
    struct TypedColumn {
        let index: Int
        let field: CURField
        let kind: CURField.Kind
        let isInterned: Bool
    }

    /// The columns that identify a line item: AWS's `identity/LineItemId` is unique only together with
    /// `identity/TimeInterval` (the same id recurs hour after hour).
    struct Identity {
        let lineItemId: Int
        let timeInterval: Int
    }

    /// The identity columns, when the file has both.
    private(set) var identity: Identity?
    /// Typed fields, in header order.
    private(set) var typed: [TypedColumn] = []
    let tags: AttributeColumns
    let costCategories: AttributeColumns
    let productAttributes: AttributeColumns
    let discounts: AttributeColumns
    private(set) var tagMap: Int?
    private(set) var costCategoryMap: Int?
    private(set) var productMap: Int?
    private(set) var discountMap: Int?
    /// The column names, as spelled.
    let names: [String]
    let header: CURHeader

    /// Maps `names`; throws for duplicate names and missing essential columns.
    init(names: [String], file: String) throws(CURReadError) {
        self.names = names
        var seen: [String: Int] = [:]
        var duplicates: [String] = []
        for name in names {
            seen[name, default: 0] += 1
            if seen[name] == 2 { duplicates.append(name) }
        }
        guard duplicates.isEmpty else {
            let list = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            throw CURReadError(.duplicateColumns, "duplicate column names: \(list)", file: file, line: 1)
        }

        var roles: [CURColumn.Role] = []
        var tagColumns: [(index: Int, key: String)] = []
        var costCategoryColumns: [(index: Int, key: String)] = []
        var productColumns: [(index: Int, key: String)] = []
        var discountColumns: [(index: Int, key: String)] = []
        var fieldColumn: [CURField: Int] = [:]
        let legacy = names.contains { $0.contains("/") }
        var hasMapColumn = false
        var lineItemIdColumn: Int?
        for (index, name) in names.enumerated() {
            if CURField.lookupKey(name) == "identitylineitemid" { lineItemIdColumn = index }
            let role = ColumnPlan.classify(name)
            roles.append(role.role)
            switch role {
            case .field(let field):
                if let other = fieldColumn[field] {
                    throw CURReadError(
                        .duplicateColumns,
                        "columns '\(names[other])' and '\(name)' are the same column "
                            + "(\(field.rawValue))", file: file, line: 1, column: name)
                }
                fieldColumn[field] = index
                typed.append(TypedColumn(index: index, field: field, kind: field.kind, isInterned: field.isInterned))
            case .tag(let key): tagColumns.append((index, key))
            case .costCategory(let key): costCategoryColumns.append((index, key))
            case .productAttribute(let key): productColumns.append((index, key))
            case .discount(let key): discountColumns.append((index, key))
            case .tagMap:
                tagMap = index
                hasMapColumn = true
            case .costCategoryMap:
                costCategoryMap = index
                hasMapColumn = true
            case .productMap:
                productMap = index
                hasMapColumn = true
            case .discountMap:
                discountMap = index
                hasMapColumn = true
            case .ignored: break
            }
        }

        if let lineItemIdColumn, let interval = fieldColumn[.identityTimeInterval] {
            identity = Identity(lineItemId: lineItemIdColumn, timeInterval: interval)
        }
        // The usage start may come from identity/TimeInterval; read that only when it is needed.
        if fieldColumn[.usageStartDate] != nil {
            typed.removeAll { $0.field == .identityTimeInterval }
            if let interval = fieldColumn[.identityTimeInterval] { roles[interval] = .ignored }
        }
        let missing = CURField.essential.filter { field in
            fieldColumn[field] == nil && !(field == .usageStartDate && fieldColumn[.identityTimeInterval] != nil)
        }
        guard missing.isEmpty else {
            func spell(_ field: CURField) -> String { legacy ? CURColumnName.legacy(field.rawValue) : field.rawValue }
            let spelled = missing.map { field in
                field == .usageStartDate ? "\(spell(field)) (or \(spell(.identityTimeInterval)))" : spell(field)
            }
            throw CURReadError(
                .missingColumns,
                "missing essential column\(missing.count == 1 ? "" : "s"): "
                    + spelled.joined(separator: ", "), file: file, line: 1)
        }

        tags = AttributeColumns(tagColumns)
        costCategories = AttributeColumns(costCategoryColumns)
        productAttributes = AttributeColumns(productColumns)
        discounts = AttributeColumns(discountColumns)
        let columns = names.enumerated().map { CURColumn(index: $0.offset, name: $0.element, role: roles[$0.offset]) }
        let scheme: CURNamingScheme = legacy ? .legacy : hasMapColumn ? .cur2 : .athena
        header = CURHeader(file: file, columns: columns, namingScheme: scheme)
    }

    /// A column's meaning, with the typed field where there is one.
    private enum Classification {
        case field(CURField)
        case tag(String), costCategory(String), productAttribute(String), discount(String)
        case tagMap, costCategoryMap, productMap, discountMap
        case ignored

        var role: CURColumn.Role {
            switch self {
            case .field(let field): .field(field.rawValue)
            case .tag(let key): .tag(key)
            case .costCategory(let key): .costCategory(key)
            case .productAttribute(let key): .productAttribute(key)
            case .discount(let key): .discount(key)
            case .tagMap: .tagMap
            case .costCategoryMap: .costCategoryMap
            case .productMap: .productMap
            case .discountMap: .discountMap
            case .ignored: .ignored
            }
        }
    }

    private static func classify(_ name: String) -> Classification {
        if let slash = name.firstIndex(of: "/") {
            let category = name[..<slash].lowercased()
            let rest = name[name.index(after: slash)...]
            switch category {
            case "resourcetags": return .tag(AttributeKey.canonical(rest))
            case "costcategory": return .costCategory(AttributeKey.canonical(rest))
            default: break
            }
            if let field = CURField.byLookupKey[CURField.lookupKey(name)] { return .field(field) }
            switch category {
            case "product": return .productAttribute(AttributeKey.canonical(rest))
            case "discount": return .discount(AttributeKey.canonical(rest))
            default: return .ignored
            }
        }
        switch name {
        case "resource_tags": return .tagMap
        case "cost_category": return .costCategoryMap
        case "product": return .productMap
        case "discount": return .discountMap
        default: break
        }
        if let field = CURField.byLookupKey[CURField.lookupKey(name)] { return .field(field) }
        func key(after prefix: String) -> String? {
            guard name.hasPrefix(prefix), name.count > prefix.count else { return nil }
            return AttributeKey.canonical(name.dropFirst(prefix.count))
        }
        if let key = key(after: "resource_tags_") { return .tag(key) }
        if let key = key(after: "cost_category_") { return .costCategory(key) }
        if let key = key(after: "product_") { return .productAttribute(key) }
        if let key = key(after: "discount_") { return .discount(key) }
        return .ignored
    }
}
