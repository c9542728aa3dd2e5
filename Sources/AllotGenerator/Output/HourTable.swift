import AllotCore

/// The hour boundaries of a delivery's span as CUR text, computed once: rows refer to boundaries by
/// index (0 is the span's start, `hours` its end).
struct HourTable: Sendable {
    /// The first boundary.
    let start: Timestamp
    /// The number of hours.
    let hours: Int
    /// `2026-10-01T00:00:00Z` for each boundary.
    private let texts: [[UInt8]]

    init(start: Timestamp, hours: Int) {
        self.start = start
        self.hours = hours
        texts = (0...hours).map { index in
            var bytes: [UInt8] = []
            start.adding(seconds: Int64(index) * 3600).appendISO8601(to: &bytes)
            return bytes
        }
    }

    /// The text of boundary `index`.
    func text(_ index: Int) -> [UInt8] {
        texts[index]
    }

    /// The instant of boundary `index`.
    func instant(_ index: Int) -> Timestamp {
        start.adding(seconds: Int64(index) * 3600)
    }

    /// The boundary index of `instant`, clamped to the span.
    func index(of instant: Timestamp) -> Int {
        let seconds = instant.secondsSinceEpoch - start.secondsSinceEpoch
        return Int(min(max(seconds / 3600, 0), Int64(hours)))
    }
}
