/// How usage varies over the day: 24 percentages of the declared level, one per UTC hour.
///
/// Named shapes: `flat` (100 all day), `office` (busy 13:00–22:00 UTC, a US working day, 35 % at
/// night), `web` (a smooth consumer curve peaking in the US evening), `batch` (busy at night). A
/// scenario may give its own 24 numbers instead.
public struct DiurnalShape: Sendable, Hashable {
    /// Percent of the declared level for each hour of the day, 0…200.
    public let percents: [Int]

    /// A shape from 24 percentages; nil when there are not 24 or one is outside 0…200.
    public init?(percents: [Int]) {
        guard percents.count == 24, percents.allSatisfy({ (0...200).contains($0) }) else { return nil }
        self.percents = percents
    }

    private init(unchecked percents: [Int]) {
        self.percents = percents
    }

    /// 100 % every hour.
    public static let flat = DiurnalShape(unchecked: Array(repeating: 100, count: 24))
    /// A US working day in UTC.
    public static let office = DiurnalShape(unchecked: [
        60, 50, 40, 35, 35, 35, 35, 35, 35, 35, 40, 55, 75, 95, 100, 100, 100, 100, 100, 100, 95, 90, 80, 70,
    ])
    /// A consumer web site: low before dawn, peaking in the US evening.
    public static let web = DiurnalShape(unchecked: [
        95, 100, 100, 95, 85, 75, 65, 55, 50, 50, 55, 60, 65, 70, 75, 80, 80, 85, 85, 85, 85, 85, 90, 90,
    ])
    /// Batch processing: busy at night, idle by day.
    public static let batch = DiurnalShape(unchecked: [
        100, 100, 100, 100, 100, 100, 90, 70, 40, 20, 15, 15, 15, 15, 15, 15, 15, 15, 20, 30, 50, 70, 90, 100,
    ])

    /// The shape of a name, or nil.
    public static func named(_ name: String) -> DiurnalShape? {
        switch name.lowercased() {
        case "flat": .flat
        case "office": .office
        case "web": .web
        case "batch": .batch
        default: nil
        }
    }

    /// The percentage for an hour of the day (0…23).
    public func percent(hourOfDay: Int) -> Int {
        percents[((hourOfDay % 24) + 24) % 24]
    }
}
