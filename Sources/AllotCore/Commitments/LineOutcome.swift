/// What happened to one usage line: its covered parts and its On-Demand remainder.
public struct LineOutcome: Sendable, Hashable {
    /// The line's ``UsageLine/id``.
    public let lineID: Int
    /// Positions in ``ApplicationResult/coverages`` (kept as two 32-bit numbers: results are large).
    private let coverageStart: Int32
    private let coverageEnd: Int32
    /// The quantity left at On-Demand (a CUR `Usage` line).
    public let uncoveredQuantity: Amount
    /// `uncoveredQuantity × onDemandRate`.
    public let uncoveredCost: Amount

    public init(lineID: Int, coverageRange: Range<Int>, uncoveredQuantity: Amount, uncoveredCost: Amount) {
        self.lineID = lineID
        self.coverageStart = Int32(coverageRange.lowerBound)
        self.coverageEnd = Int32(coverageRange.upperBound)
        self.uncoveredQuantity = uncoveredQuantity
        self.uncoveredCost = uncoveredCost
    }

    /// The positions of the line's coverages in ``ApplicationResult/coverages``, in application order.
    public var coverageRange: Range<Int> { Int(coverageStart)..<Int(coverageEnd) }

    /// Whether any commitment covered part of the line.
    public var isCovered: Bool { coverageEnd > coverageStart }
}
