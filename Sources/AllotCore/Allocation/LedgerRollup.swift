/// A ledger summarised along the BU tree: for each BU, its own rows broken down by one dimension and
/// its subtotal, which includes every descendant's (a department's subtotal is the sum of its bureaus').
///
/// What `allot ledger` prints; BUs with nothing in their subtree are left out.
public struct LedgerRollup: Sendable, Hashable, Codable {
    /// One value of the dimension within a BU.
    public struct Line: Sendable, Hashable, Codable {
        public var key: String
        public var amount: Amount
    }

    /// One BU of the summary.
    public struct Unit: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var parent: String?
        /// Depth below the summary's root (0 for the top level shown).
        public var depth: Int
        /// Σ of the BU's own rows.
        public var own: Amount
        /// `own` plus every descendant's.
        public var subtotal: Amount
        /// The BU's own rows by the dimension, by key.
        public var lines: [Line]
    }

    /// BUs depth-first in tree order; BUs absent from the tree come last.
    public var units: [Unit]
    /// Σ of everything shown (the root's subtotal when one is given).
    public var total: Amount

    /// Summarises per-BU totals.
    ///
    /// - Parameters:
    ///   - totals: Σ per (BU, key), e.g. from `allocation_ledger` grouped by BU and category.
    ///   - tree: the BU tree of the run.
    ///   - root: show only this BU and its descendants.
    public init(totals: [LedgerTotal], tree: BusinessUnitTree, root: String? = nil) {
        var own: [String: Amount] = [:]
        var lines: [String: [String: Amount]] = [:]
        for total in totals {
            own[total.bu, default: .zero] += total.amount
            lines[total.bu, default: [:]][total.key, default: .zero] += total.amount
        }
        let subtotals = tree.rollUp(own)
        let shown: [String]
        if let root {
            shown = tree.subtree(of: root)
        } else {
            shown = tree.nodes.map(\.id) + own.keys.filter { !tree.contains($0) }.sorted()
        }
        let baseDepth = root.flatMap { tree.node($0)?.depth } ?? 0
        var units: [Unit] = []
        var seen = Set<String>()
        for id in shown where seen.insert(id).inserted {
            let hasRows = own[id] != nil || tree.subtree(of: id).contains { own[$0] != nil }
            guard hasRows else { continue }
            let node = tree.node(id)
            units.append(
                Unit(
                    id: id, name: node?.name ?? id, parent: id == root ? nil : node?.parentId,
                    depth: max((node?.depth ?? 0) - baseDepth, 0), own: own[id] ?? .zero, subtotal: subtotals[id] ?? .zero,
                    lines: (lines[id] ?? [:]).sorted { $0.key < $1.key }.map { Line(key: $0.key, amount: $0.value) }))
        }
        self.units = units
        self.total = units.filter { $0.parent == nil }.map(\.subtotal).sum()
    }
}
