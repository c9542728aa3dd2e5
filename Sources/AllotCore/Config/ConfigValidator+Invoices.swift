extension ConfigValidator {
    /// `invoices.level`: `own`, `top` or a depth the BU tree has.
    mutating func checkInvoices() {
        let path = ConfigPath.root.key("invoices").key("level")
        guard let level = InvoiceLevel(config.invoices.level) else {
            report(path, "'\(config.invoices.level)' is not own, top or a depth of the BU tree (0 = top-level BUs, 1 = their children, …)")
            return
        }
        guard let depth = level.subtreeDepth, !config.businessUnits.isEmpty else { return }
        let deepest = config.businessUnitNodes.map(\.depth).max() ?? 0
        if depth > deepest {
            report(path, "depth \(depth) is deeper than the BU tree (its deepest BUs are at depth \(deepest))")
        }
    }
}
