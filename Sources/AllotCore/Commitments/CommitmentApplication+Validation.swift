extension CommitmentApplication {
    /// The largest number of reservations in one subscription the engine accepts.
    static let maximumReservationCount = 1_000_000

    /// Checks the commitments: unique IDs (across RIs and plans) and values in range. When several are
    /// wrong, the smallest ID is reported, so the error does not depend on input order. (The usage lines
    /// are checked by ``LineDigest`` as it reads them.)
    func validateCommitments() throws(CommitmentError) {
        var checks: [(id: String, problem: String?)] = []
        checks.reserveCapacity(reservedInstances.count + savingsPlans.count)
        for ri in reservedInstances {
            var problem: String?
            if ri.count < 0 || ri.count > Self.maximumReservationCount {
                problem = "count \(ri.count) is outside 0…\(Self.maximumReservationCount)"
            } else if ri.normalizationFactor <= .zero {
                problem = "normalization factor \(ri.normalizationFactor) is not positive"
            } else if ri.effectiveHourlyCost.isNegative {
                problem = "negative effective hourly cost \(ri.effectiveHourlyCost)"
            }
            checks.append((ri.id, problem.map { "Reserved Instance \(ri.id): \($0)" }))
        }
        for plan in savingsPlans {
            let problem = plan.hourlyCommitment.isNegative ? "negative hourly commitment \(plan.hourlyCommitment)" : nil
            checks.append((plan.id, problem.map { "Savings Plan \(plan.id): \($0)" }))
        }
        checks.sort { $0.id < $1.id }
        for position in checks.indices.dropFirst() where checks[position - 1].id == checks[position].id {
            let id = checks[position].id
            throw CommitmentError(code: .duplicateCommitment, message: "commitment \(id) appears more than once", commitmentID: id)
        }
        for check in checks {
            if let problem = check.problem {
                throw CommitmentError(code: .invalidInput, message: problem, commitmentID: check.id)
            }
        }
    }
}
