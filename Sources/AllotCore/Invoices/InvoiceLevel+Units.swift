extension InvoiceLevel {
    /// The BU whose document carries the costs of `bu`: `bu` itself for `own` and for BUs at or above the level's
    /// depth, else its ancestor at that depth. BUs missing from the tree invoice their own costs.
    public func invoicedBU(for bu: String, in tree: BusinessUnitTree) -> String {
        guard let depth = subtreeDepth, let node = tree.node(bu), node.depth > depth else { return bu }
        return tree.ancestors(of: bu).first { tree.node($0)?.depth == depth } ?? bu
    }
}
