/// What a role may do with an endpoint group: nothing, everything, or what concerns its business units.
public struct Access: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable {
        case denied, all, scoped
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// 403.
    public static let denied = Access(.denied)
    /// Every item of every business unit.
    public static let all = Access(.all)
    /// Only items of the token's business units and their descendants; others answer 404, as if they did not
    /// exist.
    public static let scoped = Access(.scoped)

    /// Whether the endpoints may be called at all.
    public var isAllowed: Bool { self != .denied }

    public var description: String { base.rawValue }
}
