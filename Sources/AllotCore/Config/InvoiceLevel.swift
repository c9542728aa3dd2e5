/// Which business units get an invoice of their own (`invoices.level` in the configuration file).
///
/// - `own` (the default): every BU that carries ledger rows gets an invoice with its own rows only.
/// - `top`: every top-level BU gets one invoice for its whole subtree; same as depth `0`.
/// - a depth `N` (`0`, `1`, …): every BU at depth N invoices its subtree; a BU above depth N that carries rows
///   itself gets an invoice of its own rows. (`1` in a department → bureau → team tree: one invoice per bureau,
///   its teams included.)
///
/// A struct over a private enum so that further levels can be added without breaking callers.
public struct InvoiceLevel: Sendable, Hashable, CustomStringConvertible {
    private enum Base: Sendable, Hashable {
        case own
        case depth(Int)
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// Every BU with rows invoices its own rows.
    public static let own = InvoiceLevel(.own)
    /// Every top-level BU invoices its subtree (depth 0).
    public static let top = InvoiceLevel(.depth(0))

    /// The BUs at `depth` (0 = top level) invoice their subtrees; nil for a negative depth.
    public static func depth(_ depth: Int) -> InvoiceLevel? {
        depth >= 0 ? InvoiceLevel(.depth(depth)) : nil
    }

    /// Parses the configuration's text: `own`, `top` or a depth (`0`, `1`, …); nil for anything else.
    public init?(_ text: String) {
        switch text {
        case "own": self.init(.own)
        case "top": self.init(.depth(0))
        default:
            guard !text.isEmpty, text.utf8.count <= 4, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                let depth = Int(text)
            else { return nil }
            self.init(.depth(depth))
        }
    }

    /// The depth whose BUs invoice their subtrees; nil for `own`.
    public var subtreeDepth: Int? {
        switch base {
        case .own: nil
        case .depth(let depth): depth
        }
    }

    /// `own`, `top` (depth 0) or the depth.
    public var description: String {
        switch base {
        case .own: "own"
        case .depth(0): "top"
        case .depth(let depth): String(depth)
        }
    }
}
