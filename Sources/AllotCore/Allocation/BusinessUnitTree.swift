/// The business-unit tree of a rule set, flattened depth-first: lookups, ancestry and roll-ups.
///
/// A run stores the tree it used, so a ledger can be rolled up (a parent's subtotal includes its
/// descendants) with the BUs as they were, whatever later rule sets change.
public struct BusinessUnitTree: Sendable, Hashable, Codable {
    /// Every BU, depth-first in declaration order (a parent before its children).
    public let nodes: [BusinessUnitNode]
    private let index: [String: Int]

    /// The tree of a configuration.
    public init(_ configuration: AllotConfiguration) {
        self.init(nodes: configuration.businessUnitNodes)
    }

    /// A tree from flattened nodes, parents before children (as stored with a run). A repeated id keeps
    /// its first node (validation reports repeats).
    public init(nodes: [BusinessUnitNode]) {
        self.nodes = nodes
        var index: [String: Int] = [:]
        for (position, node) in nodes.enumerated() where index[node.id] == nil { index[node.id] = position }
        self.index = index
    }

    public func contains(_ id: String) -> Bool { index[id] != nil }

    public func node(_ id: String) -> BusinessUnitNode? { index[id].map { nodes[$0] } }

    /// The position of a BU in depth-first order (unknown BUs sort last).
    public func position(of id: String) -> Int { index[id] ?? nodes.count }

    /// The BU's parent, grandparent, … up to its root (not the BU itself).
    public func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var current = node(id)?.parentId
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = node(parent)?.parentId
        }
        return result
    }

    /// The BU and every BU below it, depth-first.
    public func subtree(of id: String) -> [String] {
        guard let start = index[id] else { return [] }
        var result = [nodes[start].id]
        var position = start + 1
        while position < nodes.count, nodes[position].depth > nodes[start].depth {
            result.append(nodes[position].id)
            position += 1
        }
        return result
    }

    /// Subtotals rolling up the tree: each BU's own total plus its descendants'. BUs absent from the
    /// tree keep their own total.
    public func rollUp(_ totals: [String: Amount]) -> [String: Amount] {
        var result = totals
        for (bu, amount) in totals {
            for ancestor in ancestors(of: bu) { result[ancestor, default: .zero] += amount }
        }
        return result
    }

    enum CodingKeys: String, CodingKey { case nodes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(nodes: try container.decode([BusinessUnitNode].self, forKey: .nodes))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(nodes, forKey: .nodes)
    }
}
