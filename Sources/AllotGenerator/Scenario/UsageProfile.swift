/// What an account runs: EC2 fleets and other services, shaped over the day.
public struct UsageProfile: Sendable, Hashable {
    /// The name accounts refer to.
    public var name: String
    /// The level over the day.
    public var diurnal: DiurnalShape
    /// The level on Saturdays and Sundays, in percent of a weekday.
    public var weekendPercent: Int
    /// EC2 instances: what Reserved Instances and Savings Plans cover.
    public var instances: [InstanceFleet]
    /// Other services, billed as plain `Usage`.
    public var services: [ServiceUsage]

    init(name: String, diurnal: DiurnalShape, weekendPercent: Int, instances: [InstanceFleet], services: [ServiceUsage]) {
        self.name = name
        self.diurnal = diurnal
        self.weekendPercent = weekendPercent
        self.instances = instances
        self.services = services
    }

    /// The percentage of the declared level at an hour: the diurnal shape, times the weekend level
    /// on Saturdays and Sundays.
    func percent(hourOfDay: Int, isWeekend: Bool) -> Int {
        let level = diurnal.percent(hourOfDay: hourOfDay)
        return isWeekend ? level * weekendPercent / 100 : level
    }
}
