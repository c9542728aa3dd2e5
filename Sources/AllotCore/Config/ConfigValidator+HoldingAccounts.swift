extension ConfigValidator {
    /// Holding accounts: account ids, owning BUs, and a declared history whose intervals parse, reference
    /// known organizations, end after they start and do not overlap.
    mutating func checkHoldingAccounts() {
        var firstByAccount: [String: Int] = [:]
        let list = ConfigPath.root.key("holding-accounts")
        for (index, holding) in config.holdingAccounts.enumerated() {
            let path = list.index(index)
            if !Self.isAccountId(holding.account) {
                report(path.key("account"), "'\(holding.account)' is not an account id (digits)")
            } else if let first = firstByAccount[holding.account] {
                report(path.key("account"), "duplicate holding account \(holding.account) (also holding-accounts[\(first)])")
            } else {
                firstByAccount[holding.account] = index
            }
            checkBU(holding.bu, at: path.key("bu"))
            checkHistory(holding.history, at: path.key("history"))
        }
    }

    private mutating func checkHistory(_ history: [MembershipInterval], at list: ConfigPath) {
        var parsed: [(index: Int, start: Timestamp, end: Timestamp?)] = []
        for (index, interval) in history.enumerated() {
            let path = list.index(index)
            checkOrganization(interval.org, at: path.key("org"))
            let start = MembershipInterval.instant(interval.from)
            if start == nil { report(path.key("from"), Self.notAnInstant(interval.from)) }
            var end: Timestamp?
            if let to = interval.to {
                end = MembershipInterval.instant(to)
                if end == nil { report(path.key("to"), Self.notAnInstant(to)) }
            }
            guard let start, interval.to == nil || end != nil else { continue }
            if let end, end <= start {
                report(path.key("to"), "must be after from (\(interval.from))")
                continue
            }
            if let other = parsed.first(where: { Self.overlap(($0.start, $0.end), (start, end)) }) {
                let earlier = history[other.index]
                report(path, "overlaps history[\(other.index)] (\(earlier.org) from \(earlier.from)\(earlier.to.map { " to \($0)" } ?? ""))")
            }
            parsed.append((index, start, end))
        }
    }

    /// Whether two half-open intervals (nil end: open-ended) share an instant.
    static func overlap(_ first: (Timestamp, Timestamp?), _ second: (Timestamp, Timestamp?)) -> Bool {
        let firstEndsAfterSecondStarts = first.1.map { $0 > second.0 } ?? true
        let secondEndsAfterFirstStarts = second.1.map { $0 > first.0 } ?? true
        return firstEndsAfterSecondStarts && secondEndsAfterFirstStarts
    }

    private static func notAnInstant(_ text: String) -> String {
        "'\(text)' is not a date (YYYY-MM-DD) or an RFC 3339 instant (2026-10-15T00:00:00Z)"
    }
}
