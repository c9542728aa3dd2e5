import AllotCore

/// Which organization each account is in, at every instant: its starting organization, then the
/// scenario's moves (§3.4). Between leaving and joining, an account is standalone (in no CUR).
struct MembershipTimeline: Sendable {
    /// One stretch of membership.
    struct Stretch: Sendable {
        let organization: String
        let from: Timestamp
        let to: Timestamp
    }

    private static let distantPast = Timestamp(microsecondsSinceEpoch: Int64.min / 4)
    private static let distantFuture = Timestamp(microsecondsSinceEpoch: Int64.max / 4)

    private let stretches: [String: [Stretch]]
    /// Every instant at which some account leaves or joins.
    let changes: [Timestamp]

    init(_ scenario: Scenario) {
        var stretches: [String: [Stretch]] = [:]
        var changes = Set<Timestamp>()
        for account in scenario.accounts {
            var current = account.organization
            var from = Self.distantPast
            var list: [Stretch] = []
            let moves = scenario.moves.filter { $0.account == account.id }.sorted { $0.leaves < $1.leaves }
            for move in moves {
                list.append(Stretch(organization: current, from: from, to: move.leaves))
                current = move.to
                from = move.joins
                changes.insert(move.leaves)
                changes.insert(move.joins)
            }
            list.append(Stretch(organization: current, from: from, to: Self.distantFuture))
            stretches[account.id] = list
        }
        self.stretches = stretches
        self.changes = changes.sorted()
    }

    /// The organization of `account` at `instant`, or nil when it is standalone.
    func organization(of account: String, at instant: Timestamp) -> String? {
        stretches[account]?.first { $0.from <= instant && instant < $0.to }?.organization
    }

    /// The stretches of `account` in `organization` that overlap `from..<to`, clipped to it.
    func stretches(of account: String, in organization: String, from: Timestamp, to: Timestamp) -> [Stretch] {
        (stretches[account] ?? []).compactMap { stretch in
            guard stretch.organization == organization, stretch.from < to, stretch.to > from else { return nil }
            return Stretch(organization: organization, from: max(stretch.from, from), to: min(stretch.to, to))
        }
    }

    /// The organization whose bill carries the account's credits in a period: the one it is in at the
    /// period's start, else the first it joins during the period (§6).
    func creditOrganization(of account: String, from: Timestamp, to: Timestamp) -> String? {
        if let organization = organization(of: account, at: from) { return organization }
        return (stretches[account] ?? []).first { $0.from >= from && $0.from < to }?.organization
    }
}
