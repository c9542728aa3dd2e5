/// One BU of the tree, flattened: its parent and depth instead of nested children.
public struct BusinessUnitNode: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    /// nil for a top-level BU.
    public var parentId: String?
    /// 0 for a top-level BU.
    public var depth: Int

    public init(id: String, name: String, parentId: String? = nil, depth: Int = 0) {
        self.id = id
        self.name = name
        self.parentId = parentId
        self.depth = depth
    }
}

extension AllotConfiguration {
    /// Every BU of the tree in document order, parents before their children (pre-order).
    public var businessUnitNodes: [BusinessUnitNode] {
        var nodes: [BusinessUnitNode] = []
        func walk(_ units: [BusinessUnitDeclaration], parent: String?, depth: Int) {
            for unit in units {
                nodes.append(BusinessUnitNode(id: unit.id, name: unit.name, parentId: parent, depth: depth))
                walk(unit.children, parent: unit.id, depth: depth + 1)
            }
        }
        walk(businessUnits, parent: nil, depth: 0)
        return nodes
    }

    /// The ids of every BU of the tree.
    public var businessUnitIds: Set<String> {
        Set(businessUnitNodes.map(\.id))
    }

    /// The BU and its ancestors, nearest first (`[web, platform, engineering]`); empty for an unknown id. A
    /// ledger rolls BU subtotals up this chain.
    public func businessUnitLineage(of id: String) -> [String] {
        let parents = Dictionary(businessUnitNodes.map { ($0.id, $0.parentId) }, uniquingKeysWith: { first, _ in first })
        var lineage: [String] = []
        var current: String? = parents[id] == nil ? nil : id
        while let unit = current, !lineage.contains(unit) {
            lineage.append(unit)
            current = parents[unit] ?? nil
        }
        return lineage
    }
}
