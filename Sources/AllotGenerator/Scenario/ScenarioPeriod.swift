import AllotCore

/// A billing period to generate, optionally cut short.
///
/// Normally the whole month is generated and the delivery is the final one of the month. With
/// ``through`` the usage stops at that instant (a month-to-date delivery) and the month-end charges
/// (RIFee, credits, support, tax) are computed over the generated span as if the month ended there,
/// which keeps test scenarios small (the `small` preset generates one day).
public struct ScenarioPeriod: Sendable, Hashable {
    /// The calendar month.
    public var period: BillingPeriod
    /// Where generation stops (exclusive); nil for the end of the month.
    public var through: Timestamp?

    public init(period: BillingPeriod, through: Timestamp? = nil) {
        self.period = period
        self.through = through
    }

    /// The first hour generated.
    public var start: Timestamp { period.start }
    /// The end of the generated span (exclusive).
    public var end: Timestamp { through ?? period.end }
    /// The number of hours generated.
    public var hours: Int { Int((end.secondsSinceEpoch - start.secondsSinceEpoch) / 3600) }
}
