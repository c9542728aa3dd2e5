/// The hour's accounts numbered by ascending account ID, with their sharing flags.
///
/// The engine compares these small ranks instead of strings. Ranks follow the account IDs, so
/// "by account" tie-breaks are the same whatever the input order.
struct AccountIndex {
    /// Account IDs, ascending; position = rank.
    let accounts: [String]
    /// Whether the account at each rank shares discounts (`reference/aws-billing-rules.md` §3.3).
    let sharing: [Bool]
    /// The rank of each usage line's account, in input order.
    let lineRanks: [Int32]
    /// The rank of each Reserved Instance's owner, in input order.
    let reservedInstanceOwners: [Int32]
    /// The rank of each Savings Plan's owner, in input order.
    let savingsPlanOwners: [Int32]

    /// Ranks the accounts of the lines (numbered by the digest) and of the commitments' owners.
    init(_ application: CommitmentApplication, digest: LineDigest) throws(CommitmentError) {
        var names = digest.accountNames
        var numbers: [String: Int32] = [:]
        for (number, name) in names.enumerated() { numbers[name] = Int32(number) }
        func number(_ account: String) -> Int32 {
            if let known = numbers[account] { return known }
            let next = Int32(names.count)
            numbers[account] = next
            names.append(account)
            return next
        }
        let riOwners = application.reservedInstances.map { number($0.owner) }
        let spOwners = application.savingsPlans.map { number($0.owner) }

        try Self.checkMembership(names, of: application)

        let order = names.indices.sorted { names[$0] < names[$1] }
        var rankOfNumber = [Int32](repeating: 0, count: names.count)
        for (rank, number) in order.enumerated() { rankOfNumber[number] = Int32(rank) }
        accounts = order.map { names[$0] }
        sharing = accounts.map { application.sharing.isSharing($0) }
        lineRanks = digest.facts.map { rankOfNumber[Int($0.account)] }
        reservedInstanceOwners = riOwners.map { rankOfNumber[Int($0)] }
        savingsPlanOwners = spOwners.map { rankOfNumber[Int($0)] }
    }

    /// Refuses accounts outside the organization, naming the smallest such account and the smallest
    /// line or commitment ID that uses it.
    private static func checkMembership(_ names: [String], of application: CommitmentApplication) throws(CommitmentError) {
        guard let outsider = names.filter({ !application.memberAccounts.contains($0) }).min() else { return }
        let lineID = application.usage.lazy.filter { $0.account == outsider }.map(\.id).min()
        let commitmentID =
            (application.reservedInstances.filter { $0.owner == outsider }.map(\.id)
            + application.savingsPlans.filter { $0.owner == outsider }.map(\.id)).min()
        let user: String
        if let lineID {
            user = "usage line \(lineID)"
        } else if let commitmentID {
            user = "commitment \(commitmentID)"
        } else {
            user = "the input"
        }
        throw CommitmentError(
            code: .accountOutsideOrganization,
            message: "account \(outsider), used by \(user), is not a member of the organization",
            commitmentID: lineID == nil ? commitmentID : nil,
            usageLineID: lineID
        )
    }
}
