import AllotCore

/// One declared membership of a holding account: in `org` from `start` (inclusive) until `end` (exclusive;
/// nil: until further notice), from `holding-accounts[i].history[j]` of a validated configuration.
struct DeclaredMembership: Sendable, Hashable {
    var account: String
    var org: String
    var start: Timestamp
    var end: Timestamp?
    /// `holding-accounts[0].history[1]`, for warnings.
    var path: String

    /// Every interval of every holding account's history (a validated configuration's intervals all parse).
    static func all(in configuration: AllotConfiguration) -> [DeclaredMembership] {
        var memberships: [DeclaredMembership] = []
        for (holdingIndex, holding) in configuration.holdingAccounts.enumerated() {
            for (index, interval) in holding.history.enumerated() {
                guard let instants = interval.instants else { continue }
                memberships.append(
                    DeclaredMembership(
                        account: holding.account, org: interval.org, start: instants.start, end: instants.end,
                        path: "holding-accounts[\(holdingIndex)].history[\(index)]"))
            }
        }
        return memberships
    }

    /// `from 2026-10-15T00:00:00Z` or `from … to …`.
    var span: String {
        "from \(start)" + (end.map { " to \($0)" } ?? "")
    }
}
