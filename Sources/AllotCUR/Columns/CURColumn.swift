import AllotCore

/// One column of a CUR file's header and what the reader does with it.
public struct CURColumn: Sendable, Hashable, CustomStringConvertible {
    /// What a column holds, as far as Allot is concerned.
    public struct Role: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case field(String)
            case tag(String)
            case costCategory(String)
            case productAttribute(String)
            case discount(String)
            case tagMap, costCategoryMap, productMap, discountMap
            case ignored
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A typed ``LineItem`` value, named by its CUR 2.0 column name (`line_item_unblended_cost`).
        public static func field(_ name: String) -> Role { Role(.field(name)) }
        /// A resource tag with its canonical key (``AttributeKey``).
        public static func tag(_ key: String) -> Role { Role(.tag(key)) }
        /// A cost category with its canonical name.
        public static func costCategory(_ key: String) -> Role { Role(.costCategory(key)) }
        /// A product attribute kept in ``LineItem/productAttributes``.
        public static func productAttribute(_ key: String) -> Role { Role(.productAttribute(key)) }
        /// A discount column kept in ``LineItem/discounts``.
        public static func discount(_ key: String) -> Role { Role(.discount(key)) }
        /// The CUR 2.0 `resource_tags` map.
        public static let tagMap = Role(.tagMap)
        /// The CUR 2.0 `cost_category` map.
        public static let costCategoryMap = Role(.costCategoryMap)
        /// The CUR 2.0 `product` map.
        public static let productMap = Role(.productMap)
        /// The CUR 2.0 `discount` map.
        public static let discountMap = Role(.discountMap)
        /// A column Allot does not use (blended cost, line item id, split cost allocation…).
        public static let ignored = Role(.ignored)

        /// The field name or canonical key, for roles that have one.
        public var key: String? {
            switch base {
            case .field(let key), .tag(let key), .costCategory(let key), .productAttribute(let key), .discount(let key):
                key
            default:
                nil
            }
        }

        /// Whether this is a tag column (not the CUR 2.0 map).
        public var isTag: Bool {
            if case .tag = base { return true }
            return false
        }

        /// Whether this is a cost category column (not the CUR 2.0 map).
        public var isCostCategory: Bool {
            if case .costCategory = base { return true }
            return false
        }

        /// Whether the reader reads this column at all.
        public var isUsed: Bool { base != .ignored }

        public var description: String {
            switch base {
            case .field(let name): "field \(name)"
            case .tag(let key): "tag \(key)"
            case .costCategory(let key): "cost category \(key)"
            case .productAttribute(let key): "product attribute \(key)"
            case .discount(let key): "discount \(key)"
            case .tagMap: "tag map"
            case .costCategoryMap: "cost category map"
            case .productMap: "product map"
            case .discountMap: "discount map"
            case .ignored: "ignored"
            }
        }
    }

    /// The 0-based position in the header.
    public let index: Int
    /// The name exactly as the header spells it.
    public let name: String
    /// What the reader does with it.
    public let role: Role

    public var description: String { "\(name) (\(role))" }
}
